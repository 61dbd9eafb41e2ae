import { tryParseRule } from "../rules/parse";
import { compileRule } from "../rules/formula";
import type { Rule } from "../rules/types";
import type { TemplateRow } from "./types";

export interface RowRefs {
  rule: string | null;
  target: string;
  actual: string;
  weight: string;
}

/** A score cell's content: a formula, or an input a person fills (with the reason no formula can). */
export type ScoreCell = { kind: "formula"; formula: string } | { kind: "manual"; reason: string };

/** The row's rule, or the parser's Chinese message: a template is still built, that row is scored by hand. */
function ruleOf(row: TemplateRow): { ok: true; rule: Rule } | { ok: false; reason: string } {
  if (!row.rule) return { ok: true, rule: { kind: "default", text: "" } };
  const parsed = tryParseRule(row.rule);
  return parsed.ok ? parsed : { ok: false, reason: parsed.error.message };
}

/**
 * The score formula of one row, without the leading "=". It stays blank while the 实际值 is blank, so an
 * empty template shows no errors; the total stays blank until every row has a score (see layout).
 */
export function scoreCell(row: TemplateRow, refs: RowRefs, mode: "native" | "jx"): ScoreCell {
  const guard = (f: string) => `IF(${refs.actual}="","",${f})`;
  if (mode === "jx") {
    // =JX.SCORE(rule, target, actual, weight): the add-in's custom function scores with the engine itself.
    return { kind: "formula", formula: guard(`JX.SCORE(${refs.rule ?? '""'},${refs.target},${refs.actual},${refs.weight})`) };
  }
  const rule = ruleOf(row);
  if (!rule.ok) return { kind: "manual", reason: rule.reason };
  const compiled = compileRule(rule.rule, { target: refs.target, actual: refs.actual, weight: refs.weight }, undefined, { name: row.level3 });
  if (!compiled.ok) return { kind: "manual", reason: compiled.reason };
  return { kind: "formula", formula: guard(compiled.formula.slice(1)) };
}
