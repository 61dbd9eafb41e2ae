import fc from "fast-check";
import { d, linear, points, share } from "./helpers";
import { evaluateRule } from "../../../src/rules/evaluateRule";
import type { Amount, Rule, ScoringOptions } from "../../../src/rules/types";

const percentText = fc.integer({ min: 0, max: 15000 }).map((n) => `${n / 100}%`);
const weight = fc.integer({ min: 1, max: 400 }).map((n) => n / 4);
const amount: fc.Arbitrary<Amount> = fc.oneof(
  fc.integer({ min: 1, max: 50 }).map((n) => share(n / 100)),
  fc.integer({ min: 1, max: 40 }).map((n) => points(n / 10)),
);
const stepPct = fc.constantFrom(0.001, 0.01, 0.05, 0.1);
const counting = fc.constantFrom<ScoringOptions["stepCounting"]>("proportional", "whole", "nearest", "started");
const linearRule: fc.Arbitrary<Rule> = fc.record({ direction: fc.constantFrom("below", "above", "both" as const), step: stepPct, perStep: amount }).map((p) => linear({ direction: p.direction as "below", step: d(p.step), perStep: p.perStep }));

function score(rule: Rule, target: string, actual: string, w: number, options?: Partial<ScoringOptions>): number {
  const r = evaluateRule(rule, { target, actual, weight: w }, options);
  if (!r.ok || r.score === null) throw new Error(r.ok ? "no score" : r.error);
  return r.score;
}

describe("properties of scoring", () => {
  test("a score is always within [0, w]", () => {
    const anyRule: fc.Arbitrary<Rule> = fc.oneof(
      linearRule,
      fc.record({ lower: fc.boolean(), den: fc.option(fc.integer({ min: 1, max: 100 })) }).map((p): Rule => ({ kind: "ratio", text: "", denominator: p.den === null ? null : d(p.den / 100), lowerIsBetter: p.lower, capped: true, gate: null, gateDeduct: null })),
      fc.constant<Rule>({ kind: "default", text: "" }),
      amount.map((a): Rule => ({ kind: "occurrence", text: "", perOccurrence: a, cap: null })),
    );
    fc.assert(
      fc.property(anyRule, percentText, percentText, weight, counting, (rule, t, a, w, c) => {
        const r = evaluateRule(rule, { target: `≥${t}`, actual: rule.kind === "occurrence" ? String(Math.round(parseFloat(a))) : a, weight: w }, { stepCounting: c });
        if (!r.ok) return true; // typed errors (a zero target) are allowed; throwing is not
        return r.score === null || (r.score >= 0 && r.score <= w);
      }),
      { numRuns: 500 },
    );
  });

  test("monotone: a higher actual never scores less under a below-target linear rule", () => {
    fc.assert(
      fc.property(stepPct, amount, counting, fc.integer({ min: 0, max: 12000 }), fc.integer({ min: 0, max: 12000 }), weight, (step, per, c, x, y, w) => {
        const rule = linear({ step: d(step), perStep: per });
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        return score(rule, "=100%", `${lo / 100}%`, w, { stepCounting: c }) <= score(rule, "=100%", `${hi / 100}%`, w, { stepCounting: c });
      }),
      { numRuns: 500 },
    );
  });

  test("step readings are ordered: whole ≥ nearest ≥ started and whole ≥ proportional ≥ started", () => {
    fc.assert(
      fc.property(linearRule, percentText, weight, (rule, a, w) => {
        const s = (c: ScoringOptions["stepCounting"]) => score(rule, "=100%", a, w, { stepCounting: c });
        const [whole, prop, nearest, started] = [s("whole"), s("proportional"), s("nearest"), s("started")];
        return whole >= prop && prop >= started && whole >= nearest && nearest >= started;
      }),
      { numRuns: 500 },
    );
  });

  test("the national default rule is monotone for higher-is-better targets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 20000 }), weight, (t, x, y, w) => {
        const rule: Rule = { kind: "default", text: "" };
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        return score(rule, `≥${t}人`, `${lo}人`, w) <= score(rule, `≥${t}人`, `${hi}人`, w);
      }),
      { numRuns: 300 },
    );
  });
});
