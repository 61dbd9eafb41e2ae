import type { RowInput, ScoreResult, ScoringOptions } from "./types";
import { evaluateRule } from "./evaluateRule";
import { tryParseRule } from "./parse";

/** Scores one row from its rule text (empty = the national default rule). */
export function scoreRow(input: RowInput, options?: Partial<ScoringOptions> | null): ScoreResult {
  const text = (input.rule ?? "").trim();
  if (!text) return evaluateRule({ kind: "default", text: "" }, input, options);
  const parsed = tryParseRule(text);
  if (!parsed.ok) return { ok: false, code: "rule-unreadable", error: parsed.error.message };
  return evaluateRule(parsed.rule, input, options);
}
