import Decimal from "decimal.js";
import type { MatchRule, QualitativeRule, ScoringOptions } from "../types";
import { OPTION_LABELS } from "../options";
import { amountPoints, describeAmount, EvalError, type EvalContext, type KindResult } from "./context";
import { wordAchievement } from "./words";
import { rowMeetsTarget } from "./tiers";
import { normalizeText } from "../../values/normalize";
import { formatPoints, formatValue } from "../../values/format";

function clean(s: string): string {
  return normalizeText(s).replace(/[。.,;:!()（）"“”]/g, "");
}

/** Words that only frame the phrase (已按计划完成 for 按计划完成, 项目已基本完成 for 基本完成). */
function core(s: string): string {
  return clean(s).replace(/^(本项目|该项目|项目|本单位|实际)/, "").replace(/^(均已|都已|已经|已|均)/, "").replace(/了$/, "");
}

const NEGATIONS = /^(尚未|没有|未|不|无|非)|[^\u4e00-\u9fff]?(未|不|没有)[\u4e00-\u9fff]/;

const PARTIAL_MARKS = /(较|基本|部分|一定|有所|初步|略)/;

function partial(s: string): boolean {
  return PARTIAL_MARKS.test(core(s));
}

function negated(s: string): boolean {
  return NEGATIONS.test(core(s));
}

/**
 * <情形一>,3分;<情形二>,2分: the actual is one of the phrases, or contains / is contained in exactly one
 * of those with the same sense (健全 is 制度健全, not 制度不健全). An actual that is a date or a number
 * against a met / not-met pair of phrases is placed by the row's target.
 */
export function evaluateQualitative(rule: QualitativeRule, ctx: EvalContext): KindResult {
  const a = ctx.actual;
  const phrases = rule.tiers.map((t) => t.phrase).join("／");
  if (a.kind !== "word") {
    const pair = rule.tiers.length === 2 && negated(rule.tiers[0].phrase) !== negated(rule.tiers[1].phrase);
    if (!pair || (a.kind !== "number" && a.kind !== "date")) throw new EvalError(`实际值${formatValue(a)}应为评分规则中的一种情形（${phrases}）`, "value-unreadable");
    const met = rowMeetsTarget(ctx);
    // Meeting the target earns the better of the two tiers, whichever of them is worded with a negation.
    const [x, y] = rule.tiers.map((t) => amountPoints(t.points, ctx.w));
    if (x.eq(y)) throw new EvalError(`评分规则两种情形得分相同（${phrases}）`, "value-unreadable");
    const better = x.gt(y) ? rule.tiers[0] : rule.tiers[1];
    const worse = better === rule.tiers[0] ? rule.tiers[1] : rule.tiers[0];
    const tier = met ? better : worse;
    return { exact: amountPoints(tier.points, ctx.w), met, lines: [`目标值${formatValue(ctx.target)}，实际值${formatValue(a)}，${met ? "达到" : "未达到"}目标，对应“${tier.phrase}”，得${describeAmount(tier.points, ctx.w)}`] };
  }
  const actual = clean(a.word);
  const exact = rule.tiers.filter((t) => clean(t.phrase) === actual || core(t.phrase) === core(a.word));
  const near = (t: { phrase: string }) => {
    const p = core(t.phrase);
    const x = core(a.word);
    return p.length > 0 && x.length > 0 && (p.includes(x) || x.includes(p));
  };
  let close = exact.length ? exact : rule.tiers.filter(near);
  // 健全 is contained in 制度健全 and in 制度不健全: keep the tiers that say it the same way.
  if (close.length > 1) close = close.filter((t) => negated(t.phrase) === negated(a.word));
  // 显著 is in 效果显著 and in 效果较显著: keep the tiers that are as partial as the actual is.
  if (close.length > 1) close = close.filter((t) => partial(t.phrase) === partial(a.word));
  if (close.length !== 1) {
    throw new EvalError(`实际值“${a.word}”${close.length ? "与多种情形相近" : "不属于评分规则中的任何情形"}（${phrases}），请人工确认`);
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
    // By the default rule only: a rule that says 达到目标得满分 leaves no band to choose in.
    return negativeIsZero ? { exact: w, met: true, lines } : { exact: w, met: true, lines, metBand: { min: w.times(0.8), max: w } };
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
