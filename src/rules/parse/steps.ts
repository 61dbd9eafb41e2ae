/** The "每<verb><number><unit>" step phrase shared by linear and per-occurrence rules. */
import Decimal from "decimal.js";
import type { Direction } from "../types";
import type { Clause, Token } from "./tokens";

const BOTH = ["偏离", "浮动", "上下", "增减", "变动"];
const ABOVE = ["增加", "增长", "超过", "超出", "高于", "多于", "提高", "上升", "延迟", "延期", "推迟", "滞后", "逾期", "超", "多", "增", "晚"];
const BELOW = ["降低", "减少", "下降", "低于", "少于", "不足", "缺少", "未达", "减", "降", "缺", "少", "差", "低"];
const OCCURRENCE = ["出现", "发现", "发生", "存在", "有"];

export type StepVerb = { kind: "linear"; direction: Direction } | { kind: "occurrence" };

export function classifyVerb(verb: string): StepVerb | null {
  if (OCCURRENCE.some((w) => verb.startsWith(w))) return { kind: "occurrence" };
  if (BOTH.some((w) => verb.includes(w))) return { kind: "linear", direction: "both" };
  const above = ABOVE.some((w) => verb.includes(w));
  const below = BELOW.some((w) => verb.includes(w));
  if (above && below) return { kind: "linear", direction: "both" };
  if (above) return { kind: "linear", direction: "above" };
  if (below) return { kind: "linear", direction: "below" };
  return null;
}

export interface StepPhrase {
  clauseIndex: number;
  verb: StepVerb;
  verbText: string;
  step: Decimal;
  percent: boolean;
  /** The word right after the number (天扣…, 项扣…, 部门), for the unit. */
  unitWord: string;
  /** Index of the number token in the clause. */
  numIndex: number;
}

/** Counters of events: 每起 / 一次 / 一例 / 一处 / 一件. */
const EVENT_COUNTERS = ["起", "次", "例", "处", "件", "宗", "人次"];
/** Occurrence verbs that need no 每: 发生一起扣1分, 出现一次扣0.5分. */
const BARE_OCCURRENCE = ["发生", "出现", "发现"];

/** Finds 每<verb><num> (or 偏离…<num>, 每起…, 发生一起…) in a clause; null if there is none. */
export function findStep(clause: Clause, clauseIndex: number): StepPhrase | null {
  const toks = clause.tokens;
  for (let i = 0; i < toks.length; i += 1) {
    const t = toks[i];
    if (t.t !== "word") continue;
    // 有效投诉每起扣0.5分: a counter right after 每 is one event.
    const eachAt = t.text.lastIndexOf("每");
    if (eachAt >= 0 && EVENT_COUNTERS.some((c) => t.text.startsWith(c, eachAt + 1))) {
      return { clauseIndex, verb: { kind: "occurrence" }, verbText: t.text.slice(eachAt + 1), step: new Decimal(1), percent: false, unitWord: "", numIndex: i - 1 };
    }
    // 发生一起扣1分: an occurrence verb with one event, without 每.
    const numAfter = toks[i + 1];
    const unitAfter = toks[i + 2];
    if (eachAt < 0 && BARE_OCCURRENCE.some((v) => t.text.endsWith(v)) && numAfter?.t === "num" && numAfter.value.eq(1) && unitAfter?.t === "word" && EVENT_COUNTERS.some((c) => unitAfter.text.startsWith(c))) {
      return { clauseIndex, verb: { kind: "occurrence" }, verbText: t.text, step: numAfter.value, percent: false, unitWord: unitAfter.text, numIndex: i + 1 };
    }
    const each = t.text.lastIndexOf("每");
    const deviate = t.text.lastIndexOf("偏离");
    if (each < 0 && deviate < 0) continue;
    const numTok = toks[i + 1];
    if (!numTok || numTok.t !== "num") continue;
    const verbText = each >= 0 ? t.text.slice(each + 1) : t.text.slice(deviate);
    const withDeviation = deviate >= 0 && (each < 0 || deviate < each) ? `偏离${verbText}` : verbText;
    const verb = classifyVerb(withDeviation);
    if (!verb) continue;
    const after: Token | undefined = toks[i + 2];
    return {
      clauseIndex,
      verb,
      verbText: withDeviation,
      step: numTok.value,
      percent: numTok.percent,
      unitWord: after && after.t === "word" ? after.text : "",
      numIndex: i + 1,
    };
  }
  return null;
}

/** Time steps other than days cannot be turned into days exactly (a month is not a fixed length). */
export function unsupportedTimeUnit(phrase: StepPhrase): string | null {
  const w = phrase.unitWord;
  for (const u of ["个月", "月", "小时", "年", "季度"]) if (w.startsWith(u)) return u;
  return null;
}

/** 每延迟一周: a week is exactly 7 days. */
export function weekDays(phrase: StepPhrase): boolean {
  return !phrase.percent && (phrase.unitWord.startsWith("周") || phrase.unitWord.startsWith("个星期") || phrase.unitWord.startsWith("星期"));
}

export function stepUnit(phrase: StepPhrase): "percent" | "day" | "item" | "unit" {
  if (phrase.percent) return "percent";
  if (weekDays(phrase)) return "day";
  const w = phrase.unitWord;
  if (w.startsWith("天") || w.startsWith("日") || w.startsWith("个工作日") || w.startsWith("工作日") || w.startsWith("个自然日")) return "day";
  if (["项", "个", "条", "处", "次", "件"].some((u) => w.startsWith(u))) return "item";
  return "unit";
}
