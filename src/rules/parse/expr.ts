/**
 * A small recursive-descent reader for the right side of 得分=…: numbers (percent as fractions),
 * + - × /, brackets and named quantities. Depth is bounded; unbalanced brackets are repaired only
 * when every placement gives the same value, otherwise refused.
 */
import Decimal from "decimal.js";
import type { Expr } from "../types";
import { isCleanSubject } from "./conditions";
import { RuleParseError } from "./errors";
import type { Token } from "./tokens";

const MAX_DEPTH = 20;

export type VarRole = "actual" | "target" | "weight" | "completion" | "external";

const WEIGHT_WORDS = ["分值", "权重", "权重分", "满分", "满分值", "标准分"];
const TARGET_WORDS = ["目标值", "指标值", "目标", "计划值", "计划数"];
const EXTERNAL_WORDS = ["评价结果", "考核结果", "考评结果", "评价得分", "考核得分", "评分结果", "考核分数", "评价分数", "考评得分"];
const COMPLETION_WORDS = ["完成率", "目标完成率", "完成比例", "完成程度", "完成比率"];
const ACTUAL_ENDINGS = ["率", "值", "比", "比例", "数", "程度", "系数", "额", "量"];

/** What a named quantity in a formula stands for; null when not recognised. */
export function roleOf(name: string): VarRole | null {
  const n = name.endsWith("的") ? name.slice(0, -1) : name;
  // 上年执行率 / 去年同期值: a quantity the row does not carry.
  if (["上年", "去年", "同期", "上一年", "基期", "平均"].some((w) => n.includes(w))) return null;
  if (n.length < 2 || n.startsWith("的")) return null;
  // 分值 / 指标分值 / 该项权重: the weight, named with a clean prefix.
  const weightWord = WEIGHT_WORDS.find((w) => n.endsWith(w));
  if (weightWord) return isCleanSubject(n.slice(0, -weightWord.length)) ? "weight" : null;
  // A name, not a phrase that compares or scores (达到目标值, 实际值为每增加).
  if (!isCleanSubject(n)) return null;
  if (COMPLETION_WORDS.includes(n)) return "completion";
  if (TARGET_WORDS.some((w) => n.endsWith(w)) && !n.includes("完成")) return "target";
  if (EXTERNAL_WORDS.some((w) => n.endsWith(w))) return "external";
  if (ACTUAL_ENDINGS.some((w) => n.endsWith(w))) return "actual";
  return null;
}

export interface ParsedExpr {
  expr: Expr;
  /** Named quantities with their roles, in order of appearance. */
  names: Array<{ name: string; role: VarRole }>;
  /** 得分=合格数/验收总数×分值: two counts whose ratio is the row's rate ("合格数/验收总数"); the expression reads it as the actual. */
  countsRatio?: string;
}

/** Replaces the one (count / count) in a product by the actual; null when there is none or more than one. */
function ratioOfCounts(e: Expr): Expr | null {
  if (e.op === "/" && e.left.op === "var" && e.left.name === "actual" && e.right.op === "var" && e.right.name === "actual") return { op: "var", name: "actual" };
  if (e.op === "*" || e.op === "/") {
    const l = ratioOfCounts(e.left);
    if (l) return { ...e, left: l };
    if (e.op === "*") {
      const r = ratioOfCounts(e.right);
      if (r) return { ...e, right: r };
    }
  }
  return null;
}

