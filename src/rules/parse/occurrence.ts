/** Per-occurrence deduction: 每出现一例不符合要求的扣1分,扣完为止; 每有一处不相符，扣1分. The actual is a count. */
import type { Amount, OccurrenceRule } from "../types";
import { deductionLeadOk, firstNumberAt, readDeduction, readGain } from "./amount";
import type { Token } from "./tokens";
import { isBoilerplate, isDescriptive, splitAtGain } from "./clauses";
import { isFullMarksCondition } from "./conditions";
import { RuleParseError } from "./errors";
import type { StepPhrase } from "./steps";
import type { Clause } from "./tokens";

/** Words that, between an occurrence and its deduction, mean the clause says more than one thing. */
const OCCURRENCE_FORBIDDEN = ["每", "得", "扣", "最多", "满分", "要点"];

/** 有效投诉每起扣: the word holding 每<counter> must end at 扣 (or 扣<object>). */
function afterEachOk(tok: Token): boolean {
  if (tok.t !== "word") return false;
  const after = tok.text.slice(tok.text.lastIndexOf("每") + 1);
  return deductionLeadOk([{ t: "word", text: after, raw: after }], 0, 1, OCCURRENCE_FORBIDDEN);
}

const CAP_WORDS = ["最多扣", "最高扣", "扣分不超过", "最多减", "累计扣分不超过", "扣分最多", "最多可扣"];

function verbIndex(c: Clause, from: number): number {
  for (let i = from; i < c.tokens.length; i += 1) {
    const t = c.tokens[i];
    if (t.t === "word" && (t.text.includes("扣") || t.text.includes("减")) && !t.text.includes("扣完")) return i;
  }
  return -1;
}

export function parseOccurrence(text: string, clauses: Clause[], step: StepPhrase): OccurrenceRule {
  const stepClause = clauses[step.clauseIndex];
  // 每出现2例扣1分 would need a counting choice; only one-per-step is read.
  if (!step.step.eq(1)) throw new RuleParseError(stepClause.text, "每次扣分只按每1次计");
  const consumed = new Set<number>([step.clauseIndex]);
  let per: Amount | null = null;
  const at = verbIndex(stepClause, step.numIndex + 1);
  // 每起 has no number token: the lead starts inside the word (有效投诉每起扣).
  const leadFrom = step.numIndex + 1;
  if (at >= 0) {
    const amountAt = firstNumberAt(stepClause.tokens, at);
    const leadOk = step.unitWord === "" && leadFrom === at ? afterEachOk(stepClause.tokens[at]) : deductionLeadOk(stepClause.tokens, leadFrom, amountAt, OCCURRENCE_FORBIDDEN);
    if (amountAt > 0 && leadOk) per = readDeduction(stepClause.tokens, at);
  } else {
    const next = clauses[step.clauseIndex + 1];
    if (next && verbIndex(next, 0) === 0) {
      const amountAt = firstNumberAt(next.tokens, 0);
      if (amountAt > 0 && deductionLeadOk(next.tokens, 0, amountAt, OCCURRENCE_FORBIDDEN)) per = readDeduction(next.tokens, 0);
      consumed.add(step.clauseIndex + 1);
    }
  }
  if (!per || per.value.lte(0)) throw new RuleParseError(stepClause.text, "未写明每次扣多少");
  let cap: Amount | null = null;
  clauses.forEach((c, i) => {
    if (consumed.has(i)) return;
    if (isBoilerplate(c) || isDescriptive(c)) return consumed.add(i);
    if (CAP_WORDS.some((w) => c.text.includes(w))) {
      const k = verbIndex(c, 0);
      cap = k >= 0 ? readDeduction(c.tokens, k) : null;
      if (cap) consumed.add(i);
      return;
    }
    // 全部相符的得5分 / 未发现问题的得满分: the full-marks statement.
    const { cond, gain } = splitAtGain(c.tokens);
    if (gain.length > 0 && isFullMarksCondition(cond) && readGain(gain, c.text)) consumed.add(i);
  });
  const rest = clauses.find((_, i) => !consumed.has(i));
  if (rest) throw new RuleParseError(rest.text);
  return { kind: "occurrence", text, perOccurrence: per, cap };
}
