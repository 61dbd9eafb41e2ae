import Decimal from "decimal.js";
import type { BracketRule, Bound, ThresholdRule, Tier } from "../types";
import { amountPoints, describeAmount, EvalError, type EvalContext, type KindResult } from "./context";
import { asPercentFraction, requireNumber, show } from "./numbers";
import { CMP_TEXT, rowLowerIsBetter, meetsNumeric, satisfies } from "./direction";
import { wordAchievement } from "./words";
import { meetsDeadline } from "./dates";
import { formatValue } from "../../values/format";
import type { ParsedValue } from "../../values/types";
import { atMost } from "../../values/decimal";

/** Bounds written in percent are fractions; bring a bare actual onto that scale. */
function boundsArePercent(bounds: (Bound | null)[]): boolean {
  if (bounds.some((b) => b?.percent)) return true;
  return bounds.some((b) => b !== null && b.value.abs().lte(1.5) && !b.value.isInteger());
}

function actualOnScale(actual: ParsedValue, percent: boolean, notes: string[]): Decimal {
  const a = requireNumber(actual, "实际值");
  return percent ? asPercentFraction(a, "实际值", notes) : a.magnitude;
}

/** 3个 against 5个: a count, not a percent. */
function countedAgainstTarget(ctx: EvalContext): boolean {
  const { target: t, actual: a } = ctx;
  return t.kind === "number" && a.kind === "number" && a.unit !== null && a.unit !== "percent" && t.unit === a.unit;
}

/** Percent tiers (完成80%以上) on counted values speak of the completion rate: actual ÷ target, said in the notes. */
function completionRate(ctx: EvalContext, notes: string[]): Decimal {
  const t = requireNumber(ctx.target, "目标值");
  const a = requireNumber(ctx.actual, "实际值");
  if (t.magnitude.lte(0)) throw new EvalError(`目标值为${formatValue(ctx.target)}，无法计算完成率`);
  const rate = a.magnitude.div(t.magnitude);
  notes.push(`档次按完成率计：${formatValue(ctx.actual)}/${formatValue(ctx.target).replace(/^[≥≤=<>]/, "")}=${show(rate, true, null)}`);
  return rate;
}

/** Whether the row meets its target, for tiers and thresholds written as 达到目标值. */
export function rowMeetsTarget(ctx: EvalContext): boolean {
  const achieved = wordAchievement(ctx.target, ctx.actual);
  if (achieved === "full") return true;
  if (achieved === "none" || achieved === "partial") return false;
  if (ctx.target.kind === "date" || ctx.actual.kind === "date") return meetsDeadline(ctx.target, ctx.actual);
  const t = requireNumber(ctx.target, "目标值");
  const a = requireNumber(ctx.actual, "实际值");
  const notes: string[] = [];
  const percent = t.unit === "percent" || a.unit === "percent";
  const T = percent ? asPercentFraction(t, "目标值", notes) : t.magnitude;
  const A = percent ? asPercentFraction(a, "实际值", notes) : a.magnitude;
  return meetsNumeric(T, A, t.comparator, rowLowerIsBetter(ctx));
}

function describeTier(tier: Tier, percent: boolean): string {
  if (tier.meetsTarget) return "达到目标值";
  const parts: string[] = [];
  if (tier.lower) parts.push(`${CMP_TEXT[tier.lower.comparator]}${show(tier.lower.value, percent, null)}`);
  if (tier.upper) parts.push(`${CMP_TEXT[tier.upper.comparator]}${show(tier.upper.value, percent, null)}`);
  return parts.length ? parts.join("且") : "其他情况";
}

export function evaluateBracket(rule: BracketRule, ctx: EvalContext): KindResult {
  const { w } = ctx;
  const notes: string[] = [];
  const needsNumber = rule.tiers.some((t) => t.lower || t.upper);
  const percent = boundsArePercent(rule.tiers.flatMap((t) => [t.lower, t.upper])) || (ctx.actual.kind === "number" && ctx.actual.unit === "percent");
  const wordMeetsTier = ctx.actual.kind === "word" && rule.tiers.some((t) => t.meetsTarget);
  const A = !needsNumber || wordMeetsTier ? null : percent && countedAgainstTarget(ctx) ? completionRate(ctx, notes) : actualOnScale(ctx.actual, percent, notes);
  const lines = [`目标值${formatValue(ctx.target)}，实际值${formatValue(ctx.actual)}`, ...notes];
  let met: boolean | null = null;
  for (const tier of rule.tiers) {
    let hit: boolean;
    if (tier.meetsTarget) {
      met = rowMeetsTarget(ctx);
      hit = met;
    } else if (!tier.lower && !tier.upper) {
      hit = true;
    } else {
      if (A === null) continue;
      hit = (!tier.lower || satisfies(A, tier.lower)) && (!tier.upper || satisfies(A, tier.upper));
    }
    if (hit) {
      const pts = atMost(amountPoints(tier.points, w), w);
      lines.push(`落在“${describeTier(tier, percent)}”档，得${describeAmount(tier.points, w)}`);
      return { exact: pts, met: met ?? pts.eq(w), lines };
    }
  }
  throw new EvalError(`实际值${formatValue(ctx.actual)}不在评分规则的任何档次内（${rule.tiers.map((t) => describeTier(t, percent)).join("；")}），请人工确认`);
}

export function evaluateThreshold(rule: ThresholdRule, ctx: EvalContext): KindResult {
  const { w } = ctx;
  const lines = [`目标值${formatValue(ctx.target)}，实际值${formatValue(ctx.actual)}`];
  let met: boolean;
  if (rule.condition) {
    const notes: string[] = [];
    const A = actualOnScale(ctx.actual, boundsArePercent([rule.condition]) || (ctx.actual.kind === "number" && ctx.actual.unit === "percent"), notes);
    lines.push(...notes);
    met = satisfies(A, rule.condition);
    lines.push(`${met ? "满足" : "未满足"}“${CMP_TEXT[rule.condition.comparator]}${show(rule.condition.value, boundsArePercent([rule.condition]), null)}”`);
  } else {
    met = rowMeetsTarget(ctx);
    lines.push(met ? "达到目标值" : "未达到目标值");
  }
  const amount = met ? rule.met : rule.notMet;
  lines.push(`得${describeAmount(amount, w)}`);
  return { exact: amountPoints(amount, w), met, lines };
}
