/**
 * Conditions on the value in a tier or a threshold: 100%>结果≥95%, 结果<85%, 0-10%(含),
 * 80%(含)-90%, 大于30%, 低于60%, 90%及以上, =0, 达到目标值, 否则.
 */
import Decimal from "decimal.js";
import type { Comparator } from "../../values/types";
import type { Bound } from "../types";
import type { Token } from "./tokens";

export type Condition =
  | { kind: "range"; lower: Bound | null; upper: Bound | null }
  | { kind: "target"; met: boolean }
  | { kind: "otherwise" };

/** Words before a number that act as comparators; longer spellings first. */
const PREFIX: Array<[string, Comparator]> = [
  ["大于或等于", "ge"], ["大于等于", "ge"], ["高于或等于", "ge"], ["高于等于", "ge"], ["不低于", "ge"], ["不少于", "ge"],
  ["不小于", "ge"], ["达到或超过", "ge"], ["达到", "ge"], ["达", "ge"],
  ["小于或等于", "le"], ["小于等于", "le"], ["低于或等于", "le"], ["低于等于", "le"], ["不高于", "le"], ["不超过", "le"],
  ["不大于", "le"], ["不多于", "le"], ["控制在", "le"],
  ["大于", "gt"], ["高于", "gt"], ["超过", "gt"], ["超出", "gt"], ["多于", "gt"],
  ["小于", "lt"], ["低于", "lt"], ["不足", "lt"], ["少于", "lt"], ["未达到", "lt"], ["未达", "lt"], ["不到", "lt"],
  ["等于", "eq"], ["为", "eq"], ["是", "eq"],
];
const SUFFIX: Array<[string, Comparator]> = [
  ["及以上", "ge"], ["以上", "ge"], ["或以上", "ge"], ["及以下", "le"], ["以下", "le"], ["或以下", "le"], ["以内", "le"], ["之内", "le"],
];

export function endsWithComparator(word: string): Comparator | null {
  for (const [w, c] of PREFIX) if (word.endsWith(w)) return c;
  return null;
}

/** Units that may sit between a number and 以上/以下 (90分以上, 3个及以上, 5天以内). */
const UNITS_BEFORE_SUFFIX = ["个百分点", "分", "个", "人次", "人", "天", "次", "项", "元", "万元", "户", "家", "件", "名", "篇", "份"];

function startsWithComparator(word: string): Comparator | null {
  for (const [w, c] of SUFFIX) if (word.startsWith(w)) return c;
  for (const u of UNITS_BEFORE_SUFFIX) {
    if (!word.startsWith(u)) continue;
    const rest = word.slice(u.length);
    for (const [w, c] of SUFFIX) if (rest.startsWith(w)) return c;
  }
  return null;
}

const FLIP: Record<Comparator, Comparator> = { ge: "le", le: "ge", gt: "lt", lt: "gt", eq: "eq" };

function boundSide(b: Bound): "lower" | "upper" | "eq" {
  if (b.comparator === "ge" || b.comparator === "gt") return "lower";
  if (b.comparator === "le" || b.comparator === "lt") return "upper";
  return "eq";
}

function fromBounds(bounds: Bound[]): Condition | null {
  let lower: Bound | null = null;
  let upper: Bound | null = null;
  for (const b of bounds) {
    const side = boundSide(b);
    if (side === "eq") {
      if (lower || upper) return null;
      lower = { comparator: "ge", value: b.value };
      upper = { comparator: "le", value: b.value };
      continue;
    }
    if (side === "lower") {
      if (lower) return null;
      lower = b;
    } else {
      if (upper) return null;
      upper = b;
    }
  }
  if (!lower && !upper) return null;
  if (lower && upper && (lower.value.gt(upper.value) || (lower.value.eq(upper.value) && (lower.comparator === "gt" || upper.comparator === "lt")))) return null;
  return { kind: "range", lower, upper };
}

/** Number tokens of a range share the percent unit when only one of them wrote it (80-90%). */
function scaleLike(value: Decimal, percent: boolean, otherPercent: boolean): Decimal {
  return !percent && otherPercent ? value.div(100) : value;
}

