/** The "每<verb><number><unit>" step phrase shared by linear and per-occurrence rules. */
import Decimal from "decimal.js";
import type { Direction } from "../types";
import type { Clause, Token } from "./tokens";

const BOTH = ["偏离", "浮动", "上下浮动", "增减", "变动", "上下波动", "波动"];
const ABOVE = ["增加", "增长", "超过", "超出", "高于", "多于", "提高", "上升", "延迟", "延期", "推迟", "延后", "滞后", "逾期", "超", "多", "增", "晚", "多出", "超支", "超出预算", "超预算", "超期", "超时", "延误", "拖延", "迟报", "迟交"];
const BELOW = ["降低", "减少", "下降", "低于", "少于", "不足", "缺少", "未达", "减", "降", "缺", "少", "差", "低", "少完成", "缺失", "短缺", "未完成"];
const OCCURRENCE = ["出现", "发现", "发生", "存在", "有", "查出", "查实"];
/** Objects a verb may name (每低于目标值1%, 每比计划减少1%): they do not change the direction. */
const VERB_FILLERS = ["年度指标值", "年度计划值", "年度目标值", "目标值", "指标值", "年度目标", "目标", "计划值", "计划", "标准值", "标准", "要求", "预算", "基准", "规定"];

export type StepVerb = { kind: "linear"; direction: Direction } | { kind: "occurrence" };

function verbCore(verb: string): string {
  let c = verb;
  for (const f of VERB_FILLERS) c = c.split(f).join("");
  for (const p of ["比", "较", "相比"]) if (c.startsWith(p)) c = c.slice(p.length);
  return c;
}

/** The direction of a step verb, read strictly (增长或降低 -> both); null when it is not one. */
export function classifyVerb(verb: string): StepVerb | null {
  const core = verbCore(verb);
  if (OCCURRENCE.includes(core)) return { kind: "occurrence" };
  if (BOTH.includes(core)) return { kind: "linear", direction: "both" };
  if (ABOVE.includes(core)) return { kind: "linear", direction: "above" };
  if (BELOW.includes(core)) return { kind: "linear", direction: "below" };
  for (const joint of ["或", "和", "及", "、"]) {
    const k = core.indexOf(joint);
    if (k <= 0) continue;
    const a = core.slice(0, k);
    const b = core.slice(k + joint.length);
    const aUp = ABOVE.includes(a);
    const bUp = ABOVE.includes(b);
    if ((aUp && BELOW.includes(b)) || (bUp && BELOW.includes(a))) return { kind: "linear", direction: "both" };
  }
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
    // 每降低 / 偏离指标值 (no 每) / 偏离目标值每1%: the verb after 每, or 偏离 before it.
    const deviationFirst = deviate >= 0 && (each < 0 || deviate < each);
    const afterEach = each >= 0 ? t.text.slice(each + 1) : "";
    const withDeviation = deviationFirst && verbCore(afterEach) === "" ? "偏离" : afterEach;
    if (deviationFirst && each < 0 && verbCore(t.text.slice(deviate + 2)) !== "") continue;
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

/** Time steps the engine cannot count: hours (dates carry no time), years and quarters (not seen with a rule that counts them). */
export function unsupportedTimeUnit(phrase: StepPhrase): string | null {
  const w = phrase.unitWord;
  if (monthSteps(phrase)) return null;
  // 一个季度 / 1个小时: the 个 before the unit.
  for (const u of ["小时", "年", "季度"]) if (w.startsWith(u) || w.startsWith(`个${u}`)) return u;
  return null;
}

/** 每延期1个月: counted in calendar months (a month is not a fixed number of days). */
export function monthSteps(phrase: StepPhrase): boolean {
  return !phrase.percent && (phrase.unitWord.startsWith("个月") || phrase.unitWord.startsWith("月"));
}

/** 每延迟一周: a week is exactly 7 days. */
export function weekDays(phrase: StepPhrase): boolean {
  return !phrase.percent && (phrase.unitWord.startsWith("周") || phrase.unitWord.startsWith("个星期") || phrase.unitWord.startsWith("星期"));
}

export function stepUnit(phrase: StepPhrase): "percent" | "day" | "item" | "unit" | "month" {
  if (phrase.percent) return "percent";
  if (monthSteps(phrase)) return "month";
  if (weekDays(phrase)) return "day";
  const w = phrase.unitWord;
  if (w.startsWith("天") || w.startsWith("日") || w.startsWith("个工作日") || w.startsWith("工作日") || w.startsWith("个自然日")) return "day";
  if (["项", "个", "条", "处", "次", "件"].some((u) => w.startsWith(u))) return "item";
  return "unit";
}
