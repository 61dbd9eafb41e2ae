import Decimal from "decimal.js";
import type { DefaultRule } from "../types";
import { OPTION_LABELS } from "../options";
import { assume, EvalError, type EvalContext, type KindResult } from "./context";
import { numericPair, show } from "./numbers";
import { rowLowerIsBetter, meetsNumeric } from "./direction";
import { reverseScore } from "./ratio";
import { evaluateWords } from "./qualitative";
import { meetsDeadline } from "./dates";
import { formatNumber, formatPoints, formatValue } from "../../values/format";
import { nonNegative } from "../../values/decimal";

/**
 * 财预〔2020〕10号 for rows without a rule: met = full marks; higher-is-better shortfall = w×A/T;
 * lower-is-better excess per the reverse-formula option; qualitative rows by the national bands.
 */
/** 预算执行率 / 资金执行率: a row whose rate is its own score basis, 100% when no target is written. */
const EXECUTION_RATE = /执行率$/;

export function evaluateDefault(_rule: DefaultRule, ctx: EvalContext): KindResult {
  if (ctx.target.kind === "empty" && ctx.actual.kind === "number" && EXECUTION_RATE.test(ctx.name.trim())) {
    assume(ctx, "rate-from-amounts", `目标值未填，“${ctx.name.trim()}”以100%为目标`);
    ctx = { ...ctx, target: { kind: "number", raw: "100%", comparator: null, magnitude: new Decimal(1), unit: "percent" } };
  }
  const { target: t, actual: a, w } = ctx;
  if (t.kind === "word" || a.kind === "word") return evaluateWords(ctx, false);
  if (t.kind === "date" || a.kind === "date") return evaluateDates(ctx);
  const pair = numericPair(t, a);
  const { T, A, percent, unit } = pair;
  const lower = rowLowerIsBetter(ctx);
  const cmp = t.kind === "number" ? t.comparator : null;
  const lines = [`目标值${formatValue(t)}，实际值${show(A, percent, unit)}`, ...pair.notes, `无评分规则，按国家默认规则（${lower ? "越低越好" : "越高越好"}）`];
  if (meetsNumeric(T, A, cmp, lower)) {
    lines.push("达到目标，得满分");
    if (!lower && T.gt(0) && A.gte(T.times(1.2))) lines.push("实际值达到目标值的1.2倍及以上，请说明超额原因");
    return { exact: w, met: true, lines };
  }
  if (lower) {
    const r = reverseScore(T, A, w, ctx.options.reverseFormula === "rule" ? "ratio" : ctx.options.reverseFormula, percent, unit);
    if (ctx.options.reverseFormula === "rule") lines.push(`评分规则未写反向公式，按${OPTION_LABELS.reverseFormula.values.ratio}`);
    lines.push(r.line);
    return { exact: r.exact, met: false, lines };
  }
  if (T.lte(0)) throw new EvalError(`目标值为${show(T, percent, unit)}，无法按完成值/指标值计算`);
  const exact = w.times(A).div(T);
  lines.push(`未达到目标，得分=完成值/指标值×分值=${show(A, percent, unit)}/${show(T, percent, unit)}×${formatPoints(w)}=${formatNumber(exact)}`);
  return { exact: nonNegative(exact), met: false, lines };
}

function evaluateDates(ctx: EvalContext): KindResult {
  const { target: t, actual: a, w } = ctx;
  const lines = [`目标${formatValue(t)}，实际${formatValue(a)}`];
  if (meetsDeadline(t, a)) {
    lines.push("按时完成，得满分");
    // A deadline is scored like a qualitative target (not met: the scorer decides), so met has the 达成 band beside full marks.
    return { exact: w, met: true, lines, metBand: { min: w.times(0.8), max: w } };
  }
  lines.push(`未按时完成，无评分规则，需人工评分（0至${formatPoints(w)}分之间）`);
  return { exact: null, met: false, lines, range: { min: new Decimal(0), max: w } };
}
