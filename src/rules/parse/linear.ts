/**
 * Linear deduction per step: 实际值为100%得满分,每降低1%扣权重分的10%,扣完为止; with a reference
 * level (达到90%及以上得满分；不足90%时…), a zero threshold (低于70%不得分) and a cap (最多扣10分).
 */
import type Decimal from "decimal.js";
import type { Amount, Bound, LinearRule } from "../types";
import { deductionLeadOk, firstNumberAt, readDeduction, readGain, saysZero } from "./amount";
import { isBoilerplate, isDescriptive, splitAtGain } from "./clauses";
import { endsWithComparator, isCleanSubject, isFullMarksCondition, readCondition } from "./conditions";
import { RuleParseError } from "./errors";
import { stepUnit, unsupportedTimeUnit, weekDays, type StepPhrase } from "./steps";
import type { Clause } from "./tokens";

/** Words that, between a step and its deduction, mean the clause says more than one thing. */
const LEAD_FORBIDDEN = ["每", "得", "扣", "最多", "满分", "要点", "不得", "符合", "具备", "加"];
/** A step clause that ends at its unit (每降低5%, / 偏离指标值1部门,) takes its amount from the next clause. */
const STEP_UNIT_WORDS = ["部门", "个", "项", "天", "日", "个月", "月", "人", "家", "户", "次", "件", "名", "例", "处"];

const CAP_WORDS = ["最多扣", "最高扣", "扣分不超过", "最多减", "累计扣分不超过", "扣分最多", "最多可扣"];

/** Index of the first word at or after `from` holding 扣 or 减 (not 扣完), or -1. */
function deductionVerbAt(clause: Clause, from: number): number {
  for (let i = from; i < clause.tokens.length; i += 1) {
    const t = clause.tokens[i];
    if (t.t !== "word") continue;
    const k = Math.max(t.text.indexOf("扣"), t.text.indexOf("减"));
    if (k >= 0 && !t.text.includes("扣完")) return i;
  }
  return -1;
}

/** The single bound of a zero/reference clause, or null when it has none or more than one. */
function singleBound(tokens: Clause["tokens"]): Bound | null {
  const cond = readCondition(tokens, false);
  if (!cond || cond === "unreadable" || cond.kind !== "range") return null;
  if (cond.lower && cond.upper) return null;
  return cond.lower ?? cond.upper;
}

/**
 * 实际值为100% / 合格率为100% / 完成率100%: an equality (or a bare level with no comparator),
 * which restates the target.
 */
function isEquality(tokens: Clause["tokens"]): boolean {
  const cond = readCondition(tokens, false);
  if (cond && cond !== "unreadable" && cond.kind === "range" && cond.lower && cond.upper && cond.lower.value.eq(cond.upper.value)) return true;
  // [subject] <number> [的|时]: 完成率100% / 资金到位率100% / 100%
  const at = tokens.findIndex((t) => t.t === "num");
  if (at < 0 || at > 1 || tokens.length > at + 2) return false;
  const num = tokens[at] as Extract<Clause["tokens"][number], { t: "num" }>;
  if (!/[0-9]/.test(num.raw)) return false;
  const subject = at === 1 ? tokens[0] : null;
  const tail = tokens[at + 1];
  if (subject && (subject.t !== "word" || !isCleanSubject(subject.text) || endsWithComparator(subject.text))) return false;
  return !tail || (tail.t === "word" && ["的", "时", "分"].includes(tail.text));
}

/** Text before 每 in the step word: a subject (执行率), or where steps start (未达到目标值的, 低于目标值的). */
function stepPrefixOk(prefix: string): boolean {
  let p = prefix;
  while (p.endsWith("的") || p.endsWith("时") || p.endsWith(",")) p = p.slice(0, -1);
  if (p === "" || isCleanSubject(p)) return true;
  if (["扣", "得", "每", "计", "满分", "不得"].some((w) => p.includes(w))) return false;
  return ["目标值", "目标", "计划", "预算", "标准", "指标值", "要求"].some((w) => p.endsWith(w)) || p.startsWith("偏离");
}

/** Words that make a bound relative to the target or a time limit (降低10个百分点以上, 延期超过50%). */
const RELATIVE_WORDS = ["降低", "下降", "减少", "延期", "延迟", "推迟", "逾期", "偏离", "超出目标", "超过目标", "低于目标", "高于目标"];

