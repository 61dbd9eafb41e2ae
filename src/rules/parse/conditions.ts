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
export function readCondition(tokens: Token[], upperInclusiveDefault: boolean): Condition | null | "unreadable" {
  const text = tokens.map((t) => t.raw).join("");
  const nums = tokens.filter((t) => t.t === "num");
  if (nums.length === 0 && !tokens.some((t) => t.t === "cmp")) {
    if (text.includes("未达到目标") || text.includes("未达目标") || text.includes("未完成目标") || text.includes("未达到年度目标")) return { kind: "target", met: false };
    if (text.includes("达到目标") || text.includes("完成目标") || text.includes("达到年度目标") || text.includes("达成目标")) return { kind: "target", met: true };
    if (text.startsWith("否则") || text.startsWith("其他") || text.startsWith("其它") || text.startsWith("其余") || text.startsWith("以外")) return { kind: "otherwise" };
    return null;
  }
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
      // 100%>结果 : the number is on the left, so the sign reads flipped for the value.
      const right = tokens[i + 2];
      if (!(right && right.t === "num")) {
        if (cmp) return "unreadable";
        cmp = FLIP[next.cmp];
      }
    }
    if (!cmp) return "unreadable";
    bounds.push({ comparator: cmp, value: t.value });
  }
  const cond = fromBounds(bounds);
  return cond ?? "unreadable";
}
