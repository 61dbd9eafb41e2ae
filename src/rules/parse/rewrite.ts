/**
 * Wordings other provinces use for the same rule, rewritten onto the spelling the grammar reads. Each
 * rewrite is exact (a fixed shape, bounded patterns, no backtracking over long text) and changes no meaning:
 * - 得分=A/B×分值，A为实际完成值，B为目标值: letters standing for named quantities are replaced by the names,
 *   and their definitions dropped (only letters that are defined, never 90%≤X<95%);
 * - 按执行率计分 / 按到位率得分: the named rate times the weight (得分=执行率×分值);
 * - 每降低1%减少0.5分 / 扣罚 / 扣去: deduction verbs other than 扣;
 * - 超过目标值每1%扣1分: the step's verb before 每 (每超过目标值1%扣1分);
 * - 每降低1%(含)扣… / 每降低1个百分点(含1个百分点): a step that says its own end counts — as every
 *   step counting does, so the mark is dropped;
 * - 合格率=合格数/验收数×100%合格率100%得满分每降低1%…: a definition, or the next clause, run into the
 *   rule without punctuation is separated from it.
 */

/** ×100% followed directly by a word: the end of a definition written without a separator. */
const RUN_ON_DEFINITION = /(=[^=,;。]{1,40}?[×*]100%)(?=[\u4e00-\u9fff])/g;
/** 按执行率计分: a rate named in words, scored in proportion. */
const RATE_IN_WORDS = /(^|[,;。:])按([\u4e00-\u9fff“”"]{1,12}?率)(?:计分|得分|计算得分|计算|给分|赋分)(?=$|[,;。])/g;
const OTHER_DEDUCTION_VERBS = /(减少|扣罚|扣去|罚)(?=\d+(?:\.\d+)?分)/g;
const VERB_BEFORE_EACH = /(超过|超出|高于|低于|少于|不足|降低|减少|增加|偏离)(目标值|指标值|年度指标值|计划值|目标|标准)每(?=\d+(?:\.\d+)?(?:%|个百分点|百分点|个|项|天|日|次)?扣)/g;
/** The (含) mark (⊂ after normalisation) or (含1个百分点) right after a step's number and unit. */
const INCLUSIVE_STEP = /(每[\u4e00-\u9fff]{1,8}?\d+(?:\.\d+)?(?:%|个百分点|百分点|个|项|天|日|次|件|人|户)?)(?:⊂|\(含\d*(?:\.\d+)?(?:%|个百分点|百分点|个|项|天|日|次|件|人|户)?\))/g;
/** 得满分每降低1%…: the next clause run on without a separator. */
const RUN_ON_STEP = /(得满分|满分|不得分|得\d+(?:\.\d+)?分)(?=每[\u4e00-\u9fff]{1,6}\d)/g;
/** A:实际值 / A为实际完成值 / A表示目标值 (a defined letter). */
const LETTER_DEFINITION = /(^|[,;。(])([A-Z])(?:为|是|=|:|表示|代表|指)([\u4e00-\u9fff]{2,10}?)(?=[,;。)]|$)/g;

export function rewriteRuleText(norm: string): string {
  let s = norm;
  s = replaceLetters(s);
  s = s.replace(RUN_ON_DEFINITION, "$1,");
  // 按完成率计算得分 is the completion ratio (actual ÷ target), which the ratio reader knows by its own words.
  s = s.replace(RATE_IN_WORDS, (m, lead: string, rate: string) => (rate.endsWith("完成率") ? m : `${lead}得分=${rate}×分值`));
  s = s.replace(OTHER_DEDUCTION_VERBS, "扣");
  s = s.replace(VERB_BEFORE_EACH, (_m, verb: string, object: string) => `每${verb}${object}`);
  s = s.replace(INCLUSIVE_STEP, "$1");
  s = s.replace(RUN_ON_STEP, "$1,");
  return s;
}

function replaceLetters(s: string): string {
  const names = new Map<string, string>();
  for (const m of s.matchAll(LETTER_DEFINITION)) names.set(m[2], m[3]);
  if (names.size === 0) return s;
  // Drop the definitions (with a bracket that held only them), then put the names in for the letters.
  let out = s.replace(LETTER_DEFINITION, (_m, lead: string) => (lead === "(" ? "(" : lead));
  out = out.replace(/\((?:[,;。]*)\)/g, "").replace(/[,;。]{2,}/g, (m) => m[0]).replace(/[,;。]+$/, "");
  out = out.replace(/(^|[^A-Za-z])([A-Z])(?![A-Za-z])/g, (m, lead: string, letter: string) => (names.has(letter) ? `${lead}${names.get(letter)}` : m));
  return out;
}
