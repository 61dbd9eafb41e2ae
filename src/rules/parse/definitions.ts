/**
 * Definitions written beside a rule: 预算执行率=实际支出/预算数×100%，执行率达到100%得满分…;
 * 完成率=实际完成数/计划数，得分=完成率×分值. A clause "<name>=<ratio of named things>(×100%)"
 * that never mentions 得/分 says what the measured quantity is, which the row's cells already carry.
 * The caller drops such clauses only when what is left reads on its own.
 */
import { isCleanSubject } from "./conditions";
import { splitClauses, tokenize, type Clause } from "./tokens";

/** Is this clause a definition of a ratio (name = a / b (× 100%))? */
export function isDefinition(c: Clause): boolean {
  const [name, eq, ...rhs] = c.tokens;
  if (!name || name.t !== "word" || !eq || eq.t !== "cmp" || eq.cmp !== "eq") return false;
  // A score (得分=…, 执行率得分=…) or a weight (分值=…) is a formula, not a definition.
  if (name.text.includes("分") || name.text.includes("得") || !isCleanSubject(name.text)) return false;
  if (rhs.length < 3 || !rhs.some((t) => t.t === "op" && t.op === "/")) return false;
  let words = 0;
  for (const t of rhs) {
    if (t.t === "word") {
      if (t.text.includes("分") || t.text.includes("得") || !isCleanSubject(t.text)) return false;
      words += 1;
    } else if (t.t !== "num" && t.t !== "op" && t.t !== "lp" && t.t !== "rp") return false;
  }
  // 执行率=90%/100%: numbers only are a condition written oddly, not a definition of a quantity.
  return words >= 2;
}

/** Separator characters a clause may end with (one character each in normalised text). */
const SEPARATORS = ",;。\n:!?？！.";

/**
 * The normalised text without its leading and trailing definitions, or null when it has none
 * (or nothing else). The definition clauses hold only words, numbers, = and operators, so their
 * clause text is exactly their span of the normalised text.
 */
export function withoutDefinitions(norm: string): string | null {
  const clauses = splitClauses(tokenize(norm));
  let start = 0;
  let end = clauses.length;
  while (start < end && isDefinition(clauses[start])) start += 1;
  while (end > start && isDefinition(clauses[end - 1])) end -= 1;
  if ((start === 0 && end === clauses.length) || start >= end) return null;
  let rest = norm;
  for (let i = 0; i < start; i += 1) {
    const t = clauses[i].text;
    if (!rest.startsWith(t)) return null;
    rest = rest.slice(t.length);
    while (rest.length > 0 && SEPARATORS.includes(rest[0])) rest = rest.slice(1);
  }
  for (let i = clauses.length - 1; i >= end; i -= 1) {
    while (rest.length > 0 && SEPARATORS.includes(rest[rest.length - 1])) rest = rest.slice(0, -1);
    const t = clauses[i].text;
    if (!rest.endsWith(t)) return null;
    rest = rest.slice(0, -t.length);
  }
  rest = rest.trim();
  return rest.length > 0 ? rest : null;
}
