import Decimal from "decimal.js";
import type { MatchRule, QualitativeRule, ScoringOptions } from "../types";
import { OPTION_LABELS } from "../options";
import { amountPoints, describeAmount, EvalError, type EvalContext, type KindResult } from "./context";
import { wordAchievement } from "./words";
import { normalizeText } from "../../values/normalize";
import { formatPoints, formatValue } from "../../values/format";

function clean(s: string): string {
  return normalizeText(s).replace(/[。.,;:!()（）"“”]/g, "");
}

/** <情形一>,3分;<情形二>,2分: the actual is one of the phrases, or contains / is contained in exactly one. */
export function evaluateQualitative(rule: QualitativeRule, ctx: EvalContext): KindResult {
  const a = ctx.actual;
  if (a.kind !== "word") throw new EvalError(`实际值${formatValue(a)}应为评分规则中的一种情形（${rule.tiers.map((t) => t.phrase).join("／")}）`, "value-unreadable");
  const actual = clean(a.word);
  const exact = rule.tiers.filter((t) => clean(t.phrase) === actual);
  const close = exact.length ? exact : rule.tiers.filter((t) => clean(t.phrase).includes(actual) || actual.includes(clean(t.phrase)));
  if (close.length !== 1) {
    throw new EvalError(`实际值“${a.word}”${close.length ? "与多种情形相近" : "不属于评分规则中的任何情形"}（${rule.tiers.map((t) => t.phrase).join("／")}），请人工确认`);
  }
  const tier = close[0];
  return { exact: amountPoints(tier.points, ctx.w), met: null, lines: [`实际情形“${a.word}”对应“${tier.phrase}”，得${describeAmount(tier.points, ctx.w)}`] };
}

/** National qualitative bands as shares of the weight: 达成 [80%,100%], 部分达成 [60%,80%), 未达成 [0,60%). */
export function bandRange(band: "partial" | "none", bands: ScoringOptions["qualitativeBands"]): { min: Decimal; max: Decimal } {
  const mid = new Decimal(bands === "80/50" ? 0.5 : 0.6);
  return band === "partial" ? { min: mid, max: new Decimal(0.8) } : { min: new Decimal(0), max: mid };
}

/**
 * Target word vs actual word. Equal (or an achievement word) is full marks; a partial or negative word
 * gets the national band as a range for a person to choose within — never a guessed point in it.
 */
export function evaluateWords(ctx: EvalContext, negativeIsZero: boolean): KindResult {
  const w = ctx.w;
  const achieved = wordAchievement(ctx.target, ctx.actual);
  const lines = [`目标“${formatValue(ctx.target)}”，实际“${formatValue(ctx.actual)}”`];
  if (achieved === "full") {
    lines.push("达成目标，得满分");
    return { exact: w, met: true, lines };
  }
  if (achieved === "none" && negativeIsZero) {
    lines.push("未达成，得0分");
    return { exact: new Decimal(0), met: false, lines };
  }
  if (achieved === "unknown") throw new EvalError(`无法判断实际值“${ctx.actual.raw}”是否达到目标“${ctx.target.raw}”，请人工评分`);
  const r = bandRange(achieved, ctx.options.qualitativeBands);
  const min = w.times(r.min);
  const max = w.times(r.max);
  lines.push(
    `${achieved === "partial" ? "部分达成" : "未达成"}，按定性指标档次（${OPTION_LABELS.qualitativeBands.values[ctx.options.qualitativeBands]}）得分应在${formatPoints(min)}至${formatPoints(max)}分之间（${achieved === "partial" ? `含${formatPoints(min)}分` : `不含${formatPoints(max)}分`}），需人工评分`,
  );
  return { exact: null, met: false, lines, range: { min, max } };
}

export function evaluateMatch(_rule: MatchRule, ctx: EvalContext): KindResult {
  return evaluateWords(ctx, true);
}
