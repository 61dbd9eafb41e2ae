/**
 * 得分=… rules: completion ratio (采用完成率法计分：得分=固定资产利用率/80%×100%×3), plain
 * formulas (得分=政府采购执行率×2, (1-k×比率)×指标分值 with 若比率>0.1，此项得0分) and
 * external scores (综合得分=(部门绩效管理工作评价结果/100)*5分).
 */
import Decimal from "decimal.js";
import type { Amount, Bound, Expr, ExternalRule, FormulaRule, RatioRule } from "../types";
import { readDeduction, readGain, saysZero } from "./amount";
import { isBoilerplate, isDescriptive, splitAtGain } from "./clauses";
import { isCleanSubject, isFullMarksCondition, readCondition } from "./conditions";
import { RuleParseError } from "./errors";
import { parseExpr, type ParsedExpr } from "./expr";
import type { Clause, Token } from "./tokens";

export const RATIO_WORDS = ["完成率法", "完成率计分", "按比例", "按完成比例", "按完成率", "按实际完成率", "比例计分", "比例得分", "完成率计算得分", "完成比例计算得分"];
const CONDITION_STARTS = ["若", "如果", "如", "当", "凡"];

/** A clause that is nothing but an expression with × or / (完成值/指标值×分值). */
export function isBareExpression(clause: Clause): boolean {
  return clause.tokens.some((t) => t.t === "op" && (t.op === "*" || t.op === "/")) && clause.tokens.every((t) => t.t !== "cmp" && t.t !== "incl");
}

/**
 * The formula in a clause: tokens after 得分= (or inside 得分(…)); with `bare`, a clause that is only
 * an expression. Null when the clause has none.
 */
export function findFormula(clause: Clause, bare = false): Token[] | null {
  const toks = clause.tokens;
  if (bare && isBareExpression(clause)) return toks;
  for (let i = 0; i < toks.length; i += 1) {
    const t = toks[i];
    if (t.t !== "word" || !(t.text.endsWith("得分") || t.text.endsWith("分数") || t.text.endsWith("计分") || t.text.endsWith("得分为"))) continue;
    // Only a name may come before 得分= (综合得分=, 预算执行率得分=): nothing that scores or compares.
    const name = t.text.slice(0, t.text.lastIndexOf(t.text.endsWith("得分为") ? "得分为" : t.text.slice(-2)));
    if (i > 0 || (name !== "" && !isCleanSubject(name))) return null;
    const next = toks[i + 1];
    if (next && next.t === "cmp" && next.cmp === "eq") return toks.slice(i + 2);
    if (t.text.endsWith("得分为") && next) return toks.slice(i + 1);
    if (next && next.t === "lp" && toks[toks.length - 1].t === "rp") return toks.slice(i + 1);
  }
  return null;
}

/** Factors of a product/quotient chain, or null when the expression adds or subtracts. */
function productFactors(e: Expr, inverted = false, out: Array<{ e: Expr; inverted: boolean }> = []): typeof out | null {
  if (e.op === "*") {
    if (!productFactors(e.left, inverted, out)) return null;
    return productFactors(e.right, inverted, out);
  }
  if (e.op === "/") {
    if (!productFactors(e.left, inverted, out)) return null;
    return productFactors(e.right, !inverted, out);
  }
  if (e.op === "+" || e.op === "-") return null;
  out.push({ e, inverted });
  return out;
}

function singleBound(tokens: Token[]): Bound | null {
  const cond = readCondition(tokens, false);
  if (!cond || cond === "unreadable" || cond.kind !== "range") return null;
  if (cond.lower && cond.upper) return null;
  return cond.lower ?? cond.upper;
}