/**
 * Reads the condition in `tokens` (the part of a clause before what it gives).
 * `upperInclusiveDefault` says how a bare range a-b is closed when no (含) is written:
 * the rule's other ranges decide (they usually agree); otherwise [a, b).
 * Returns null when the tokens hold no condition, and "unreadable" when they hold numbers
 * or comparators in a shape that is not understood.
 */
/** Words a subject (结果, 预算执行率, 实际值) never contains: they would change the condition. */
const NOT_SUBJECT = [
  "扣", "每", "得", "计分", "计算", "计入", "计为", "以上", "以下", "以内", "大于", "小于", "低于", "高于", "不足", "超过", "超出", "达到", "否则", "符合", "具备",
  "要点", "权重", "分值", "最多", "不得", "未达", "少于", "多于", "不低于", "不高于", "等于", "之间", "除外",
  "×", "/", "+", "(", ")", "=", "<", ">", "≥", "≤", "-", "⊂", "⊄", ",", ";",
];

/** A subject of a condition: 结果, 满意度, 实际值 — nothing that compares, scores or negates. */
export function isCleanSubject(text: string): boolean {
  return !NOT_SUBJECT.some((w) => text.includes(w)) && !text.includes("不") && !text.includes("%") && !text.endsWith("为");
}

const NOT_PHRASE = ["扣", "每", "得", "计", "最多", "以上", "以下", "大于", "小于", "低于", "高于", "不足", "超过", "权重", "分值", "符合其中", "要点", "%", "/", "满分", "目标值", "否则", "实际值为", "百分点"];

/**
 * A tier phrase (资料齐全、分析到位 / 不符合 / 已建立未执行): words only (Chinese numerals allowed),
 * nothing that compares or scores.
 */
export function isPhrase(tokens: Token[]): boolean {
  if (tokens.length === 0) return false;
  for (const t of tokens) {
    if (t.t === "num" && /[0-9]/.test(t.raw)) return false;
    if (t.t !== "num" && t.t !== "word") return false;
  }
  // 按计划完成: 计划 is a plan, not the 计 of 计8分.
  const text = tokens.map((t) => t.raw).join("").split("计划").join("");
  return !NOT_PHRASE.some((w) => text.includes(w));
}

/** The condition before full marks in a step rule: a clean subject, a phrase, or 达到目标值. */
export function isFullMarksCondition(tokens: Token[]): boolean {
  const text = tokens.map((t) => t.raw).join("");
  if (text === "") return true;
  const c = tokens.some((t) => t.t === "cmp") ? comparedToTarget(tokens) : wordCondition(text);
  if (c && c !== "unreadable") return c.kind === "target" && c.met;
  return isPhrase(tokens);
}

/** What may follow a bound: 90%以上的, 10%-20%之间, 85%时. */
const END_FILLERS = ["", "的", "时", "之间", "之间的", "之间时", "的时候", "区间", "区间的"];
const TARGET_MET = ["达到或超过目标值", "达到或超过目标", "达到或超过指标值", "达到或超过年度目标值", "达到目标值", "达到目标", "完成目标", "达到年度目标值", "达到年度目标", "达成目标", "达到指标值", "达到年度指标值", "完成年度目标", "达到目标值要求", "达到预期目标"];
const TARGET_NOT_MET = ["未达到", "未达标", "未达到目标值", "未达到目标", "未达目标", "未完成目标", "未达到年度目标值", "未达到年度目标", "未达到指标值", "未达到年度指标值", "未完成年度目标", "未达到目标值要求", "未达到预期目标"];
const OTHERWISE = ["否则", "其他", "其它", "其余", "其他情况", "其它情况", "其余情况", "其他情形", "其余情形", "以外"];

function trimEnd(text: string): string {
  let t = text;
  for (;;) {
    const next = ["的", "时", "要求", "者"].find((w) => t.endsWith(w) && t.length > w.length);
    if (!next) return t;
    t = t.slice(0, -next.length);
  }
}

