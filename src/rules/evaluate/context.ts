import Decimal from "decimal.js";
import type { ParsedValue } from "../../values/types";
import type { Amount, ScoringOptions } from "../types";
import { formatPoints } from "../../values/format";

/** What every kind evaluator receives. */
export interface EvalContext {
  /** Weight (权重/分值), > 0. */
  w: Decimal;
  target: ParsedValue;
  actual: ParsedValue;
  /** 三级指标 name, "" when unknown. */
  name: string;
  options: ScoringOptions;
}

/** What a kind evaluator returns before clamping and rounding. */
export interface KindResult {
  /** Unrounded score; null when only a person can score (酌情, a qualitative band). */
  exact: Decimal | null;
  met: boolean | null;
  /** Chinese clauses of the explanation, joined with "，". */
  lines: string[];
  /** For a score that a person chooses: the range the rule allows. */
  range?: { min: Decimal; max: Decimal };
}

/** A row the rule cannot score as typed: carries the Chinese reason. */
export class EvalError extends Error {
  constructor(
    message: string,
    readonly code: "value-unreadable" | "not-applicable" = "not-applicable",
  ) {
    super(message);
    this.name = "EvalError";
  }
}

export function amountPoints(a: Amount, w: Decimal): Decimal {
  return a.mode === "share" ? w.times(a.value) : a.value;
}

/** "权重的10%（0.4分）" or "0.1分". */
export function describeAmount(a: Amount, w: Decimal): string {
  if (a.mode === "points") return `${formatPoints(a.value)}分`;
  if (a.value.eq(1)) return `满分（${formatPoints(w)}分）`;
  return `权重的${formatPoints(a.value.times(100))}%（${formatPoints(w.times(a.value))}分）`;
}

export function clampScore(v: Decimal, w: Decimal): Decimal {
  return Decimal.min(w, Decimal.max(0, v));
}
