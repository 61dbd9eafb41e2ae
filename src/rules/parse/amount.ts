/** Reading what a clause gives or takes: 扣权重分的10% (share), 扣0.1分 (points), 得满分, 不得分. */
import Decimal from "decimal.js";
import type { Amount } from "../types";
import type { Token } from "./tokens";

export const share = (v: Decimal.Value): Amount => ({ mode: "share", value: new Decimal(v) });
export const points = (v: Decimal.Value): Amount => ({ mode: "points", value: new Decimal(v) });

function wordAt(tokens: Token[], i: number): string {
  const t = tokens[i];
  return t && t.t === "word" ? t.text : "";
}

/** Full marks spelled out. */
const FULL = ["得满分", "为满分", "计满分", "给满分", "得全分", "得满分值", "得分", "得全部分值", "得全部分数", "得该项分值", "得全部权重分", "得该项满分", "满分"];
/** Zero spelled out. */
const ZERO = ["不得分", "不计分", "不给分", "得零分", "计零分", "为零分", "分数为零", "得分为零", "得分为0", "此项不得分", "该项不得分", "本项不得分", "此项得0分", "该项得0分"];
/** Verbs before a number: 得3分, 计8分, 各得1分, 给2分, or none (,3分 / (3分)). */
const VERBS = ["得", "计", "给", "各得", "各计", "各", "每项得", "可得", "此项得", "该项得", "本项得", ""];
/** What may follow a number given as points. */
const POINT_UNITS = ["分", "份", "分的"];
/** What makes a percentage a share of the weight: before (得权重分的60%) or after (得60%权重分). */
const SHARE_BEFORE = ["权重分的", "权重的", "分值的", "满分的", "总分的", "指标分值的", "该项分值的", "权重分", "分值"];
const SHARE_AFTER = ["权重分", "的权重分", "权重", "的权重", "分值", "的分值", "指标分值", "的指标分值", "该项分值", "的满分", "满分", ""];

/** Trailing fillers after what a clause gives: 得3分。 / 得满分的 / (3分)。 */
function stripFillers(words: string[]): string[] {
  const out = [...words];
  while (out.length > 0 && (out[out.length - 1] === "的" || out[out.length - 1] === "")) out.pop();
  return out;
}

/**
 * What a clause gives, read strictly from its gain tokens (what follows 得/计/…): 得满分 -> share 1;
 * 不得分/得0分/得0份 -> points 0; 得50%权重分 / 得权重分的60% / 得50% -> share; 得3分 / (3分) / 3分
 * -> points. Anything else in the gain (得3分以上, 得满分得满分) is not read: null.
 */
export function readGain(tokens: Token[], _text?: string): Amount | null {
  let toks = tokens;
  // (3分): bracketed points.
  if (toks.length >= 2 && toks[0].t === "lp" && toks[toks.length - 1].t === "rp") toks = toks.slice(1, -1);
  const nums = toks.filter((t) => t.t === "num");
  if (toks.some((t) => t.t !== "num" && t.t !== "word")) return null;
  if (nums.length === 0) {
    const words = stripFillers(toks.map((t) => (t as { text: string }).text)).join("");
    if (FULL.includes(words)) return share(1);
    if (ZERO.includes(words)) return points(0);
    return null;
  }
  if (nums.length !== 1) return null;
  const at = toks.findIndex((t) => t.t === "num");
  const num = toks[at] as Extract<Token, { t: "num" }>;
  const before = toks.slice(0, at).map((t) => (t as { text: string }).text).join("");
  const after = stripFillers(toks.slice(at + 1).map((t) => (t as { text: string }).text)).join("");
  if (num.percent) {
    // 得1个百分点: percentage points of what is not said.
    if (num.points) return null;
    for (const v of VERBS) {
      if (!before.startsWith(v) || !v) continue;
      const rest = before.slice(v.length);
      if (rest === "" && SHARE_AFTER.includes(after)) return share(num.value);
      if (SHARE_BEFORE.includes(rest) && after === "") return share(num.value);
    }
    return null;
  }
  if (!VERBS.includes(before)) return null;
  if (POINT_UNITS.includes(after)) return points(num.value);
  // 得0权重分 / 得0分值: zero of the weight.
  if (num.value.isZero() && ["权重分", "分值", "权重"].includes(after)) return points(0);
  return null;
}

/** The gain says the score is zero: 不得分, 得0分, 得0份 (a typo seen in real tables), 计0分. */
export function saysZero(tokens: Token[], _text?: string): boolean {
  const g = readGain(tokens);
  return g !== null && g.value.isZero();
}

/** Words that may follow the amount of a deduction (扣1分, 扣10%的分值, 扣0.5分(扣完为止)). */
const TAIL_WORDS = ["分", "分值", "的分值", "权重分", "的权重分", "权重", "的权重", "指标分值", "的指标分值", "满分", "的满分", "总分", "的总分", "该项分值", "的"];
const TAIL_NOTES = ["扣完为止", "扣完即止", "扣完", "扣至0分为止", "直至扣完"];

