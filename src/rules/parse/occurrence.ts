/** Per-occurrence deduction: 每出现一例不符合要求的扣1分,扣完为止; 每有一处不相符，扣1分. The actual is a count. */
import type { Amount, OccurrenceRule } from "../types";
import { readDeduction, readGain } from "./amount";
import { isBoilerplate, isDescriptive, splitAtGain } from "./clauses";
import { RuleParseError } from "./errors";
import type { StepPhrase } from "./steps";
import type { Clause } from "./tokens";

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
  if (at >= 0) per = readDeduction(stepClause.tokens, at);
  else {
    const next = clauses[step.clauseIndex + 1];
    if (next && verbIndex(next, 0) === 0) {
      per = readDeduction(next.tokens, 0);
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
    if (gain.length > 0 && !cond.some((t) => t.t === "num" || t.t === "cmp") && readGain(gain, c.text)) consumed.add(i);
  });
  const rest = clauses.find((_, i) => !consumed.has(i));
  if (rest) throw new RuleParseError(rest.text);
  return { kind: "occurrence", text, perOccurrence: per, cap };
}