export function wordCondition(text: string): Condition | null | "unreadable" {
  const t = trimEnd(text);
  for (const p of TARGET_NOT_MET) if (t.endsWith(p)) return isCleanSubject(t.slice(0, -p.length)) ? { kind: "target", met: false } : "unreadable";
  for (const p of TARGET_MET) if (t.endsWith(p)) return isCleanSubject(t.slice(0, -p.length)) ? { kind: "target", met: true } : "unreadable";
  if (OTHERWISE.includes(t)) return { kind: "otherwise" };
  return null;
}

/** Strips a unit and a 以上/以下 suffix from the word after a number; returns what is left. */
function afterNumberRest(word: string): string {
  let w = word;
  for (const u of UNITS_BEFORE_SUFFIX) {
    if (w.startsWith(u)) {
      w = w.slice(u.length);
      break;
    }
  }
  for (const [suf] of SUFFIX) {
    if (w.startsWith(suf)) {
      w = w.slice(suf.length);
      break;
    }
  }
  return w;
}

/** Every word of a numeric condition is a clean subject, a comparator next to its number, or a filler. */
function wordsAreClean(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t === "lp" || t.t === "rp" || t.t === "sep") return false;
    // Numbers in a bound are written in digits (Chinese numerals belong to phrases: 其中一项).
    if (t.t === "num" && !/[0-9]/.test(t.raw)) return false;
    // A sign sits next to a number, never next to another sign.
    if (t.t === "cmp" && (tokens[i - 1]?.t === "cmp" || tokens[i + 1]?.t === "cmp" || (tokens[i - 1]?.t !== "num" && tokens[i + 1]?.t !== "num"))) return false;
    // (含) follows its number, or the 以上/以下 after it: 95%(含)以上 / 95%以上(含).
    if (t.t === "incl" && tokens[i - 1]?.t !== "num" && !(tokens[i - 1]?.t === "word" && tokens[i - 2]?.t === "num")) return false;
    if (t.t === "op" && t.op !== "-") return false;
    if (t.t !== "word") continue;
    const prevNum = tokens[i - 1]?.t === "num" || (tokens[i - 1]?.t === "incl" && tokens[i - 2]?.t === "num");
    const nextNum = tokens[i + 1]?.t === "num";
    let text = t.text;
    if (prevNum) {
      text = afterNumberRest(text);
      if (END_FILLERS.includes(text)) continue;
    }
    if (nextNum) {
      const cmp = endsWithComparator(text);
      if (cmp) {
        const w = PREFIX.find(([p]) => text.endsWith(p));
        text = w ? text.slice(0, -w[0].length) : text;
      }
      for (const filler of ["在", "处于", "介于"]) if (text.endsWith(filler)) text = text.slice(0, -filler.length);
    }
    if (!isCleanSubject(text)) return false;
  }
  return true;
}

/** 实际完成数≥目标值 / 实际值≤目标值 / 完成值=指标值: the target is met. */
function comparedToTarget(tokens: Token[]): Condition | null | "unreadable" {
  const words = tokens.filter((t) => t.t === "word");
  const cmps = tokens.filter((t) => t.t === "cmp");
  if (cmps.length !== 1 || words.length + cmps.length !== tokens.length) return null;
  const at = tokens.indexOf(cmps[0]);
  const right = tokens[at + 1];
  const left = tokens[at - 1];
  if (!right || right.t !== "word" || (left && left.t !== "word") || at > 1 || tokens.length > at + 2) return "unreadable";
  if (!["目标值", "指标值", "年度目标值", "目标", "年度指标值", "计划值", "目标值的"].includes(right.text)) return "unreadable";
  if (left && !isCleanSubject(left.text)) return "unreadable";
  const cmp = (cmps[0] as { cmp: Comparator }).cmp;
  return cmp === "ge" || cmp === "le" || cmp === "eq" ? { kind: "target", met: true } : "unreadable";
}

