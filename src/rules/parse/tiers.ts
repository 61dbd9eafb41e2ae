/**
 * Rules made of "condition -> points" tiers: brackets (100%>结果≥95%，得3分), thresholds
 * (达到目标值得1分，未达到目标值得0分; …大于X%得满分), qualitative phrases (<情形一>,3分;…)
 * and phrase pairs that add up (印发通知的，得5分，否则不得分；成立小组，得5分，否则不得分).
 */
import type { Amount, BracketRule, ChecklistRule, QualitativeRule, ThresholdRule, Tier } from "../types";
import { points, readGain } from "./amount";
import { isBoilerplate, splitAtGain } from "./clauses";
import { conditionSubject, isPhrase, readCondition, type Condition } from "./conditions";
import { RuleParseError } from "./errors";
import { achievementOf } from "./achievement";
import { tokenText, type Clause, type Token } from "./tokens";

type ReadTier =
  | { kind: "cond"; cond: Condition; amount: Amount; text: string; subject: string }
  | { kind: "phrase"; phrase: string; amount: Amount; text: string };

/** Do this rule's ranges put (含) on the upper end (0-10%(含))? Then a bare a-b is (a, b]. */
function upperInclusiveStyle(tokens: Token[]): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 1; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t !== "incl" || !t.inclusive) continue;
    const before = tokens[i - 2];
    const next = tokens[i + 1];
    if (before && before.t === "op" && before.op === "-") upper += 1;
    else if (next && next.t === "op" && next.op === "-") lower += 1;
  }
  return upper > 0 && lower === 0;
}

function cleanPhrase(s: string): string {
  let p = s;
  while (p.endsWith("的") || p.endsWith(",") || p.endsWith("时")) p = p.slice(0, -1);
  return p;
}

/** Grade names written before a tier (优：100%，得5分；良：90%-100%（不含），得4分): a label, not a quantity. */
const GRADE_LABELS = ["优", "优秀", "良", "良好", "中", "中等", "一般", "合格", "及格", "差", "较差", "不合格", "不及格"];

function isGradeLabel(tokens: Token[]): boolean {
  return tokens.length === 1 && tokens[0].t === "word" && GRADE_LABELS.includes(tokens[0].text);
}

/** 未按规定时间报送的扣1分: a one-off deduction under a condition, neither a step nor a tier's points. */
function oneOffDeduction(tokens: Token[]): boolean {
  if (tokens.some((t) => t.t === "word" && t.text.includes("每"))) return false;
  return tokens.some((t, i) => t.t === "word" && (t.text.endsWith("扣") || t.text.endsWith("扣除") || t.text.endsWith("减")) && tokens[i + 1]?.t === "num");
}

export function readTiers(clauses: Clause[]): ReadTier[] {
  const all = clauses.flatMap((c) => c.tokens);
  const upperIncl = upperInclusiveStyle(all);
  const tiers: ReadTier[] = [];
  let pending: Token[] = [];
  let pendingText = "";
  for (const c of clauses) {
    if (isBoilerplate(c)) continue;
    const { cond, gain } = splitAtGain(c.tokens);
    const amount = gain.length > 0 ? readGain(gain, tokenText(gain)) : null;
    if (!amount) {
      if (gain.length > 0) throw new RuleParseError(c.text, "未写明得分");
      if (oneOffDeduction(c.tokens)) throw new RuleParseError(c.text, "按情形一次性扣分，不是逐步扣分，也不是档次得分，无法自动计算");
      // A condition or phrase whose points come in the next clause (100%>结果≥95%，得3分).
      for (const t of c.tokens) pending.push(t);
      pendingText = pendingText ? `${pendingText},${c.text}` : c.text;
      continue;
    }
    // 组织…复评工作，并将结果报…备案的得10分: a phrase may run over several clauses.
    // 优：100%，得5分: a grade name before a numeric condition only labels it.
    const labelled = isGradeLabel(pending) && cond.some((t) => t.t === "num" && /[0-9]/.test(t.raw));
    const condTokens = labelled ? cond : [...pending, ...cond];
    const text = pendingText ? `${pendingText},${c.text}` : c.text;
    pending = [];
    pendingText = "";
    if (condTokens.length === 0) throw new RuleParseError(text, "未写明条件");
    let read = readCondition(condTokens, upperIncl);
    // 其中一项不符合: a count written in Chinese numerals inside a phrase, not a bound on the value.
    const onlyWordNumbers = condTokens.every((t) => t.t !== "cmp" && (t.t !== "num" || !/[0-9]/.test(t.raw)));
    if (read === "unreadable" && onlyWordNumbers) read = null;
    if (read === "unreadable") throw new RuleParseError(text);
    if (read) tiers.push({ kind: "cond", cond: read, amount, text, subject: read.kind === "range" ? conditionSubject(condTokens) : "" });
    else {
      const phrase = cleanPhrase(tokenText(condTokens));
      if (!phrase) throw new RuleParseError(text, "未写明条件");
      if (!isPhrase(condTokens)) throw new RuleParseError(text);
      tiers.push({ kind: "phrase", phrase, amount, text });
    }
  }
  if (pending.length > 0) {
    const graded = clauses.some((c) => isGradeLabel(c.tokens));
    throw new RuleParseError(pendingText, graded ? "只写明了各等级的范围，未写明各等级得分" : "未写明得分");
  }
  return tiers;
}

