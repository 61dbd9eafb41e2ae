import Decimal from "decimal.js";
import type { LinearRule, ScoringOptions } from "../types";
import { OPTION_LABELS } from "../options";
import { amountPoints, describeAmount, EvalError, type EvalContext, type KindResult } from "./context";
import { numericPair, show, showGap } from "./numbers";
import { CMP_WORD, satisfies } from "./direction";
import { wordAchievement } from "./words";
import { formatNumber, formatValue } from "../../values/format";
import type { ParsedValue } from "../../values/types";
import { nonNegative } from "../../values/decimal";

/** A number written with a unit other than percent (105万元, 12人). */
function hasOwnUnit(v: ParsedValue): boolean {
  return v.kind === "number" && v.unit !== null && v.unit !== "percent";
}

export function countSteps(raw: Decimal, counting: ScoringOptions["stepCounting"]): Decimal {
  switch (counting) {
    case "proportional":
      return raw;
    case "whole":
      return raw.floor();
    case "nearest":
      return raw.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    case "started":
      return raw.ceil();
  }
}

function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

const TIME_WORDS = { day: ["天", "日"], month: ["月"] } as const;

/** 7天 or 2个月: a number written in the step's own time unit. */
function isTimeCount(v: ParsedValue, unit: "day" | "month"): boolean {
  return v.kind === "number" && v.unit !== null && TIME_WORDS[unit].some((w) => v.unit!.includes(w));
}

/**
 * How late, for 每延迟一天 / 每延期1个月: between two dates (calendar days, or (year×12+month) differences), or an actual
 * written as a count ("3天" beside a date or 按时完成). Two counts (≤5天 vs 7天) are ordinary numbers: null.
 */
function delay(ctx: EvalContext, unit: "day" | "month"): Decimal | null {
  const { target: t, actual: a } = ctx;
  if (t.kind === "date" && a.kind === "date") {
    const year = t.year ?? a.year ?? 2000;
    if (unit === "month") {
      if (t.month === null || a.month === null) throw new EvalError(`按月计延迟需要写明月份的日期：目标“${t.raw}”，实际“${a.raw}”`, "value-unreadable");
      return new Decimal((a.year ?? year) * 12 + a.month - (year * 12 + t.month));
    }
    const tDay = t.day ?? new Date(Date.UTC(year, t.month ?? 12, 0)).getUTCDate();
    return new Decimal(dayNumber(a.year ?? year, a.month ?? 12, a.day ?? tDay) - dayNumber(year, t.month ?? 12, tDay));
  }
  if (isTimeCount(a, unit) && !isTimeCount(t, unit)) return (a as { magnitude: Decimal }).magnitude;
  return null;
}