/** 不足1%的按1%计 / 不足1%的不扣分 / 不足1%的按比例扣分: how the rule counts a partial step. */
function countingOf(c: Clause): LinearRule["stepCounting"] | null {
  const t = c.text;
  if (!t.startsWith("不足") && !t.startsWith("未满") && !t.startsWith("不满")) return null;
  if (t.includes("按比例")) return "proportional";
  if (t.includes("不扣") || t.endsWith("不计") || t.endsWith("不计算") || t.includes("忽略")) return "whole";
  if (t.includes("按") && (t.endsWith("计") || t.endsWith("计算") || t.endsWith("扣分") || t.endsWith("扣除"))) return "started";
  return null;
}

/** Words before 每 that count steps from something other than the target (比上年每下降1%). */
const OTHER_BASE = ["上年", "去年", "上一年", "同期", "基期", "上年度", "往年"];

/** 以95%为基准 / 以95%为标准 / 以100%为满分: the level steps count from. */
function baseLevel(c: Clause): Bound | null {
  const t = c.tokens;
  const first = t[0];
  const n = t[1];
  const last = t[2];
  if (t.length !== 3 || first.t !== "word" || first.text !== "以" || n.t !== "num" || last.t !== "word") return null;
  // 以100%为满分 names the full-marks level outright, as 以100%为基准 does.
  if (!["为基准", "为标准", "为基数", "为起点", "为满分线", "为满分"].includes(last.text)) return null;
  return { comparator: "ge", value: n.value };
}

