import Decimal from "decimal.js";
import { evaluateRule } from "../../../src/rules/evaluateRule";
import type { Amount, Evaluation, Rule, RowInput, ScoringOptions, ScoreError } from "../../../src/rules/types";

export const d = (v: number | string) => new Decimal(v);
export const share = (v: number): Amount => ({ mode: "share", value: d(v) });
export const points = (v: number): Amount => ({ mode: "points", value: d(v) });

export function ok(rule: Rule, input: RowInput, options?: Partial<ScoringOptions>): Evaluation {
  const r = evaluateRule(rule, input, options);
  if (!r.ok) throw new Error(`expected a score, got error: ${r.error}`);
  return r;
}

export function fails(rule: Rule, input: RowInput, options?: Partial<ScoringOptions>): ScoreError {
  const r = evaluateRule(rule, input, options);
  if (r.ok) throw new Error(`expected an error, got score ${r.score}: ${r.explanation}`);
  return r;
}

export function linear(over: Partial<Extract<Rule, { kind: "linear" }>> = {}): Rule {
  return { kind: "linear", text: "", direction: "below", reference: null, step: d(0.01), stepUnit: "percent", perStep: share(0.1), cap: null, zeroWhen: null, ...over };
}
