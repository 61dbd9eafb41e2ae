import "./install-runtime";
import { linearDeduct, linearDeductPointsFn } from "../../functions/functions";
import { scoreRow } from "../../src/rules";
import { expectExcelError } from "./expect-error";

function byRuleText(rule: string, target: unknown, actual: unknown, weight: number, options = {}): number | null {
  const r = scoreRow({ rule, target: target as never, actual: actual as never, weight }, options);
  if (!r.ok) throw new Error(r.error);
  return r.score;
}

describe("JX.LINEAR_DEDUCT (deduction as a share of the weight)", () => {
  test("=JX.LINEAR_DEDUCT(95%,100%,4,10%) = 2", () => {
    expect(linearDeduct(0.95, 1, 4, 0.1, null, null, null)).toBe(2);
  });

  test("rate written as text “10%” reads the same", () => {
    expect(linearDeduct(0.95, 1, 4, "10%", null, null, null)).toBe(2);
  });

  test.each([0.954, 0.9, 0.5, 1, 1.05, 0.999])("actual %p agrees with the engine scoring the equivalent rule text", (actual) => {
    expect(linearDeduct(actual, 1, 4, 0.1, null, null, null)).toBe(byRuleText("实际值为100%得满分,每降低1%扣权重分的10%,扣完为止", 1, actual, 4));
  });

  test("counting option: whole, nearest and started steps, in Chinese or code words", () => {
    expect(linearDeduct(0.954, 1, 4, 0.1, null, null, "整步")).toBe(2.4);
    expect(linearDeduct(0.954, 1, 4, 0.1, null, null, "whole")).toBe(2.4);
    expect(linearDeduct(0.954, 1, 4, 0.1, null, null, "nearest")).toBe(2.0);
    expect(linearDeduct(0.954, 1, 4, 0.1, null, null, "开始即扣")).toBe(2.0);
    expect(linearDeduct(0.954, 1, 4, 0.1, null, null, "按比例")).toBe(2.16);
  });

  test("a larger step: 每降低5%扣权重的5% at 85% is 3 steps", () => {
    expect(linearDeduct(0.85, 1, 10, 0.05, 0.05, null, null)).toBe(byRuleText("每降低5%扣指标分值的5%", 1, 0.85, 10));
  });

  test("direction: a ≤ target is penalised above it by default; both penalises either side", () => {
    expect(linearDeduct(0.12, "≤10%", 5, 0.1, null, null, null)).toBe(4);
    expect(linearDeduct(0.08, "≤10%", 5, 0.1, null, null, null)).toBe(5);
    expect(linearDeduct(0.12, 0.1, 5, 0.1, null, "高于", null)).toBe(4);
    expect(linearDeduct(0.12, 0.1, 5, 0.1, null, "above", null)).toBe(4);
    expect(linearDeduct(0.08, 0.1, 5, 0.1, null, "双向", null)).toBe(4);
    expect(linearDeduct(0.12, 0.1, 5, 0.1, null, "both", null)).toBe(4);
  });

  test("floor 0: 扣完为止", () => {
    expect(linearDeduct(0.5, 1, 4, 0.1, null, null, null)).toBe(0);
  });

  test("values that are not percents need a step: 每少1项扣权重的10%", () => {
    expect(linearDeduct("8项", "10项", 5, 0.1, 1, null, null)).toBe(4);
    expect(linearDeduct(95, 100, 5, 0.1, 1, null, null)).toBe(2.5);
    expectExcelError(linearDeduct(95, 100, 5, 0.1, null, null, null), "#VALUE!", /步长/);
  });

  test("empty optional arguments: null (web) and 0 (desktop) both mean the default", () => {
    expect(linearDeduct(0.95, 1, 4, 0.1, 0, 0, 0)).toBe(2);
    expect(linearDeduct(0.95, 1, 4, 0.1, "", "", "")).toBe(2);
  });

  test("a rate that is not a share of the weight is refused, pointing to LINEAR_DEDUCT_POINTS", () => {
    expectExcelError(linearDeduct(0.95, 1, 4, 10, null, null, null), "#VALUE!", /LINEAR_DEDUCT_POINTS/);
    expectExcelError(linearDeduct(0.95, 1, 4, 0, null, null, null), "#VALUE!", /扣分比例/);
  });

  test("blank or unreadable required arguments are refused", () => {
    expectExcelError(linearDeduct(null, 1, 4, 0.1, null, null, null), "#VALUE!", /实际值为空/);
    expectExcelError(linearDeduct("", 1, 4, 0.1, null, null, null), "#VALUE!", /实际值为空/);
    expectExcelError(linearDeduct(0.9, null, 4, 0.1, null, null, null), "#VALUE!", /目标值为空/);
    expectExcelError(linearDeduct(0.9, 1, 4, null, null, null, null), "#VALUE!", /扣分比例为空/);
    expectExcelError(linearDeduct(0.9, 1, "四分", 0.1, null, null, null), "#VALUE!", /权重/);
    expectExcelError(linearDeduct(0.9, 1, 4, 0.1, -0.01, null, null), "#VALUE!", /步长/);
    expectExcelError(linearDeduct(0.9, 1, 4, 0.1, null, "斜着", null), "#VALUE!", /扣分方向/);
    expectExcelError(linearDeduct(0.9, 1, 4, 0.1, null, null, "随便"), "#VALUE!", /步长计算/);
    expectExcelError(linearDeduct("2 95%", 1, 4, 0.1, null, null, null), "#VALUE!");
  });

  test("a desktop blank actual arrives as 0 and is scored as 0% (documented limitation)", () => {
    expect(linearDeduct(0, 1, 4, 0.1, null, null, null)).toBe(0);
  });
});

describe("JX.LINEAR_DEDUCT_POINTS (deduction in fixed points)", () => {
  test("=JX.LINEAR_DEDUCT_POINTS(95%,100%,4,0.1) = 3.5", () => {
    expect(linearDeductPointsFn(0.95, 1, 4, 0.1, null, null, null)).toBe(3.5);
  });

  test("seeds/001: 每增加0.1个百分点扣0.1分 agrees with the rule text", () => {
    expect(linearDeductPointsFn(0.025, "≤2%", 5, 0.1, 0.001, null, null)).toBe(byRuleText("每增加0.1个百分点扣0.1分", "≤2%", 0.025, 5));
  });

  test("每缺少一项扣3分", () => {
    expect(linearDeductPointsFn(8, 10, 10, 3, 1, null, null)).toBe(4);
    expect(linearDeductPointsFn(5, 10, 10, 3, 1, null, null)).toBe(0);
  });

  test("points must be positive", () => {
    expectExcelError(linearDeductPointsFn(0.95, 1, 4, -1, null, null, null), "#VALUE!", /每步扣分/);
  });
});
