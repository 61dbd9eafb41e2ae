import Decimal from "decimal.js";
import type { ExternalRule, FormulaRule, Expr, ManualRule, OccurrenceRule } from "../types";
import { amountPoints, assume, describeAmount, EvalError, type EvalContext, type KindResult } from "./context";
import { asPercentFraction, rateFromAmounts, requireNumber, show } from "./numbers";
import { CMP_TEXT, satisfies } from "./direction";
import { formatNumber, formatPoints, formatValue } from "../../values/format";
import { normalizeText } from "../../values/normalize";
import { nonNegative } from "../../values/decimal";

const NONE_WORDS = ["无", "没有", "未发生", "未出现", "零", "0"];

/** 每出现一例…扣1分: the actual is a count (无 = 0). */
export function evaluateOccurrence(rule: OccurrenceRule, ctx: EvalContext): KindResult {
  const { w } = ctx;
  const a = ctx.actual;
  let count: Decimal;
  if (a.kind === "word" && (NONE_WORDS.includes(normalizeText(a.word)) || (ctx.target.kind === "word" && ctx.target.word === a.word))) count = new Decimal(0);
  else count = requireNumber(a, "实际值").magnitude;
  if (count.lt(0) || !count.isInteger()) throw new EvalError(`实际值${formatValue(a)}应为出现次数（非负整数）`, "value-unreadable");
  const per = amountPoints(rule.perOccurrence, w);
  let deduction = count.times(per);
  const lines = [`出现${count.toFixed()}次，每次扣${describeAmount(rule.perOccurrence, w)}`];
  if (rule.cap && deduction.gt(amountPoints(rule.cap, w))) {
    deduction = amountPoints(rule.cap, w);
    lines.push(`最多扣${formatPoints(deduction)}分`);
  }
  lines.push(deduction.gte(w) ? "扣完为止" : `共扣${formatNumber(deduction)}分`);
  return { exact: nonNegative(w.minus(deduction)), met: count.isZero(), lines };
}

/** The rate named in a formula is the row's actual; percents as fractions (95% -> 0.95). */
function numberOf(ctx: EvalContext, which: "actual" | "target", notes: string[]): Decimal {
  const v = requireNumber(which === "actual" ? ctx.actual : ctx.target, which === "actual" ? "实际值" : "目标值");
  const otherUnit = (which === "actual" ? ctx.target : ctx.actual);
  if (v.unit === "percent" || (otherUnit.kind === "number" && otherUnit.unit === "percent")) return asPercentFraction(v, which === "actual" ? "实际值" : "目标值", notes);
  return v.magnitude;
}

export function evalExpr(expr: Expr, vars: { actual: () => Decimal; target: () => Decimal; weight: Decimal }): Decimal {
  switch (expr.op) {
    case "num":
      return expr.value;
    case "var":
      return expr.name === "weight" ? vars.weight : vars[expr.name]();
    case "+":
      return evalExpr(expr.left, vars).plus(evalExpr(expr.right, vars));
    case "-":
      return evalExpr(expr.left, vars).minus(evalExpr(expr.right, vars));
    case "*":
      return evalExpr(expr.left, vars).times(evalExpr(expr.right, vars));
    case "/": {
      const d = evalExpr(expr.right, vars);
      if (d.isZero()) throw new EvalError("评分公式中出现除以0，无法计算");
      return evalExpr(expr.left, vars).div(d);
    }
  }
}

const NAMES = { actual: "实际值", target: "目标值", weight: "分值" } as const;

export function exprText(expr: Expr, names: Record<keyof typeof NAMES, string> = NAMES): string {
  switch (expr.op) {
    case "num":
      return formatPoints(expr.value);
    case "var":
      return names[expr.name];
    default: {
      const l = exprText(expr.left, names);
      const r = exprText(expr.right, names);
      const wrap = (e: Expr, s: string) => ((expr.op === "*" || expr.op === "/") && (e.op === "+" || e.op === "-") ? `(${s})` : s);
      return `${wrap(expr.left, l)}${expr.op === "*" ? "×" : expr.op === "/" ? "÷" : expr.op}${wrap(expr.right, r)}`;
    }
  }
}

function usesTarget(expr: Expr): boolean {
  if (expr.op === "var") return expr.name === "target";
  if (expr.op === "num") return false;
  return usesTarget(expr.left) || usesTarget(expr.right);
}

export function evaluateFormula(rule: FormulaRule, ctx: EvalContext): KindResult {
  const notes: string[] = [];
  if (rule.countsRatio) {
    // The row gives the rate itself (97%), not the two counts the formula names.
    const a = requireNumber(ctx.actual, "实际值");
    const t = ctx.target;
    const isRate = a.unit === "percent" || (a.unit === null && t.kind === "number" && t.unit === "percent");
    if (!isRate) throw new EvalError(`评分公式需要${rule.countsRatio.replace("/", "和")}两个数，本行实际值${formatValue(ctx.actual)}不是比率，无法计算`, "value-unreadable");
    assume(ctx, "rate-from-amounts", `公式中的${rule.countsRatio}即本行实际值${formatValue(ctx.actual)}`);
  }
  // 得分=预算执行率×分值 on a row of amounts: the rate the formula names is actual ÷ target.
  const rate = usesTarget(rule.expr) ? null : rateFromAmounts(ctx);
  const actual = rate !== null ? () => rate : () => numberOf(ctx, "actual", notes);
  const vars = { actual, target: () => numberOf(ctx, "target", notes), weight: ctx.w };
  const lines = [`目标值${formatValue(ctx.target)}，实际值${formatValue(ctx.actual)}`];
  if (rule.zeroWhen) {
    const A = vars.actual();
    if (satisfies(A, rule.zeroWhen)) {
      lines.push(...notes, `实际值${CMP_TEXT[rule.zeroWhen.comparator]}${show(rule.zeroWhen.value, !!rule.zeroWhen.percent, null)}，按规则得0分`);
      return { exact: new Decimal(0), met: false, lines };
    }
  }
  const value = evalExpr(rule.expr, vars);
  lines.push(...notes, `得分=${exprText(rule.expr, rate !== null ? { ...NAMES, actual: `比率${formatNumber(rate, true)}` } : NAMES)}=${formatNumber(value)}`);
  if (value.gt(ctx.w)) lines.push(`不超过分值${formatPoints(ctx.w)}`);
  if (value.lt(0)) lines.push("最低为0分");
  return { exact: value, met: value.gte(ctx.w), lines };
}

/** 综合得分=(评价结果/100)×分值 */
export function evaluateExternal(rule: ExternalRule, ctx: EvalContext): KindResult {
  const a = requireNumber(ctx.actual, "实际值");
  if (rule.scale.lte(0)) throw new EvalError("外部评价结果的满分应大于0");
  const value = a.magnitude.div(rule.scale).times(ctx.w);
  return {
    exact: value,
    met: value.gte(ctx.w),
    lines: [`外部评价结果${formatNumber(a.magnitude)}（满分${formatNumber(rule.scale)}）`, `得分=${formatNumber(a.magnitude)}/${formatNumber(rule.scale)}×${formatPoints(ctx.w)}=${formatNumber(value)}`],
  };
}

export function evaluateManual(_rule: ManualRule, ctx: EvalContext): KindResult {
  return {
    exact: null,
    met: null,
    lines: [`评分规则需酌情评分，无法自动计算；只核对得分在0至${formatPoints(ctx.w)}分之间`],
    range: { min: new Decimal(0), max: ctx.w },
  };
}