function ratioFromExpr(parsed: ParsedExpr, fragment: string): { denominator: Decimal | null; lowerIsBetter: boolean } {
  const factors = productFactors(parsed.expr);
  if (!factors) throw new RuleParseError(fragment, "完成率法公式不是乘除式");
  let k = 0;
  const roles = parsed.names.map((n) => n.role);
  const numerators: string[] = [];
  const denominators: string[] = [];
  let divisor = new Decimal(1);
  let divided = false;
  for (const f of factors) {
    if (f.e.op === "num") {
      if (f.inverted) {
        divisor = divisor.mul(f.e.value);
        divided = true;
      }
      continue;
    }
    const role = roles[k];
    k += 1;
    if (role === "weight" && !f.inverted) continue;
    (f.inverted ? denominators : numerators).push(role);
  }
  const key = `${numerators.join("+")}/${denominators.join("+")}`;
  if (key === "actual/" ) return { denominator: divided ? divisor : new Decimal(1), lowerIsBetter: false };
  if (key === "completion/" && !divided) return { denominator: null, lowerIsBetter: false };
  if (key === "actual/target" && !divided) return { denominator: null, lowerIsBetter: false };
  if (key === "target/actual" && !divided) return { denominator: null, lowerIsBetter: true };
  throw new RuleParseError(fragment, "完成率法公式无法对应到实际值与目标值");
}

