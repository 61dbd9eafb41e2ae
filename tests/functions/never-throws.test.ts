/**
 * Whatever a cell holds, a =JX.* function returns a value or a CustomFunctions.Error — it never throws —
 * and a score stays within [0, weight].
 */
import "./install-runtime";
import fc from "fast-check";
import * as jx from "../../functions/functions";
import { isExcelError } from "./stand-in";

const texts = ["≥95%", "=100%", "≤10%", "健全", "未建立", "95.4%", "2 95%", "在2021年6月30日前完成", "12项", "整步", "上", "全部", "80/50", "步长=整步", "", " ", "每降低1%扣权重分的10%", "≥95%，得3分；≥90%，得2分", "随便"];
const scalar = fc.oneof(
  fc.double({ noNaN: false, min: -1e6, max: 1e6 }),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(...texts),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(0),
);
const range = fc.array(fc.array(scalar, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }).filter((rows) => rows.every((r) => r.length === rows[0].length));
const arg = fc.oneof(scalar, range);

const FUNCTIONS: [string, (...a: never[]) => unknown, number][] = [
  ["SCORE", jx.score, 5],
  ["EXPLAIN", jx.explain, 5],
  ["LINEAR_DEDUCT", jx.linearDeduct, 7],
  ["LINEAR_DEDUCT_POINTS", jx.linearDeductPointsFn, 7],
  ["RATIO", jx.ratio, 4],
  ["BRACKET", jx.bracket, 4],
  ["CHECKLIST", jx.checklist, 3],
  ["MATCH", jx.match, 4],
  ["GRADE", jx.gradeFn, 2],
  ["WEIGHTS", jx.weights, 2],
  ["VALUE", jx.value, 1],
  ["MEETS", jx.meetsFn, 2],
];

describe("no argument makes a function throw", () => {
  test.each(FUNCTIONS)("JX.%s", (_id, fn, arity) => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: arity, maxLength: arity }), (args) => {
        const result = (fn as (...a: unknown[]) => unknown)(...args);
        // An internal error would mean an exception escaped the engine: only deliberate messages pass.
        if (isExcelError(result)) return /[\u4e00-\u9fff]/.test(result.message ?? "") && !(result.message ?? "").startsWith("JX 内部错误");
        return ["number", "string", "boolean"].includes(typeof result) && (typeof result !== "number" || Number.isFinite(result));
      }),
      { numRuns: 300 },
    );
  });
});

describe("scores stay within [0, weight] and do not fall as the actual rises", () => {
  const pct = fc.integer({ min: 0, max: 1500 }).map((n) => n / 1000);
  const weight = fc.integer({ min: 1, max: 40 });
  const rate = fc.integer({ min: 1, max: 100 }).map((n) => n / 100);

  test("JX.LINEAR_DEDUCT", () => {
    fc.assert(
      fc.property(pct, pct, pct, weight, rate, (a1, a2, t, w, r) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const s1 = jx.linearDeduct(lo, t, w, r, null, null, null) as number;
        const s2 = jx.linearDeduct(hi, t, w, r, null, null, null) as number;
        return s1 >= 0 && s2 <= w && s1 <= s2;
      }),
      { numRuns: 300 },
    );
  });

  test("JX.RATIO", () => {
    fc.assert(
      fc.property(pct, pct, pct.filter((t) => t > 0), weight, (a1, a2, t, w) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const s1 = jx.ratio(lo, t, w, null) as number;
        const s2 = jx.ratio(hi, t, w, null) as number;
        return s1 >= 0 && s2 <= w && s1 <= s2;
      }),
      { numRuns: 300 },
    );
  });
});