export function evaluateLinear(rule: LinearRule, ctx: EvalContext): KindResult {
  const { w } = ctx;
  const perStep = amountPoints(rule.perStep, w);
  const lines: string[] = [];
  // An alternative reading wants the score alone: the explanation (most of the work: number formatting) is skipped.
  const say = !ctx.scoreOnly;
  let gap: Decimal;
  let gapText: string;
  let A: Decimal | null = null;
  let percent = rule.stepUnit === "percent";
  let relative = false;

  const timeUnit = rule.stepUnit === "day" || rule.stepUnit === "month" ? rule.stepUnit : null;
  const late = timeUnit ? delay(ctx, timeUnit) : null;
  const timeCounts = timeUnit !== null && isTimeCount(ctx.target, timeUnit) && isTimeCount(ctx.actual, timeUnit);
  if (late !== null) {
    gap = nonNegative(late);
    gapText = !say ? "" : gap.gt(0) ? `延迟${formatNumber(gap)}${timeUnit === "month" ? "个月" : "天"}` : "按时完成";
    if (say) lines.push(`目标${ctx.target.raw || "按时完成"}，实际${ctx.actual.raw}`);
  } else if (ctx.actual.kind === "word" && wordAchievement(ctx.target, ctx.actual) === "full") {
    gap = new Decimal(0);
    gapText = "达到目标";
    if (say) lines.push(`目标值${ctx.target.raw}，实际值${ctx.actual.raw}`);
  } else if (timeUnit && !timeCounts) {
    // A year, a percent or a bare number is no count of days or months: refuse rather than count it as one.
    const what = timeUnit === "month" ? "写明月份的日期（或实际值写作“N个月”）" : "日期（或实际值写作“N天”）";
    throw new EvalError(`按${timeUnit === "month" ? "月" : "天"}计延迟需要目标与实际为${what}：目标“${ctx.target.raw}”，实际“${ctx.actual.raw}”`, "value-unreadable");
  } else if (percent && hasOwnUnit(ctx.target) && hasOwnUnit(ctx.actual)) {
    // 每超支1% on amounts in 万元 or 人: percentage points of an amount mean nothing, so the step is a share of the target.
    const pair = numericPair(ctx.target, ctx.actual);
    relative = true;
    const ref = rule.reference ?? pair.T;
    if (ref.lte(0)) throw new EvalError(`目标值为${show(ref, false, pair.unit)}，无法按相对目标的百分比计算偏离`);
    A = pair.A;
    const below = nonNegative(ref.minus(A)).div(ref);
    const above = nonNegative(A.minus(ref)).div(ref);
    gap = rule.direction === "below" ? below : rule.direction === "above" ? above : below.plus(above);
    if (say) lines.push(`目标值${formatValue(ctx.target)}，实际值${show(A, false, pair.unit)}`, ...pair.notes, "数值不是百分比，步长按相对目标值的比例计");
    gapText = !say ? "" : gap.gt(0) ? `${below.gt(0) ? "低于" : "高于"}目标${formatNumber(gap, true)}` : "达到目标";
  } else {
    const pair = numericPair(ctx.target, ctx.actual, { percentScale: percent });
    percent = pair.percent;
    const ref = rule.reference ?? pair.T;
    // A full-marks level that is just the target restated (实际值小于等于0得满分 with target ≤0) reads as the target.
    const ownLevel = rule.reference !== null && !rule.reference.eq(pair.T);
    A = pair.A;
    if (say) lines.push(`${ownLevel ? `满分线${show(ref, percent, pair.unit)}` : `目标值${formatValue(ctx.target)}`}，实际值${show(A, percent, pair.unit)}`, ...pair.notes);
    const below = nonNegative(ref.minus(A));
    const above = nonNegative(A.minus(ref));
    gap = rule.direction === "below" ? below : rule.direction === "above" ? above : below.plus(above);
    const side = below.gt(0) ? "低于" : "高于";
    gapText = !say ? "" : gap.gt(0) ? `${side}${ownLevel ? "满分线" : "目标"}${showGap(gap, percent, pair.unit)}` : rule.direction === "both" ? "与目标一致" : "达到目标";
    if (rule.zeroWhen && satisfies(A, rule.zeroWhen)) {
      if (say) lines.push(`实际值${CMP_WORD[rule.zeroWhen.comparator]}${show(rule.zeroWhen.value, percent, pair.unit)}，按规则不得分`);
      return { exact: new Decimal(0), met: false, lines };
    }
  }
  if (say) lines.push(gapText);
  if (gap.isZero()) {
    if (say) lines.push("得满分");
    return { exact: w, met: true, lines };
  }
  if (rule.step.lte(0)) throw new EvalError("评分规则的步长为0，无法计算");
  const rawSteps = gap.div(rule.step);
  // The rule's own words (不足1%的按1%计) win over the option.
  const counting = rule.stepCounting ?? ctx.options.stepCounting;
  const steps = countSteps(rawSteps, counting);
  const stepText = !say ? "" : percent ? `${formatNumber(rule.step.times(100))}${relative ? "%" : "个百分点"}` : `${formatNumber(rule.step)}${rule.stepUnit === "day" ? "天" : rule.stepUnit === "month" ? "个月" : rule.stepUnit === "item" ? "项" : ""}`;
  if (say) lines.push(`每${stepText}扣${describeAmount(rule.perStep, w)}`);
  if (counting !== "proportional" && !rawSteps.eq(steps)) {
    if (say) lines.push(`${rule.stepCounting ? "按评分规则" : ""}${OPTION_LABELS.stepCounting.values[counting]}，计${formatNumber(steps)}步`);
  }
  let deduction = steps.times(perStep);
  if (rule.cap) {
    const cap = amountPoints(rule.cap, w);
    if (deduction.gt(cap)) {
      if (say) lines.push(`扣分${formatNumber(deduction)}分超过上限，按最多扣${formatNumber(cap)}分计`);
      deduction = cap;
    }
  }
  if (deduction.gte(w)) {
    if (say) lines.push(`应扣${formatNumber(deduction)}分，扣完为止`);
    return { exact: new Decimal(0), met: false, lines };
  }
  if (say) lines.push(`共扣${formatNumber(deduction)}分`);
  return { exact: w.minus(deduction), met: false, lines };
}