export function parseFormulaFamily(text: string, clausesIn: Clause[], bare = false): RatioRule | FormulaRule | ExternalRule {
  const clauses = clausesIn;
  const ratioWords = RATIO_WORDS.some((w) => text.includes(w));
  const consumed = new Set<number>();
  let parsed: ParsedExpr | null = null;
  let formulaText = "";
  clauses.forEach((c, i) => {
    if (parsed) return;
    const rhs = findFormula(c, bare && i === 0);
    if (!rhs) return;
    parsed = parseExpr(rhs, c.text);
    formulaText = c.text;
    consumed.add(i);
  });
  const expr = parsed as ParsedExpr | null;
  const roles = expr ? expr.names.map((n) => n.role) : [];
  // A formula scores the row's value: it must name it (得分=目标值 or 得分=90% reads nothing).
  if (expr && !roles.some((r) => r === "actual" || r === "completion" || r === "external")) {
    throw new RuleParseError(formulaText, "公式中没有实际值");
  }
  if (!expr && !ratioWords) throw new RuleParseError(text);

  // External: 综合得分=(评价结果/100)*5分 -> the external score's scale.
  if (expr && roles.includes("external")) {
    const factors = productFactors(expr.expr);
    const divisors = factors?.filter((f) => f.inverted) ?? [];
    if (!factors || roles.length !== 1 || divisors.length !== 1 || divisors[0].e.op !== "num" || factors[0].inverted) {
      throw new RuleParseError(formulaText, "外部评价结果的换算式无法读出满分");
    }
    const rest = clauses.find((c, i) => !consumed.has(i) && !isBoilerplate(c) && !isDescriptive(c));
    if (rest) throw new RuleParseError(rest.text);
    return { kind: "external", text, scale: (divisors[0].e as { value: Decimal }).value };
  }

  const asRatio = ratioWords || roles.includes("completion");
  let gate: Bound | null = null;
  let gateDeduct: Amount | null = null;
  let zeroWhen: Bound | null = null;
  let pendingCondition: Bound | null = null;
  /** 大于等于95%得满分 (then 低于95%按比例得分): the level full marks start at. */
  let fullAt: Bound | null = null;
  /** 60%(含)以上按完成比例计分: where the ratio part starts, which decides the gate's closed end. */
  let ratioFrom: Bound | null = null;
  clauses.forEach((c, i) => {
    if (consumed.has(i)) return;
    if (isBoilerplate(c) || isDescriptive(c)) return consumed.add(i);
    const ratioWordAt = c.tokens.findIndex((t) => t.t === "word" && RATIO_WORDS.some((w) => t.text.includes(w)));
    if (RATIO_WORDS.some((w) => c.text.includes(w))) {
      // 采用完成率法计分 / 未达到的，按完成比例计算得分 / 低于95%按比例得分
      const head = ratioWordAt >= 0 ? c.tokens.slice(0, ratioWordAt) : c.tokens;
      // 60%(含)以上按完成比例计分: the 以上 before the ratio words belongs to the condition.
      const ratioWord = ratioWordAt >= 0 ? c.tokens[ratioWordAt] : null;
      if (ratioWord && ratioWord.t === "word") {
        const at = Math.min(...RATIO_WORDS.map((w) => ratioWord.text.indexOf(w)).filter((k) => k >= 0));
        const lead = ratioWord.text.slice(0, at);
        if (lead) head.push({ t: "word", text: lead, raw: lead });
      }
      if (!c.tokens.some((t) => t.t === "num")) return consumed.add(i);
      const headCond = readCondition(head, false);
      if (ratioWordAt >= 0 && c.tokens.slice(ratioWordAt).every((t) => t.t !== "num") && headCond && headCond !== "unreadable" && headCond.kind === "range") {
        ratioFrom = headCond.lower;
        return consumed.add(i);
      }
      return;
    }
    // 未达到的，按完成比例计算得分: the clause that introduces the ratio part.
    const wc = c.tokens.some((t) => t.t === "num") ? null : readCondition(c.tokens, false);
    if (asRatio && wc && wc !== "unreadable" && wc.kind === "target" && !wc.met) return consumed.add(i);
    // 若超支率>0.1 (then 此项得0分 in the next clause).
    if (CONDITION_STARTS.some((w) => c.text.startsWith(w))) {
      const { cond, gain } = splitAtGain(c.tokens);
      const b = singleBound(cond);
      if (!b) return;
      if (gain.length > 0 && saysZero(gain, c.text)) zeroWhen = b;
      else if (gain.length === 0) pendingCondition = b;
      else return;
      consumed.add(i);
      return;
    }
    if (pendingCondition && saysZero(c.tokens, c.text)) {
      zeroWhen = pendingCondition;
      pendingCondition = null;
      consumed.add(i);
      return;
    }
    // ≤ 95% 的扣 4 分 / 低于60%不得分: the gate of a completion-ratio rule.
    const deductAt = c.tokens.findIndex((t) => t.t === "word" && t.text.includes("扣") && !t.text.includes("扣完"));
    if (deductAt > 0) {
      const b = singleBound(c.tokens.slice(0, deductAt));
      const amount = readDeduction(c.tokens, deductAt);
      if (b && amount && !gate) {
        gate = b;
        gateDeduct = amount;
        consumed.add(i);
      }
      return;
    }
    const { cond, gain } = splitAtGain(c.tokens);
    if (gain.length > 0 && saysZero(gain, c.text)) {
      const b = singleBound(cond);
      if (b && !gate && asRatio) {
        gate = b;
        consumed.add(i);
      } else if (b && !zeroWhen && !asRatio) {
        zeroWhen = b;
        consumed.add(i);
      }
      return;
    }
    // 达到目标值得3分: full marks when met, which every ratio and formula rule already gives.
    if (gain.length > 0 && readGain(gain, c.text) && isFullMarksCondition(cond)) consumed.add(i);
    else if (gain.length > 0 && asRatio && !expr && c.text.includes("满分")) {
      const b = singleBound(cond);
      if (b && (b.comparator === "ge" || b.comparator === "gt") && !fullAt) {
        fullAt = b;
        consumed.add(i);
      }
    }
  });
  const rest = clauses.find((_, i) => !consumed.has(i));
  if (rest) throw new RuleParseError(rest.text);
  // 60%以下不得分，60%(含)以上按比例: the (含) of the ratio part puts 60% itself on the scored side.
  const from = ratioFrom as Bound | null;
  const g = gate as Bound | null;
  if (g && from && g.comparator === "le" && from.comparator === "ge" && g.value.eq(from.value)) gate = { ...g, comparator: "lt" };

  if (asRatio) {
    // Without a written formula (按比例得分) the ratio is actual/target.
    const full = fullAt as Bound | null;
    const { denominator, lowerIsBetter } = expr
      ? ratioFromExpr(expr, formulaText)
      : { denominator: full ? full.value : null, lowerIsBetter: false };
    return { kind: "ratio", text, denominator, lowerIsBetter, capped: true, gate, gateDeduct };
  }
  if (!expr) throw new RuleParseError(text);
  if (pendingCondition) throw new RuleParseError(text, "条件后未写明得分");
  return { kind: "formula", text, expr: expr.expr, zeroWhen, ...(expr.countsRatio ? { countsRatio: expr.countsRatio } : {}) };
}
