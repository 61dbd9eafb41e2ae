import Decimal from "decimal.js";
import type { ParsedValue } from "../../values/types";
import type { Amount, ScoringOptions } from "../types";
import { formatPoints } from "../../values/format";
import { nonNegative, atMost } from "../../values/decimal";

/**
 * A reading the engine chose that the row itself does not settle. `direction-from-name` and
 * `direction-assumed` can be turned round (the evaluation is run again the other way, and a reported
 * score matching that is named, not called wrong); the others are stated so the user can confirm them.
 */
export type AssumptionCode = "direction-from-name" | "direction-assumed" | "rate-from-amounts" | "bare-percent" | "unit-converted";

export interface Assumption {
  code: AssumptionCode;
  /** Chinese, e.g. 方向按指标名称“安全事故率”判断为越低越好. */
  text: string;
}

/** Assumptions that the evaluator can run the other way. */
export const FLIPPABLE: ReadonlySet<AssumptionCode> = new Set(["direction-from-name", "direction-assumed"]);

/** Records an assumption once. */
export function assume(ctx: EvalContext, code: AssumptionCode, text: string): void {
  if (!ctx.assumptions.some((a) => a.code === code && a.text === text)) ctx.assumptions.push({ code, text });
}

/** What every kind evaluator receives. */
export interface EvalContext {
  /** Assumptions made while evaluating, in order (filled by the evaluators). */
  assumptions: Assumption[];
  /** Assumptions to take the other way (for the alternative readings). */
  flips: ReadonlySet<AssumptionCode>;
  /** Weight (权重/分值), > 0. */
  w: Decimal;
  target: ParsedValue;
  actual: ParsedValue;
  /** 三级指标 name, "" when unknown. */
  name: string;
  options: ScoringOptions;
  /**
   * Only the score is wanted (an alternative reading): an evaluator may leave its explanation lines out. It
   * must compute the same score and throw the same errors as without it.
   */
  scoreOnly?: boolean;
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
  /**
   * Full marks for a qualitative target met by the default rule (RULES.md), beside which the national 达成 band
   * (80%–100% of the weight, the scorer choosing) is another reading.
   */
  metBand?: { min: Decimal; max: Decimal };
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

/** A parsed rule's amounts are kept with the rule (src/check/unit.ts caches rules by text): each is shown once. */
const SHARE_TEXT = new WeakMap<Amount, string>();

/** "权重的10%（0.4分）" or "0.1分". */
export function describeAmount(a: Amount, w: Decimal): string {
  if (a.mode === "points") return `${formatPoints(a.value)}分`;
  if (a.value.eq(1)) return `满分（${formatPoints(w)}分）`;
  let share = SHARE_TEXT.get(a);
  if (share === undefined) SHARE_TEXT.set(a, (share = formatPoints(a.value.times(100))));
  return `权重的${share}%（${formatPoints(w.times(a.value))}分）`;
}

export function clampScore(v: Decimal, w: Decimal): Decimal {
  return atMost(nonNegative(v), w);
}
