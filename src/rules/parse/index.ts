/**
 * Chinese rule text -> Rule. Normalise, tokenize, split into clauses, then pick the family by
 * its marks (酌情 / 要点 / 符合其中N项 / 每<verb><step> / 得分=… / tiers) and let that family's
 * small grammar read every clause. A clause nobody reads is an error quoting it: never a guess.
 *
 * Readings chosen where the text allows more than one (each also noted where it is made):
 * - 实际值为100%得满分 / 合格率为100%为满分: "为" restates the target, reference = null (the row's
 *   target); ≥X / X及以上 / 以X为基准 / 不足X时 set reference = X.
 * - 每缺少一项扣3分: linear shortfall in items below the target count (stepUnit "item"), not an
 *   occurrence count; 每出现/每有/每发现…一例/一处 is occurrence (the actual is a count of problems).
 * - 符合(1分)；不符合(0分) and 全部符合(1分)；其中一项不符合(0分): qualitative tiers (the number of
 *   要点 is not in the text); 符合其中N项 makes count tiers, 全部符合 = more than the largest count
 *   written (flag `all`); overlapping count tiers with different points are refused.
 * - 采用完成率法 / 按比例 / 完成率×分值: ratio. 得分=<率>×N -> denominator 1, 得分=<率>/80%×N -> 0.8,
 *   得分=<率>/目标值×N -> null; the multiplier N is taken to be the weight. Without those words,
 *   得分=… is a formula read literally (得分=政府采购执行率×2).
 * - 达到目标值得1分，未达到目标值得0分；计算方法：… -> threshold; the 计算方法 part restates it.
 * - phrase的，得5分，否则不得分 (repeated) -> checklist of points; a single pair -> threshold.
 * - A bare a-b range takes its closed end from the rule's other (含) ranges, else [a, b).
 * - Zero bounds written as a shortfall or delay (降低10个百分点以上不得分, 延期超过50%得0分) are
 *   refused: they are not bounds on the actual value.
 * - Any mention of 酌情 / 视情节 / 视情况 makes the whole rule manual.
 * - 完成/未完成, 按时完成/否则, 实现目标/未实现 (a met/not-met pair of achievement phrases) is a threshold
 *   on the row's target; three levels (完成/部分完成/未完成) stay word tiers. Beside numeric tiers,
 *   全部完成 / 按时完成 is the met-target tier (全部完成得满分，完成80%以上得70%分值…).
 * - 一半分值 / 分值的一半 = share 0.5; 三分之二分值 = share 2/3 (proper fractions only).
 * - 每延期1个月: stepUnit "month" (calendar months); hours, quarters and years are refused.
 * - 以100%为满分 sets the full-marks level (reference), as 以95%为基准 does.
 * - 优：100%，得5分；良：… — a grade name before a numeric condition only labels the tier; grades
 *   without points, and one-off deductions (未按规定时间报送的扣1分), are refused with the reason.
 * - 预算执行率=实际支出/预算数×100% (a name defined as a ratio of named things, no 得/分) before or
 *   after the rule is a definition: dropped, but only when the text does not read with it and the
 *   rest reads on its own.
 */
import type { Rule } from "../types";
import { parseCountChecklist, hasCountTiers, parsePointsChecklist } from "./checklist";
import { RuleParseError } from "./errors";
import { findFormula, parseFormulaFamily, RATIO_WORDS } from "./formula";
import { parseLinear } from "./linear";
import { normalizeRuleText } from "./normalize";
import { rewriteRuleText } from "./rewrite";
import { fromDirectionPair, splitDirectionPair } from "./directions";
import { parseOccurrence } from "./occurrence";
import { findStep } from "./steps";
import { fromTiers, readTiers } from "./tiers";
import { isBoilerplate, joinConditions } from "./clauses";
import { withoutDefinitions } from "./definitions";
import { splitClauses, tokenize, type Clause } from "./tokens";

export { RuleParseError } from "./errors";
export { normalizeRuleText } from "./normalize";

/** Cells that say "nothing here" in Chinese tables (the 合计 row's rule cell is often "-"). */
const BLANK_MARKS = ["-", "/", "无", "\\", "。", "--", "-/-", "空"];

/** Wording that leaves the score to the evaluator's judgement. */
const MANUAL_WORDS = ["酌情", "视情节", "视情况", "视具体情况", "酌减", "酌定", "视程度"];
/** Explanatory segments (计算方法：…) that restate a rule already complete without them. */
const EXPLANATION_STARTS = ["计算方法", "计算公式", "计算方式"];

function dropExplanations(strong: Clause[]): Clause[] | null {
  const kept = strong.filter((s) => !EXPLANATION_STARTS.some((w) => s.text.startsWith(w)));
  if (kept.length === strong.length) return null;
  return splitClauses(kept.flatMap((s, i) => (i === 0 ? s.tokens : [{ t: "sep" as const, strong: true, raw: ";" }, ...s.tokens])));
}