export function readCondition(tokens: Token[], upperInclusiveDefault: boolean): Condition | null | "unreadable" {
  const text = tokens.map((t) => t.raw).join("");
  const nums = tokens.filter((t) => t.t === "num");
  if (nums.length === 0 && tokens.some((t) => t.t === "cmp")) return comparedToTarget(tokens) ?? "unreadable";
  if (nums.length === 0 && !tokens.some((t) => t.t === "cmp")) return wordCondition(text);
  if (!wordsAreClean(tokens)) return "unreadable";
  // Range a-b with (含) marks: 0-10%(含), 80%(含)-90%, 90%(含)-95%.
  const dash = tokens.findIndex((t) => t.t === "op" && t.op === "-");
  if (dash > 0 && nums.length === 2) {
    const before = tokens.slice(0, dash);
    const after = tokens.slice(dash + 1);
    const a = before.filter((t) => t.t === "num").pop();
    const b = after.find((t) => t.t === "num");
    if (a && b && a.t === "num" && b.t === "num" && !tokens.some((t) => t.t === "cmp")) {
      const lowIncl = before.some((t) => t.t === "incl" && t.inclusive);
      const highMark = after.find((t) => t.t === "incl");
      const highIncl = highMark && highMark.t === "incl" ? highMark.inclusive : !lowIncl && upperInclusiveDefault;
      const lowValue = scaleLike(a.value, a.percent, b.percent);
      const highValue = scaleLike(b.value, b.percent, a.percent);
      if (lowValue.gt(highValue)) return "unreadable";
      return {
        kind: "range",
        lower: { comparator: lowIncl ? "ge" : highIncl ? "gt" : "ge", value: lowValue },
        upper: { comparator: highIncl ? "le" : "lt", value: highValue },
      };
    }
    return "unreadable";
  }
  // Comparator chains: 100%>结果≥95%, 结果<85%, =0, ≥95%, 大于30%, 90%及以上, 90%(含)以上.
  const bounds: Bound[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t !== "num") continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const after = next && next.t === "incl" ? tokens[i + 2] : next;
    const inclMark = next && next.t === "incl" ? next.inclusive : null;
    let cmp: Comparator | null = null;
    if (prev && prev.t === "cmp") {
      const left = tokens[i - 2];
      // 结果<85% or <85%: the value is on the left of the sign.
      cmp = left && left.t === "num" ? null : prev.cmp;
    } else if (prev && prev.t === "word") {
      cmp = endsWithComparator(prev.text);
    }
    if (after && after.t === "word") {
      const suffix = startsWithComparator(after.text);
      if (suffix) cmp = inclMark === false ? (suffix === "ge" ? "gt" : "lt") : suffix;
    }
    if (next && next.t === "cmp") {
      // 100%>结果 : the number is on the left, so the sign reads flipped for the value;
      // something must stand on the right of the sign (10< alone is unfinished).
      const right = tokens[i + 2];
      if (!right || (right.t !== "num" && right.t !== "word")) return "unreadable";
      if (!(right && right.t === "num")) {
        if (cmp) return "unreadable";
        cmp = FLIP[next.cmp];
      }
    }
    // 及时率100%得2分: a bare level (with at most a subject before it) is that value exactly.
    if (!cmp && nums.length === 1 && !tokens.some((x) => x.t === "cmp" || x.t === "incl") && (!prev || prev.t === "word") && (!after || (after.t === "word" && END_FILLERS.includes(afterNumberRest(after.text))))) {
      cmp = "eq";
    }
    if (!cmp) return "unreadable";
    bounds.push({ comparator: cmp, value: t.value });
  }
  const cond = fromBounds(bounds);
  return cond ?? "unreadable";
}

/** The measured quantity a numeric condition names (完成率 in 完成率达到100%), or "" when none. */
export function conditionSubject(tokens: Token[]): string {
  const first = tokens.find((t) => t.t === "word");
  if (!first || first.t !== "word") return "";
  let text = first.text;
  const w = PREFIX.find(([p]) => text.endsWith(p));
  if (w && tokens[tokens.indexOf(first) + 1]?.t === "num") text = text.slice(0, -w[0].length);
  for (const filler of ["在", "处于", "介于"]) if (text.endsWith(filler)) text = text.slice(0, -filler.length);
  // Words after a number (以上的, 之间) are not subjects.
  if (tokens.indexOf(first) > 0 && tokens[tokens.indexOf(first) - 1]?.t !== "cmp") return "";
  return isCleanSubject(text) ? text : "";
}
