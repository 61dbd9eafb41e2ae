import "./install-runtime";
import { meetsFn, value, weights } from "../../functions/functions";
import { scoreRow } from "../../src/rules";
import { expectExcelError } from "./expect-error";

describe("JX.WEIGHTS", () => {
  test("a total of 100 passes", () => {
    expect(weights([[10, 20], [30, 40]], null)).toBe("权重合计100，通过");
  });

  test("a difference is named", () => {
    expect(weights([[10, 20], [30, 35]], null)).toBe("权重合计95，比100少5，未通过");
    expect(weights([[10, 20], [30, 45.5]], null)).toBe("权重合计105.5，比100多5.5，未通过");
  });

  test("decimal weights add exactly (0.1 + 0.2 style sums)", () => {
    expect(weights([[33.3, 33.3, 33.4]], null)).toBe("权重合计100，通过");
  });

  test("blank cells (null, empty text) and desktop blanks (0) do not change the sum; text weights are read", () => {
    expect(weights([[10, null], ["", 90], [0, 0]], null)).toBe("权重合计100，通过");
    expect(weights([["15分"], ["85"]], null)).toBe("权重合计100，通过");
  });

  test("another expected total; an empty expected cell (0) means 100", () => {
    expect(weights([[5, 5]], 10)).toBe("权重合计10，通过");
    expect(weights([[50, 50]], 0)).toBe("权重合计100，通过");
  });

  test("bad input", () => {
    expectExcelError(weights([["权重", 10]], null), "#VALUE!", /权重第1个单元格/);
    expectExcelError(weights([[null, ""]], null), "#VALUE!", /为空/);
    expectExcelError(weights([[-5, 105]], null), "#VALUE!", /负数/);
  });
});

describe("JX.VALUE", () => {
  test.each([
    ["≥95百分比", 0.95],
    ["≥95%", 0.95],
    ["＞＝95％", 0.95],
    ["不低于90%", 0.9],
    ["≤4万元", 4],
    ["44860人次", 44860],
    ["24,315.81", 24315.81],
    [0.95, 0.95],
  ])("%p -> %p", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  test("text without a number, a date, a blank and OCR damage are refused", () => {
    expectExcelError(value("健全"), "#VALUE!", /文字/);
    expectExcelError(value("在2021年6月30日前完成"), "#VALUE!", /日期/);
    expectExcelError(value(null), "#VALUE!", /为空/);
    expectExcelError(value("2 95%"), "#VALUE!", /无法识别/);
  });
});

describe("JX.MEETS", () => {
  test.each([
    ["≥95%", 0.96, true],
    ["≥95%", 0.94, false],
    ["≤10%", 0.12, false],
    ["≤10%", 0.08, true],
    ["=100%", 1, true],
    [1, 1.05, true],
    ["健全", "健全", true],
    ["健全", "未建立", false],
  ])("target %p, actual %p -> %p", (target, actual, expected) => {
    expect(meetsFn(target, actual)).toBe(expected);
  });

  test("agrees with the engine's met flag for the national default rule", () => {
    const r = scoreRow({ rule: null, target: "≥90%", actual: "89.5%", weight: 1 });
    expect(r.ok).toBe(true);
    expect(meetsFn("≥90%", "89.5%")).toBe(r.ok ? r.met : null);
  });

  test("bad input", () => {
    expectExcelError(meetsFn(null, 1), "#VALUE!", /目标值为空/);
    expectExcelError(meetsFn("≥95%", "很多"), "#VALUE!");
  });
});