function parseNormalized(text: string, norm: string): Rule {
  // 正向指标：得分=实际值/目标值×分值；反向指标：得分=目标值/实际值×分值 — the row's direction chooses.
  const pair = splitDirectionPair(norm);
  if (pair) return fromDirectionPair(text, pair, { positive: parseNormalized(pair.positive, pair.positive), negative: parseNormalized(pair.negative, pair.negative) });
  const tokens = tokenize(norm);
  const rawClauses = splitClauses(tokens);
  if (rawClauses.length === 0) return { kind: "default", text };
  // 项目验收合格率=100%，得满分 / 每降低5%，扣指标值5%: a condition or step and what follows it.
  const clauses = joinConditions(rawClauses);
  if (clauses.length === 0) return { kind: "default", text };
  if (MANUAL_WORDS.some((w) => norm.includes(w))) return { kind: "manual", text };
  if (norm.includes("要点")) return parsePointsChecklist(text, clauses);
  if (hasCountTiers(norm)) return parseCountChecklist(text, clauses);
  const hasFormula = clauses.some((c) => findFormula(c) !== null);
  // A step phrase wins over 按比例 when there is no written formula (不足1%的按比例扣分 is about steps).
  if (!hasFormula) {
    for (let i = 0; i < clauses.length; i += 1) {
      const step = findStep(clauses[i], i);
      if (!step) continue;
      return step.verb.kind === "occurrence" ? parseOccurrence(text, clauses, step) : parseLinear(text, clauses, step);
    }
  }
  if (hasFormula || RATIO_WORDS.some((w) => norm.includes(w))) return parseFormulaFamily(text, clauses);
  // 完成值/指标值×分值: a rule that is only a formula, with nothing given or taken in words.
  // The same with a cap every score has beside it (执行率×该指标分值,最高不得超过分值上限).
  const scoring = clauses.filter((c) => !isBoilerplate(c));
  if (scoring.length === 1 && !scoring[0].text.includes("得") && !scoring[0].text.includes("扣") && findFormula(scoring[0], true)) return parseFormulaFamily(text, scoring, true);
  // 达到目标值得1分，未达到目标值得0分；计算方法：… — the explanation adds nothing to a complete threshold.
  const withoutExplanation = dropExplanations(splitClauses(tokens, true));
  if (withoutExplanation && norm.includes("未达到目标")) {
    const rule = fromTiers(text, readTiers(withoutExplanation));
    if (rule.kind === "threshold") return rule;
  }
  return fromTiers(text, readTiers(clauses));
}

/**
 * Rule texts repeat down a table and across a folder of submissions (a bureau's template): each text is read
 * once per process (per worker thread), its Rule or its refusal kept. Bounded: past PARSE_CACHE_SIZE texts the
 * oldest is forgotten. A Rule is never changed after parsing, so one object serves every row.
 */
export const PARSE_CACHE_SIZE = 5000;
const parsedTexts = new Map<string, Rule | RuleParseError>();
let cacheOn = true;

/** Turns the cache off (and empties it): the parse benchmarks measure reading, not looking up. */
export function setParseCache(enabled: boolean): void {
  cacheOn = enabled;
  parsedTexts.clear();
}

/** Reads one rule text; throws RuleParseError (无法识别评分规则：…) for anything it cannot read. */
export function parseRule(text: string): Rule {
  if (text === null || text === undefined) return { kind: "default", text: "" };
  if (typeof text !== "string") throw new RuleParseError(String(text), "评分规则不是文字");
  if (!cacheOn) return parseUncached(text);
  let entry = parsedTexts.get(text);
  if (entry === undefined) {
    try {
      entry = parseUncached(text);
    } catch (e) {
      if (!(e instanceof RuleParseError)) throw e;
      entry = e;
    }
    if (parsedTexts.size >= PARSE_CACHE_SIZE) parsedTexts.delete(parsedTexts.keys().next().value as string);
    parsedTexts.set(text, entry);
  }
  if (entry instanceof RuleParseError) throw entry;
  return entry;
}

function parseUncached(text: string): Rule {
  const norm = rewriteRuleText(normalizeRuleText(text));
  if (norm.length === 0 || BLANK_MARKS.includes(norm)) return { kind: "default", text };
  try {
    return parseNormalized(text, norm);
  } catch (e) {
    if (e instanceof RuleParseError) {
      // 预算执行率=实际支出/预算数×100%，…: a definition beside the rule, dropped only when the rest reads alone.
      const rest = withoutDefinitions(norm);
      if (rest === null) throw e;
      try {
        return parseNormalized(text, rest);
      } catch (inner) {
        // The definition was understood: what the rest cannot say is the part to quote.
        if (inner instanceof RuleParseError) throw inner;
        throw new RuleParseError(norm, "内部错误");
      }
    }
    // Any other failure is a bug in a family reader; the user still gets the typed refusal.
    throw new RuleParseError(norm, "内部错误");
  }
}

export function tryParseRule(text: string): { ok: true; rule: Rule } | { ok: false; error: RuleParseError } {
  try {
    return { ok: true, rule: parseRule(text) };
  } catch (e) {
    if (e instanceof RuleParseError) return { ok: false, error: e };
    throw e;
  }
}