function tailIsPlain(tokens: Token[], from: number): boolean {
  for (let i = from; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t === "sep") return true;
    if (t.t === "word" && (TAIL_WORDS.includes(t.text) || TAIL_NOTES.includes(t.text) || TAIL_WORDS.some((w) => TAIL_NOTES.includes(t.text.slice(w.length)) && t.text.startsWith(w)))) continue;
    if (t.t === "lp" && tokens[i + 2]?.t === "rp") {
      const inner = tokens[i + 1];
      if (inner.t === "word" && TAIL_NOTES.includes(inner.text)) {
        i += 2;
        continue;
      }
    }
    return false;
  }
  return true;
}

/**
 * The amount taken by a deduction, reading tokens from `from` to the clause end:
 * a percentage is a share of the weight (扣权重分的10%, 扣5分值5% — the stray 5 is a typo),
 * otherwise a number followed by 分 is points (扣1分). Anything else after the amount, or two
 * amounts, is not read (null).
 */
export function readDeduction(tokens: Token[], from: number): Amount | null {
  let percentAt = -1;
  let pointsAt = -1;
  for (let i = from; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t === "sep") break;
    if (t.t !== "num") continue;
    const next = wordAt(tokens, i + 1);
    if (t.percent) {
      // 扣1个百分点: percentage points of what is not said.
      if (percentAt >= 0 || t.points) return null;
      percentAt = i;
    } else if (next.startsWith("分值") && !next.startsWith("分值的") && tokens[i + 2]?.t === "num") {
      continue; // 扣5分值5%: the typo seen in seeds/003.
    } else if (next.startsWith("分") && !next.startsWith("分值")) {
      if (pointsAt >= 0) return null;
      pointsAt = i;
    } else return null;
  }
  if (percentAt >= 0 && pointsAt >= 0) return null;
  if (percentAt >= 0) return tailIsPlain(tokens, percentAt + 1) ? share((tokens[percentAt] as { value: Decimal }).value) : null;
  if (pointsAt >= 0) return tailIsPlain(tokens, pointsAt + 1) ? points((tokens[pointsAt] as { value: Decimal }).value) : null;
  return null;
}

/** Units right after a step number (1天, 一项, 1部门) that start the text before 扣. */
const STEP_UNITS = ["个工作日", "工作日", "个自然日", "自然日", "个百分点", "个月", "月", "天", "日", "周", "个星期", "星期", "项", "个", "条", "处", "次", "件", "例", "起", "宗", "人次", "部门", "人", "家", "户", "名", "份", "篇", "台", "套"];
/** What may sit between 扣/减 and the amount: 扣权重分的10%, 减数量分值10%, 扣指标值5% (sic). */
const DEDUCT_OBJECTS = ["", "除", "减", "掉", "权重分的", "权重的", "权重", "权重分", "分值的", "分值", "指标分值的", "指标分值", "该指标分值的", "该项分值的", "该项分值", "该项指标分值的", "该项权重分的", "总分的", "满分的", "指标值", "指标值的", "得分的"];

/**
 * The words between a step (每降低1%) and its amount read as "<unit><description>扣<object>":
 * 天扣指标分值的 / 天报送结果的扣 / 例不符合要求的扣 / 扣权重分的. `forbidden` words in the
 * description mean the clause says something more (每…扣…每…, …最多扣…, …得…).
 */
export function deductionLeadOk(tokens: Token[], from: number, to: number, forbidden: string[]): boolean {
  let text = "";
  for (let i = from; i < to; i += 1) {
    const t = tokens[i];
    if (t.t !== "word") return false;
    text += t.text;
  }
  for (const u of STEP_UNITS) {
    if (text.startsWith(u)) {
      text = text.slice(u.length);
      break;
    }
  }
  // The first 扣 or 减 starts the verb (扣减 / 扣除 / 减去 are one verb).
  const hits = [text.indexOf("扣"), text.indexOf("减")].filter((x) => x >= 0);
  if (hits.length === 0) return false;
  const k = Math.min(...hits);
  const before = text.slice(0, k);
  let after = text.slice(k + 1);
  for (const v of ["减", "除", "去"]) if (after.startsWith(v)) after = after.slice(v.length);
  if (forbidden.some((w) => before.includes(w))) return false;
  return DEDUCT_OBJECTS.includes(after) || ((after.endsWith("分值") || after.endsWith("分值的")) && after.length <= 6 && !after.includes("每"));
}

/** Index of the first number at or after `from` in a clause, or -1. */
export function firstNumberAt(tokens: Token[], from: number): number {
  for (let i = from; i < tokens.length; i += 1) if (tokens[i].t === "num") return i;
  return -1;
}