export function parseLinear(text: string, clauses: Clause[], step: StepPhrase): LinearRule {
  if (step.verb.kind !== "linear") throw new RuleParseError(clauses[step.clauseIndex].text);
  const direction = step.verb.direction;
  /** 不足90%时 (shortfalls) / 超过5%时 (excess): where steps start must lie on the penalised side. */
  const startFits = (b: Bound) =>
    direction === "both" ? b.comparator === "eq" : direction === "below" ? b.comparator === "lt" || b.comparator === "le" : b.comparator === "gt" || b.comparator === "ge";
  const timeUnit = unsupportedTimeUnit(step);
  if (timeUnit) throw new RuleParseError(clauses[step.clauseIndex].text, `按「${timeUnit}」计的步长无法计算`);
  const consumed = new Set<number>([step.clauseIndex]);
  const stepClause = clauses[step.clauseIndex];

  // What one step costs: in the step clause (每降低1%扣…) or the next one (每降低5%,扣指标值5%).
  let perStep: Amount | null = null;
  const verbAt = deductionVerbAt(stepClause, step.numIndex + 1);
  if (verbAt >= 0) {
    const amountAt = firstNumberAt(stepClause.tokens, verbAt);
    if (amountAt > 0 && deductionLeadOk(stepClause.tokens, step.numIndex + 1, amountAt, LEAD_FORBIDDEN)) perStep = readDeduction(stepClause.tokens, verbAt);
  } else {
    const next = clauses[step.clauseIndex + 1];
    const unitOnly = stepClause.tokens.length <= step.numIndex + 2 && (step.unitWord === "" || STEP_UNIT_WORDS.includes(step.unitWord));
    if (next && unitOnly && deductionVerbAt(next, 0) === 0) {
      const amountAt = firstNumberAt(next.tokens, 0);
      if (amountAt > 0 && deductionLeadOk(next.tokens, 0, amountAt, LEAD_FORBIDDEN)) perStep = readDeduction(next.tokens, 0);
      consumed.add(step.clauseIndex + 1);
    }
  }
  if (!perStep) throw new RuleParseError(stepClause.text, "未写明每步扣多少");
  if (perStep.value.lte(0)) throw new RuleParseError(stepClause.text, "每步扣分须大于0");
  if (step.step.lte(0)) throw new RuleParseError(stepClause.text, "步长须大于0");

  let reference: Decimal | null = null;
  let cap: Amount | null = null;
  let zeroWhen: Bound | null = null;
  let stepCounting: LinearRule["stepCounting"] | null = null;
  // Text before 每 in the step clause (不足90%时每减少5%…, 未达到目标值的每增加…).
  const head = stepClause.tokens.slice(0, step.numIndex - 1);
  const stepWord = stepClause.tokens[step.numIndex - 1];
  const headText = head.map((t) => t.raw).join("") + (stepWord && stepWord.t === "word" ? stepWord.text.slice(0, stepWord.text.lastIndexOf("每")) : "");
  if (OTHER_BASE.some((w) => headText.includes(w))) throw new RuleParseError(stepClause.text, "步数不是从目标值起算");
  const wordPrefix = stepWord && stepWord.t === "word" ? stepWord.text.slice(0, Math.max(0, stepWord.text.lastIndexOf("每"))) : "";
  if (!stepPrefixOk(wordPrefix)) throw new RuleParseError(stepClause.text);
  const headRef = head.some((t) => t.t === "num") ? singleBound(head) : null;
  if (headRef) {
    if (!startFits(headRef)) throw new RuleParseError(stepClause.text, "起算界限与扣分方向不一致");
    reference = headRef.value;
  }

  clauses.forEach((c, i) => {
    if (consumed.has(i)) return;
    if (isBoilerplate(c) || isDescriptive(c)) return consumed.add(i);
    if (CAP_WORDS.some((w) => c.text.includes(w))) {
      const at = deductionVerbAt(c, 0);
      cap = at >= 0 ? readDeduction(c.tokens, at) : null;
      if (cap) consumed.add(i);
      return;
    }
    const { cond, gain } = splitAtGain(c.tokens);
    const counting = countingOf(c);
    if (counting) {
      stepCounting = counting;
      consumed.add(i);
      return;
    }
    const base = baseLevel(c);
    if (base) {
      reference = base.value;
      consumed.add(i);
      return;
    }
    if (gain.length > 0 && saysZero(gain, c.text)) {
      const condText = cond.map((t) => t.raw).join("");
      if (RELATIVE_WORDS.some((w) => condText.includes(w)) && cond.some((t) => t.t === "num")) {
        throw new RuleParseError(c.text, "不得分的界限是相对目标或时限的幅度，不是实际值的界限");
      }
      const b = singleBound(cond);
      if (b && !zeroWhen) {
        // 每降低1%…，高于90%不得分 contradicts itself (for percent steps; 低于70%不得分 beside 每延迟一天 is kept as written).
        if (step.percent && direction !== "both" && (direction === "below") !== (b.comparator === "lt" || b.comparator === "le")) {
          throw new RuleParseError(c.text, "不得分界限与扣分方向不一致");
        }
        zeroWhen = b;
        consumed.add(i);
      }
      return;
    }
    const gained = gain.length > 0 ? readGain(gain, c.text) : null;
    if (gained) {
      // Full marks: 实际值为100%得满分 restates the target (reference stays the target);
      // 大于等于90%得满分 / 95%以上得满分 sets the level steps count from. A bound that gives
      // less than the full weight after the steps (低于50%得1分) is a floor this kind cannot hold.
      const hasNumbers = cond.some((t) => t.t === "num");
      const b = hasNumbers ? singleBound(cond) : null;
      if (hasNumbers && !b && !isEquality(cond)) return;
      if (!hasNumbers && !isFullMarksCondition(cond)) return;
      if (b) {
        const full = gained.mode === "share" ? gained.value.eq(1) : i < step.clauseIndex;
        const fits = direction === "below" ? b.comparator === "ge" || b.comparator === "gt" : direction === "above" ? b.comparator === "le" || b.comparator === "lt" : false;
        if (!full || !fits) throw new RuleParseError(c.text, "此档次与逐步扣分的方向或满分不一致");
        reference = b.value;
      }
      consumed.add(i);
      return;
    }
    // 不足90%时 / 低于目标值时: where the steps start.
    if (gain.length === 0 && (c.text.endsWith("时") || c.text.endsWith("的"))) {
      const hasNumbers = c.tokens.some((t) => t.t === "num");
      const b = hasNumbers ? singleBound(c.tokens) : null;
      if (hasNumbers && !b) return;
      if (b) {
        if (!startFits(b)) throw new RuleParseError(c.text, "起算界限与扣分方向不一致");
        reference = b.value;
      }
      consumed.add(i);
    }
  });

  const rest = clauses.find((_, i) => !consumed.has(i));
  if (rest) throw new RuleParseError(rest.text);
  const rule: LinearRule = {
    kind: "linear",
    text,
    direction,
    reference,
    step: weekDays(step) ? step.step.times(7) : step.step,
    stepUnit: stepUnit(step),
    perStep,
    cap,
    zeroWhen,
  };
  if (stepCounting) rule.stepCounting = stepCounting;
  return rule;
}