/** The words standing for a non-numeric condition among phrase tiers. */
function conditionPhrase(c: Condition): string {
  if (c.kind === "target") return c.met ? "达到目标值" : "未达到目标值";
  return "其他";
}

function isOtherwise(t: ReadTier): boolean {
  return t.kind === "cond" && (t.cond.kind === "otherwise" || (t.cond.kind === "target" && !t.cond.met));
}

/** Achievement phrases (完成 / 未按时完成) as target conditions; null when some phrase is not one. */
function asTargetConditions(tiers: ReadTier[]): ReadTier[] | null {
  const out: ReadTier[] = [];
  for (const t of tiers) {
    if (t.kind === "cond") {
      out.push(t);
      continue;
    }
    const a = achievementOf(t.phrase);
    if (!a) return null;
    out.push({ kind: "cond", cond: { kind: "target", met: a === "met" }, amount: t.amount, text: t.text, subject: "" });
  }
  return out;
}

/**
 * 完成目标得满分，未完成不得分 / 按时完成得满分，未按时完成不得分: a met / not-met pair is a threshold on
 * the row's target (a numeric or dated actual is then scored, not matched against the words);
 * 全部完成得满分，完成80%以上得70%分值…: beside numeric tiers, 全部完成 is the met-target tier.
 */
function resolveAchievements(tiers: ReadTier[]): ReadTier[] {
  if (!tiers.some((t) => t.kind === "phrase")) return tiers;
  const asConds = asTargetConditions(tiers);
  if (!asConds) return tiers;
  const conds = asConds as Array<Extract<ReadTier, { kind: "cond" }>>;
  const met = conds.filter((t) => t.cond.kind === "target" && t.cond.met);
  const numeric = conds.some((t) => t.cond.kind === "range");
  const pair = conds.length === 2 && met.length === 1 && !met[0].amount.value.isZero() && conds.some(isOtherwise);
  return numeric || pair ? asConds : tiers;
}

