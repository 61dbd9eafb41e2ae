import "./install-runtime";
import { explain, score } from "../../functions/functions";
import { scoreRow } from "../../src/rules";
import { expectExcelError } from "./expect-error";

const RULE_000 = "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止";

function engineScore(rule: string | null, target: unknown, actual: unknown, weight: unknown, options = {}): number | null {
  const r = scoreRow({ rule, target: target as never, actual: actual as never, weight: weight as never }, options);
  if (!r.ok) throw new Error(r.error);
  return r.score;
}

describe("JX.SCORE", () => {
  test.each([
    [RULE_000, "100%", 0.954, 4],
    [RULE_000, 1, 0.9, 4],
    [RULE_000, "=100%", "95.4%", 4],
    ["每增加0.1个百分点扣0.1分", "≤2%", 0.025, 5],
    [null, "≥95%", 0.9, 10],
    [null, "≤10%", 0.12, 10],
    [null, "健全", "健全", 5],
  ])("rule %p, target %p, actual %p, weight %p scores as the engine does", (rule, target, actual, weight) => {
    expect(score(rule, target, actual, weight, null)).toBe(engineScore(rule, target, actual, weight));
  });

  test("seeds/000: 95.4% against 100% with 每降低1%扣10% is 2.16 (proportional)", () => {
    expect(score(RULE_000, "100%", 0.954, 4, null)).toBe(2.16);
  });

  test("options text changes the reading: 步长=整步 gives 2.4, code words too", () => {
    expect(score(RULE_000, "100%", 0.954, 4, "步长=整步")).toBe(2.4);
    expect(score(RULE_000, "100%", 0.954, 4, "stepCounting=whole")).toBe(2.4);
    expect(score(RULE_000, "100%", 0.954, 4, "步长=整步;舍入=一位小数")).toBe(engineScore(RULE_000, "100%", 0.954, 4, { stepCounting: "whole", rounding: "half-up-1" }));
  });

  test("an empty rule cell is the national default rule: null (web), 0 (desktop) and blank text alike", () => {
    const expected = engineScore(null, "≥95%", 0.9, 10);
    expect(score(null, "≥95%", 0.9, 10, null)).toBe(expected);
    expect(score(0, "≥95%", 0.9, 10, null)).toBe(expected);
    expect(score("  ", "≥95%", 0.9, 10, null)).toBe(expected);
  });

  test("an omitted options argument (null) and an empty options cell (0) mean the defaults", () => {
    expect(score(RULE_000, 1, 0.954, 4, 0)).toBe(2.16);
    expect(score(RULE_000, 1, 0.954, 4, undefined)).toBe(2.16);
  });

  test("1×1 ranges are read as the cell", () => {
    expect(score([[RULE_000]], [[1]], [[0.954]], [[4]], null)).toBe(2.16);
  });

  test("bad input is a #VALUE! with a Chinese message, never a number", () => {
    expectExcelError(score("随便写的规则", 1, 1, 4, null), "#VALUE!", /无法识别评分规则/);
    expectExcelError(score(RULE_000, 1, null, 4, null), "#VALUE!", /实际值/);
    expectExcelError(score(RULE_000, 1, 0.9, 0, null), "#VALUE!", /权重/);
    expectExcelError(score(RULE_000, 1, 0.9, -4, null), "#VALUE!", /权重/);
    expectExcelError(score(RULE_000, 1, 0.9, 4, "步长=随意"), "#VALUE!", /步长/);
    expectExcelError(score(RULE_000, 1, 0.9, 4, "颜色=红"), "#VALUE!", /未知的选项/);
    expectExcelError(score(RULE_000, 1, [[0.9, 0.8]], 4, null), "#VALUE!", /单个单元格/);
  });

  test("a rule only a person can score (酌情扣分) says so as #N/A", () => {
    expectExcelError(score("视情节严重程度酌情扣分", 1, 1, 4, null), "#N/A");
  });
});

describe("JX.EXPLAIN", () => {
  test("returns the engine's Chinese explanation", () => {
    const r = scoreRow({ rule: RULE_000, target: "100%", actual: 0.954, weight: 4 });
    expect(r.ok).toBe(true);
    const text = explain(RULE_000, "100%", 0.954, 4, null);
    expect(text).toBe(r.ok ? r.explanation : "");
    expect(text).toMatch(/4\.6个百分点/);
  });

  test("names the chosen reading when options are given", () => {
    expect(explain(RULE_000, "100%", 0.954, 4, "步长=整步")).toMatch(/整步/);
  });

  test("bad input is a #VALUE! with the reason", () => {
    expectExcelError(explain("随便写的规则", 1, 1, 4, null), "#VALUE!", /无法识别评分规则/);
  });
});

describe("option words that are names of JavaScript object members", () => {
  test.each(["constructor=1", "步长=toString", "__proto__=1", "舍入=valueOf", "toString=整步"])("%p is refused, not read as an option", (options) => {
    expectExcelError(score(RULE_000, 1, 0.954, 4, options), "#VALUE!", /选项|未知|不接受/);
  });
});