/** Drops an unmatched bracket when the span it could close over holds only × (any placement is equal). */
function balance(tokens: Token[], fragment: string): Token[] {
  let depth = 0;
  const unmatchedClose: number[] = [];
  const openStack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.t === "lp") {
      depth += 1;
      openStack.push(i);
    } else if (t.t === "rp") {
      if (depth === 0) unmatchedClose.push(i);
      else {
        depth -= 1;
        openStack.pop();
      }
    }
  });
  if (unmatchedClose.length === 0 && openStack.length === 0) return tokens;
  // Positions of the first and last operator other than ×: a bracket is droppable only when
  // the span it could close over has none (one linear pass instead of a scan per bracket).
  const isOther = (t: Token) => t.t === "op" && t.op !== "*";
  const firstOther = tokens.findIndex(isOther);
  let lastOther = -1;
  tokens.forEach((t, i) => {
    if (isOther(t)) lastOther = i;
  });
  const drop = new Set<number>();
  // (实际完成数/计划数×100%×分值: an opening bracket before a chain of × and / closes anywhere to the same value.
  const onlyMulDiv = tokens.every((t) => t.t !== "op" || t.op === "*" || t.op === "/");
  for (const i of openStack) {
    if (i === 0 && onlyMulDiv && openStack.length === 1 && unmatchedClose.length === 0) {
      drop.add(i);
      continue;
    }
    if (lastOther > i) throw new RuleParseError(fragment, "括号不配对");
    drop.add(i);
  }
  for (const i of unmatchedClose) {
    if (firstOther >= 0 && firstOther < i) throw new RuleParseError(fragment, "括号不配对");
    drop.add(i);
  }
  return tokens.filter((_, i) => !drop.has(i));
}

export function parseExpr(input: Token[], fragment: string): ParsedExpr {
  const tokens = balance(input, fragment);
  const names: ParsedExpr["names"] = [];
  let pos = 0;
  const fail = (why?: string): never => {
    throw new RuleParseError(fragment, why);
  };
  const peek = () => tokens[pos];

  const factor = (depth: number): Expr => {
    if (depth > MAX_DEPTH) fail("括号嵌套过深");
    const t = peek();
    if (!t) return fail("公式不完整");
    if (t.t === "num") {
      pos += 1;
      // 5分 / 3分: the unit of a number in a formula.
      const u = peek();
      if (u && u.t === "word" && u.text === "分") pos += 1;
      return { op: "num", value: t.value };
    }
    if (t.t === "lp") {
      pos += 1;
      const inner = sum(depth + 1);
      const close = peek();
      if (!close || close.t !== "rp") fail("括号不配对");
      pos += 1;
      return inner;
    }
    if (t.t === "op" && t.op === "-") {
      pos += 1;
      return { op: "-", left: { op: "num", value: new Decimal(0) }, right: factor(depth + 1) };
    }
    if (t.t === "word") {
      pos += 1;
      const role = roleOf(t.text);
      if (!role) fail(`不认识「${t.text}」`);
      names.push({ name: t.text, role: role as VarRole });
      const name = role === "weight" ? "weight" : role === "target" ? "target" : "actual";
      return { op: "var", name };
    }
    return fail();
  };
  const product = (depth: number): Expr => {
    let left = factor(depth);
    for (;;) {
      const t = peek();
      if (!t || t.t !== "op" || (t.op !== "*" && t.op !== "/")) return left;
      pos += 1;
      left = { op: t.op, left, right: factor(depth) };
    }
  };
  const sum = (depth: number): Expr => {
    let left = product(depth);
    for (;;) {
      const t = peek();
      if (!t || t.t !== "op" || (t.op !== "+" && t.op !== "-")) return left;
      pos += 1;
      left = { op: t.op, left, right: product(depth) };
    }
  };
  const expr = sum(0);
  if (pos < tokens.length) fail();
  // 执行率×完成率×分值: two different measured quantities, but a row has one actual.
  const actualNames = new Set(names.filter((n) => n.role === "actual").map((n) => n.name));
  if (actualNames.size === 2 && names.filter((n) => n.role === "actual").length === 2) {
    // 合格数/验收总数×分值 where the row's actual is that rate already (验收合格率 97%): checked when scoring.
    const replaced = ratioOfCounts(expr);
    const [numerator, denominator] = [...actualNames];
    if (replaced) return { expr: replaced, names: names.filter((n) => n.name !== denominator), countsRatio: `${numerator}/${denominator}` };
  }
  if (actualNames.size > 1) fail(`公式含${actualNames.size}个不同的实际值（${[...actualNames].join("、")}）`);
  return { expr, names };
}
