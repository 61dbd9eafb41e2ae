import Decimal from "decimal.js";
import type { NumberValue, ParsedValue } from "../../values/types";
import { formatNumber } from "../../values/format";
import { assume, EvalError, type EvalContext } from "./context";

/** Two values on one scale (percent as fractions, 万元 as 元 when mixed), with notes on any reading taken. */
export interface NumericPair {
  T: Decimal;
  A: Decimal;
  percent: boolean;
  unit: string | null;
  notes: string[];
}

function describe(v: ParsedValue): string {
  return v.raw === "" ? "（空）" : `“${v.raw}”`;
}

export function requireNumber(v: ParsedValue, role: "目标值" | "实际值"): NumberValue {
  if (v.kind === "number") return v;
  if (v.kind === "empty") throw new EvalError(`${role}为空，无法计算得分`, "value-unreadable");
  if (v.kind === "unreadable") throw new EvalError(v.reason, "value-unreadable");
  throw new EvalError(`${role}${describe(v)}不是数值，此评分规则需要数值`, "value-unreadable");
}

/**
 * A bare number beside a percent: 95 next to ≥95% means 95% (said in the notes); 0.95 is already a fraction.
 * The cut at 1.5 keeps 120% (1.2) a fraction while reading 2, 95 or 100 as percents.
 */
export function asPercentFraction(v: NumberValue, role: string, notes: string[]): Decimal {
  if (v.unit === "percent") return v.magnitude;
  if (v.magnitude.abs().gt(1.5)) {
    notes.push(`${role}${v.magnitude.toFixed()}按${v.magnitude.toFixed()}%理解`);
    return v.magnitude.div(100);
  }
  return v.magnitude;
}

const YUAN_PER: Record<string, number> = { 元: 1, 万元: 10000, 亿元: 100000000, 千元: 1000 };
/** 万亩 / 亩, 万人次 / 人次, 亿元 / 万元: a magnitude prefix on the same unit. */
const SCALE_PREFIX: Record<string, number> = { 万: 10000, 亿: 100000000, 千: 1000, 百: 100 };

/** How many of `to` one `from` is, when the two differ only by a magnitude prefix (万亩 → 亩: 10000). */
export function unitFactor(from: string, to: string): number | null {
  if (YUAN_PER[from] !== undefined && YUAN_PER[to] !== undefined) return YUAN_PER[from] / YUAN_PER[to];
  const scale = (u: string, base: string) => (u === base ? 1 : u.length === base.length + 1 && u.endsWith(base) ? SCALE_PREFIX[u[0]] ?? null : null);
  const base = from.length <= to.length ? from.replace(/^[万亿千百]/, "") : to.replace(/^[万亿千百]/, "");
  if (!base) return null;
  const f = scale(from, base);
  const t = scale(to, base);
  return f !== null && t !== null ? f / t : null;
}

export function numericPair(target: ParsedValue, actual: ParsedValue, opts: { percentScale?: boolean } = {}): NumericPair {
  const t = requireNumber(target, "目标值");
  const a = requireNumber(actual, "实际值");
  const notes: string[] = [];
  const percent = t.unit === "percent" || a.unit === "percent" || !!opts.percentScale;
  if (percent) {
    if (t.unit !== null && t.unit !== "percent") throw new EvalError(`目标值单位“${t.unit}”与百分比不一致`, "value-unreadable");
    if (a.unit !== null && a.unit !== "percent") throw new EvalError(`实际值单位“${a.unit}”与百分比不一致`, "value-unreadable");
    return { T: asPercentFraction(t, "目标值", notes), A: asPercentFraction(a, "实际值", notes), percent: true, unit: "percent", notes };
  }
  if (t.unit && a.unit && t.unit !== a.unit) {
    const factor = unitFactor(a.unit, t.unit);
    if (factor !== null) {
      const converted = a.magnitude.times(factor);
      notes.push(`实际值${formatNumber(a.magnitude)}${a.unit}折合${formatNumber(converted)}${t.unit}`);
      return { T: t.magnitude, A: converted, percent: false, unit: t.unit, notes };
    }
    throw new EvalError(`目标值单位“${t.unit}”与实际值单位“${a.unit}”不一致，无法比较`, "value-unreadable");
  }
  return { T: t.magnitude, A: a.magnitude, percent: false, unit: t.unit ?? a.unit, notes };
}

/** "95.4%" or "44860人次". */
export function show(d: Decimal, percent: boolean, unit: string | null): string {
  return percent ? formatNumber(d, true) : `${formatNumber(d)}${unit && unit !== "percent" ? unit : ""}`;
}

/** A gap between two values: "4.6个百分点" or "3天". */
export function showGap(d: Decimal, percent: boolean, unit: string | null): string {
  return percent ? `${formatNumber(d.times(100))}个百分点` : `${formatNumber(d)}${unit && unit !== "percent" ? unit : ""}`;
}

/**
 * A rule that names a rate (得分=预算执行率×分值, 按执行率计分) on a row that gives amounts (预算数 120万元,
 * 执行数 108万元): the rate is actual ÷ target, recorded as an assumption. Null when the row's values are
 * not amounts (a percent, a word, a bare fraction such as 0.95), so the actual is the rate itself.
 */
export function rateFromAmounts(ctx: EvalContext): Decimal | null {
  const { target: t, actual: a } = ctx;
  if (t.kind !== "number" || a.kind !== "number") return null;
  if (t.unit === "percent" || a.unit === "percent") return null;
  const sameUnit = t.unit !== null && a.unit !== null ? t.unit === a.unit || (YUAN_PER[t.unit] !== undefined && YUAN_PER[a.unit] !== undefined) : false;
  const bareAmounts = t.unit === null && a.unit === null && t.magnitude.gt(1.5);
  const oneUnit = (t.unit === null) !== (a.unit === null) && t.magnitude.gt(1.5) && a.magnitude.gt(1.5);
  if (!sameUnit && !bareAmounts && !oneUnit) return null;
  if (t.magnitude.lte(0)) throw new EvalError(`目标值为${t.raw}，无法由数额计算比率`, "value-unreadable");
  const A = t.unit && a.unit && t.unit !== a.unit ? a.magnitude.times(YUAN_PER[a.unit]).div(YUAN_PER[t.unit]) : a.magnitude;
  const rate = A.div(t.magnitude);
  assume(ctx, "rate-from-amounts", `评分规则按比率计分而本行填的是数额，比率按实际值÷目标值计算：${a.raw}÷${t.raw}=${formatNumber(rate, true)}`);
  return rate;
}
