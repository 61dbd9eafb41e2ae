import "./install-runtime";
import { checklist, gradeFn, match } from "../../functions/functions";
import { grade } from "../../src/rules/grade";
import { scoreRow } from "../../src/rules";
import { expectExcelError } from "./expect-error";

/** What Excel passes for an omitted optional argument. */
const OMITTED = null as never;

describe("JX.CHECKLIST", () => {
  test("sums the shares of met points; TRUE/1/是/√ are met, FALSE/0/否/×/blank are not", () => {
    expect(checklist([[true, false, true]], [[1, 1, 1]], OMITTED)).toBe(2);
    expect(checklist([[1, 0, "是", "否", "√", "×", null, ""]], [[1, 1, 1, 1, 1, 1, 1, 1]], OMITTED)).toBe(3);
    expect(checklist([["具备"], ["不具备"]], [[2], [3]], OMITTED)).toBe(2);
  });

  test("a gate point not met gives 0 (不具备要点1得0分)", () => {
    expect(checklist([[false, true, true]], [[1, 1, 1]], [[1]])).toBe(0);
    expect(checklist([[true, false, true]], [[1, 1, 1]], [[1]])).toBe(2);
    expect(checklist([[true, true, false]], [[1, 1, 1]], [[1, 3]])).toBe(0);
  });

  test("全部/all: any point missing gives 0", () => {
    expect(checklist([["是", "否"]], [[2, 3]], [["全部"]])).toBe(0);
    expect(checklist([["是", "是"]], [[2, 3]], [["all"]])).toBe(5);
  });

  test("an empty gate argument (null, 0) means no gate", () => {
    expect(checklist([[false, true]], [[1, 1]], [[0]])).toBe(1);
    expect(checklist([[false, true]], [[1, 1]], [[0]])).toBe(1);
  });

  test("agrees with the engine scoring the same points written as rule text", () => {
    const r = scoreRow({ rule: "具备要点1得1分，具备要点2得2分，具备要点3得1分", target: "全部要点", actual: "具备要点1、2", weight: 4 });
    expect(r.ok).toBe(true);
    expect(checklist([[true, true, false]], [[1, 2, 1]], OMITTED)).toBe(r.ok ? r.score : NaN);
  });

  test("bad input", () => {
    expectExcelError(checklist([[true, false]], [[1, 1, 1]], OMITTED), "#VALUE!", /个数应相同/);
    expectExcelError(checklist([[true, "也许"]], [[1, 1]], OMITTED), "#VALUE!", /要点第2项/);
    expectExcelError(checklist([[true, true]], [[1, -1]], OMITTED), "#VALUE!", /负数/);
    expectExcelError(checklist([[true, true]], [[0, 0]], OMITTED), "#VALUE!", /合计为0/);
    expectExcelError(checklist([[true, true]], [[1, 1]], [[3]]), "#VALUE!", /要点序号/);
  });
});

describe("JX.MATCH", () => {
  test("matching words are full marks, a negative word is 0", () => {
    expect(match("健全", "健全", 5, null)).toBe(5);
    expect(match("按规定公开", "按规定公开", 2, null)).toBe(2);
    expect(match("健全", "未建立", 5, null)).toBe(0);
  });

  test("a partial achievement needs a person: #N/A naming the band, which follows the bands option", () => {
    expectExcelError(match("显著提升", "有所提升", 5, null), "#N/A", /3至4分/);
    expectExcelError(match("显著提升", "有所提升", 5, "80/50"), "#N/A", /2\.5至4分/);
  });

  test("bad input", () => {
    expectExcelError(match("健全", null, 5, null), "#VALUE!", /实际值为空/);
    expectExcelError(match("健全", "健全", 5, "70/40"), "#VALUE!", /定性指标档次/);
  });
});

describe("JX.GRADE", () => {
  test.each([
    [95, null, "优"],
    [90, null, "优"],
    [89.99, null, "良"],
    [60, null, "中"],
    [59.5, null, "差"],
    [91, "优秀良好", "优秀"],
    [75, "80/70/60", "良"],
    [89, "整数区间", "良"],
    [0, null, "差"],
  ])("total %p, scheme %p -> %p", (total, scheme, expected) => {
    expect(gradeFn(total, scheme)).toBe(expected);
  });

  test("agrees with the engine's grade for the code-word schemes", () => {
    for (const scheme of ["national", "national-excellent", "80-70-60", "integer-intervals"] as const) {
      for (const t of [100, 90, 85, 79, 70, 59]) expect(gradeFn(t, scheme)).toBe(grade(t, scheme).grade);
    }
  });

  test("an empty scheme cell (0) is the national scheme; a total as text is read", () => {
    expect(gradeFn(85, 0)).toBe("良");
    expect(gradeFn("85分", null)).toBe("良");
  });

  test("a total in a gap or out of range has no grade: #N/A that says why", () => {
    expectExcelError(gradeFn(89.5, "整数区间"), "#N/A", /落在等级区间之间/);
    expectExcelError(gradeFn(101, null), "#N/A", /超出0–100/);
  });

  test("bad input", () => {
    expectExcelError(gradeFn(null, null), "#VALUE!", /总分为空/);
    expectExcelError(gradeFn("很好", null), "#VALUE!", /总分/);
    expectExcelError(gradeFn(80, "五级制"), "#VALUE!", /等级标准/);
  });
});

describe("scheme and band words that are names of JavaScript object members", () => {
  test.each(["toString", "constructor", "__proto__", "hasOwnProperty"])("%p is refused", (word) => {
    expectExcelError(gradeFn(80, word), "#VALUE!");
    expectExcelError(match("健全", "健全", 5, word), "#VALUE!");
  });
});
