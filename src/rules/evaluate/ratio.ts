import Decimal from "decimal.js";
import type { RatioRule } from "../types";
import { OPTION_LABELS } from "../options";
import { amountPoints, describeAmount, EvalError, type EvalContext, type KindResult } from "./context";
import { numericPair, rateFromAmounts, show } from "./numbers";
import { CMP_TEXT, rowLowerIsBetter, satisfies } from "./direction";
import { formatNumber, formatPoints, formatValue } from "../../values/format";
import { nonNegative } from "../../values/decimal";

/**
 * Lower-is-better shortfall (A > T) under the chosen reverse formula: T/A, or 1-(A-T)/T reaching 0 at 2T.
 * Shared by ratio rules and the national default rule.
 */
export function reverseScore(T: Decimal, A: Decimal, w: Decimal, formula: "ratio" | "relative" | "rule", percent: boolean, unit: string | null): { exact: Decimal; line: string } {
  if (formula === "relative") {
    if (T.lte(0)) return { exact: new Decimal(0), line: `目标值为${show(T, percent, unit)}，超出即不得分（${OPTION_LABELS.reverseFormula.values.relative}）` };
    const s = w.times(nonNegative(new Decimal(1).minus(A.minus(T).div(T))));
    return { exact: s, line: `超出目标，按${OPTION_LABELS.reverseFormula.values.relative}=${formatPoints(w)}×(1-(${show(A, percent, unit)}-${show(T, percent, unit)})/${show(T, percent, unit)})=${formatNumber(s)}` };
  }
  if (A.lte(0)) throw new EvalError("实际值不大于0，无法按目标值/实际值计算");
  const s = w.times(T).div(A);
  return { exact: s, line: `超出目标，按${OPTION_LABELS.reverseFormula.values.ratio}=${show(T, percent, unit)}/${show(A, percent, unit)}×${formatPoints(w)}=${formatNumber(s)}` };
}

export function evaluateRatio(rule: RatioRule, ctx: EvalContext): KindResult {
  const { w } = ctx;
  const pair = numericPair(ctx.target, ctx.actual);
  const { A, percent, unit } = pair;
  const lines = [`目标值${formatValue(ctx.target)}，实际值${show(A, percent, unit)}`, ...pair.notes];
  const lower = rule.lowerIsBetter || rowLowerIsBetter(ctx);
  let exact: Decimal;
  let met: boolean;
  if (lower) {
    const T = rule.denominator ?? pair.T;
    met = A.lte(T);
    if (met) {
      lines.push("达到目标，得满分");
      exact = w;
    } else {
      const r = reverseScore(T, A, w, rule.reverse ?? ctx.options.reverseFormula, percent, unit);
      if (rule.reverse) lines.push("反向公式按评分规则原文");
      lines.push(r.line);
      exact = r.exact;
    }
  } else {
    const D = rule.denominator ?? pair.T;
    if (D.lte(0)) throw new EvalError(`完成率法的目标值为${show(D, percent, unit)}，无法计算完成率`);
    // 得分=执行率×分值 (denominator written in the rule) on a row of amounts: the rate is actual ÷ target first.
    const fromAmounts = rule.denominator !== null ? rateFromAmounts(ctx) : null;
    const rate = fromAmounts !== null ? fromAmounts.div(D) : A.div(D);
    met = rate.gte(1);
    if (fromAmounts !== null) lines.push(`比率=${show(A, percent, unit)}/${show(pair.T, percent, unit)}=${formatNumber(fromAmounts, true)}${D.eq(1) ? "" : `，完成率=${formatNumber(fromAmounts, true)}/${formatNumber(D, true)}=${formatNumber(rate, true)}`}`);
    else lines.push(`完成率=${show(A, percent, unit)}/${show(D, percent, unit)}=${formatNumber(rate, true)}`);
    if (met) {
      lines.push(rate.gt(1) ? "超出目标值不加分，得满分" : "得满分");
      exact = w;
    } else {
      exact = w.times(rate);
      lines.push(`得分=${formatPoints(w)}×${formatNumber(rate, true)}=${formatNumber(exact)}`);
    }
  }
  if (rule.gate && satisfies(A, rule.gate)) {
    const cut = rule.gateDeduct ? amountPoints(rule.gateDeduct, w) : w;
    lines.push(`实际值${show(A, percent, unit)}${CMP_TEXT[rule.gate.comparator]}${show(rule.gate.value, percent, unit)}，按规则扣${rule.gateDeduct ? describeAmount(rule.gateDeduct, w) : "全部分值"}`);
    exact = exact.minus(cut);
  }
  return { exact, met, lines };
}