export function fromTiers(text: string, readTiers: ReadTier[]): BracketRule | ThresholdRule | QualitativeRule | ChecklistRule {
  if (readTiers.length === 0) throw new RuleParseError(text);
  const tiers = resolveAchievements(readTiers);
  // 若执行率<90%，此项不得分: only the zero case is written; what the rest scores is not said.
  if (tiers.every((t) => t.amount.value.isZero())) throw new RuleParseError(text, "只写明了不得分的情形");
  const phrases = tiers.filter((t) => t.kind === "phrase");
  if (phrases.length > 0) {
    // phrase, 否则 (, phrase, 否则 …): each pair is one point of a checklist; a single pair a threshold.
    const paired = tiers.length % 2 === 0 && tiers.every((t, i) => (i % 2 === 0 ? t.kind === "phrase" : isOtherwise(t) && t.amount.value.isZero()));
    if (paired && tiers.length === 2) return { kind: "threshold", text, condition: null, met: tiers[0].amount, notMet: points(0) };
    if (paired) {
      return {
        kind: "checklist",
        text,
        points: phrases.map((p, i) => ({ index: i + 1, share: p.amount })),
        gates: [],
        allOrNothing: false,
        countTiers: [],
      };
    }
    const numeric = tiers.find((t) => t.kind === "cond" && t.cond.kind === "range");
    if (numeric) throw new RuleParseError(numeric.text, "数值档次与文字档次混用");
    // 发生安全事故不得分，未发生得满分: a phrase and its negation, in either order, are two tiers of one thing.
    const negationPair = tiers.length === 2 && tiers.every((t) => t.kind === "phrase") && isNegationPair(tiers.map((t) => (t.kind === "phrase" ? t.phrase : "")));
    // Levels descend (好5分；较好3分；差0分). Equal points (制度健全的得2分；执行有效的得2分) read
    // as criteria that add up just as well, so that is not guessed.
    for (let i = 1; i < tiers.length && !negationPair; i += 1) {
      if (!tiers[i].amount.value.lt(tiers[i - 1].amount.value) || tiers[i].amount.mode !== tiers[i - 1].amount.mode && !tiers[i].amount.value.isZero()) {
        throw new RuleParseError(text, "各档得分不是逐档递减，无法判断是档次还是可累加的要点");
      }
    }
    if (tiers.length < 2) throw new RuleParseError(text, "只有一个文字档次");
    return {
      kind: "qualitative",
      text,
      tiers: tiers.map((t) => ({ phrase: t.kind === "phrase" ? t.phrase : conditionPhrase(t.cond), points: t.amount })),
    };
  }
  const conds = tiers as Array<Extract<ReadTier, { kind: "cond" }>>;
  const met = conds.filter((t) => t.cond.kind === "target" && t.cond.met);
  const ranges = conds.filter((t) => t.cond.kind === "range");
  const others = conds.filter(isOtherwise);
  // 完成率100%得5分；满意度90%以上得5分: tiers about two different quantities are two rules.
  const subjects = new Set(ranges.map((t) => t.subject).filter((x) => x !== ""));
  if (subjects.size > 1) throw new RuleParseError(text, `档次针对不同的指标（${[...subjects].join("、")}）`);
  // 否则计8分 alone: nothing says when the points are earned.
  if (met.length === 0 && ranges.length === 0) throw new RuleParseError(text, "未写明得分条件");
  // 达到目标值得1分，未达到目标值得0分
  if (met.length === 1 && ranges.length === 0 && others.length <= 1) {
    return { kind: "threshold", text, condition: null, met: met[0].amount, notMet: others[0]?.amount ?? points(0) };
  }
  // …大于90%得满分 (nothing said below: 0), possibly with 否则不得分.
  if (ranges.length === 1 && met.length === 0 && others.length <= 1 && !ranges[0].amount.value.isZero()) {
    const c = ranges[0].cond as Extract<Condition, { kind: "range" }>;
    if (!(c.lower && c.upper)) {
      return { kind: "threshold", text, condition: c.lower ?? c.upper, met: ranges[0].amount, notMet: others[0]?.amount ?? points(0) };
    }
  }
  if (met.length > 1 || others.length > 1) throw new RuleParseError(text, "档次重复");
  if (conds.length < 2) throw new RuleParseError(text, "只有一个档次，其余情况未写明");
  const bracketTiers: Tier[] = conds.map((t) => {
    if (t.cond.kind === "range") return { lower: t.cond.lower, upper: t.cond.upper, points: t.amount };
    if (t.cond.kind === "target" && t.cond.met) return { lower: null, upper: null, meetsTarget: true, points: t.amount };
    return { lower: null, upper: null, points: t.amount };
  });
  // An "otherwise" tier goes last so it catches only what the others leave.
  bracketTiers.sort((a, b) => Number(!a.lower && !a.upper && !a.meetsTarget) - Number(!b.lower && !b.upper && !b.meetsTarget));
  return { kind: "bracket", text, tiers: bracketTiers };
}

const NEGATIONS = ["尚未", "没有", "未", "不", "无"];

/** 发生安全事故 / 未发生: one phrase is the other with a negation in front (the object may be left out). */
function isNegationPair(phrases: string[]): boolean {
  const [a, b] = phrases;
  const strip = (p: string): string | null => {
    const n = NEGATIONS.find((w) => p.startsWith(w));
    return n ? p.slice(n.length) : null;
  };
  const pair = (pos: string, neg: string) => {
    const core = strip(neg);
    return core !== null && core.length > 0 && strip(pos) === null && (pos.startsWith(core) || pos.endsWith(core) || core.startsWith(pos));
  };
  return pair(a, b) || pair(b, a);
}
