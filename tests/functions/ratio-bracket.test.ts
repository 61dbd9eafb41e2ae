import "./install-runtime";
import { bracket, ratio } from "../../functions/functions";
import { scoreRow } from "../../src/rules";
import { expectExcelError } from "./expect-error";

/** What Excel passes for an omitted optional argument. */
const OMITTED = null as never;

describe("JX.RATIO", () => {
  test("weight × actual/target, capped at the weight", () => {
    expect(ratio(0.9, 1, 10, null)).toBe(9);
    expect(ratio(1.2, 1, 10, null)).toBe(10);
    expect(ratio("44860人次", "50000人次", 5, null)).toBe(4.49);
  });

  test("agrees with the engine scoring the same rule text (seeds/001 固定资产利用率)", () => {
    const r = scoreRow({ rule: "采用完成率法计分：得分=实际值/目标值×分值，超出目标值不加分", target: 0.8, actual: 0.7, weight: 3 });
    expect(r.ok).toBe(true);
    expect(ratio(0.7, 0.8, 3, null)).toBe(r.ok ? r.score : NaN);
  });

  test("lower is better: a ≤ target, or a reverse formula given", () => {
    expect(ratio(0.12, "≤10%", 10, null)).toBe(8.33);
    expect(ratio(0.12, 0.1, 10, true)).toBe(8.33);
    expect(ratio(0.12, 0.1, 10, "目标/实际")).toBe(8.33);
    expect(ratio(0.12, 0.1, 10, "相对")).toBe(8);
    expect(ratio(0.12, 0.1, 10, "relative")).toBe(8);
    expect(ratio(0.08, 0.1, 10, "relative")).toBe(10);
  });

  test("empty optional argument: null and 0 mean higher is better", () => {
    expect(ratio(0.9, 1, 10, 0)).toBe(9);
    expect(ratio(0.9, 1, 10, false)).toBe(9);
  });

  test("bad input", () => {
    expectExcelError(ratio(0.9, 0, 10, null), "#VALUE!", /目标值/);
    expectExcelError(ratio(0.9, 1, 10, "随便"), "#VALUE!", /反向指标公式/);
    expectExcelError(ratio("健全", 1, 10, null), "#VALUE!", /实际值/);
    expectExcelError(ratio(null, 1, 10, null), "#VALUE!", /实际值为空/);
  });
});

describe("JX.BRACKET", () => {
  const bounds = [[1, 0.95, 0.9, 0.85]];
  const points = [[4, 3, 2, 1]];

  test.each([
    [1, 4],
    [1.1, 4],
    [0.99, 3],
    [0.95, 3],
    [0.94, 2],
    [0.9, 2],
    [0.85, 1],
    [0.8, 0],
  ])("=JX.BRACKET(%p,{1,0.95,0.9,0.85},{4,3,2,1}) = %p", (value, expected) => {
    expect(bracket(value, bounds, points, null)).toBe(expected);
  });

  test("bounds and points from column ranges read the same as array constants", () => {
    expect(bracket(0.96, [[1], [0.95], [0.9], [0.85]], [[4], [3], [2], [1]], null)).toBe(3);
  });

  test("closed side upper: a value on a bound belongs to the tier below", () => {
    expect(bracket(0.95, bounds, points, "上")).toBe(2);
    expect(bracket(0.95, bounds, points, "upper")).toBe(2);
    expect(bracket(0.95, bounds, points, "lower")).toBe(3);
  });

  test("ascending bounds are upper ends (lower is better: 结余率 ≤10% 得3分)", () => {
    const asc = [[0.1, 0.2, 0.3]];
    const pts = [[3, 2, 1]];
    expect(bracket(0.05, asc, pts, null)).toBe(3);
    expect(bracket(0.1, asc, pts, null)).toBe(3);
    expect(bracket(0.15, asc, pts, null)).toBe(2);
    expect(bracket(0.35, asc, pts, null)).toBe(0);
    expect(bracket(0.1, asc, pts, "下")).toBe(2);
  });

  test("text form of tiers, read by the rule parser, agrees with the engine", () => {
    const text = "100%>结果≥95%，得3分；95%>结果≥90%，得2分；结果<90%，得0分";
    for (const v of [0.97, 0.92, 0.8]) {
      const r = scoreRow({ rule: text, target: null, actual: v, weight: 3 });
      expect(r.ok).toBe(true);
      expect(bracket(v, [[text]], OMITTED, null)).toBe(r.ok ? r.score : NaN);
    }
  });

  test("blank cells in the ranges are skipped; an empty points cell (0) with the text form is fine", () => {
    expect(bracket(0.96, [[1, 0.95, null, ""]], [[4, 3, null, ""]], null)).toBe(3);
    expect(bracket(0.96, [["≥95%，得3分；≥90%，得2分"]], [[0]], null)).toBe(3);
  });

  test("bad tiers are refused with the reason", () => {
    expectExcelError(bracket(0.9, [[1, 0.95]], [[4, 3, 2]], null), "#VALUE!", /个数应相同/);
    expectExcelError(bracket(0.9, [[1, 0.8, 0.9]], [[4, 3, 2]], null), "#VALUE!", /从高到低/);
    expectExcelError(bracket(0.9, [[1, "九成"]], [[4, 3]], null), "#VALUE!", /分档界限第2项/);
    expectExcelError(bracket(0.9, [[1, 0.95]], [[4, -3]], null), "#VALUE!", /负数/);
    expectExcelError(bracket(0.9, [[null]], [[null]], null), "#VALUE!", /分档界限为空/);
    expectExcelError(bracket(0.9, bounds, points, "中间"), "#VALUE!", /边界归属/);
    expectExcelError(bracket(null, bounds, points, null), "#VALUE!", /数值为空/);
    expectExcelError(bracket(0.9, [["随便写写"]], OMITTED, null), "#VALUE!", /无法识别评分规则/);
    expectExcelError(bracket(0.9, [["≥95%，得3分"]], [[3]], null), "#VALUE!", /不要再给出得分/);
  });
});
