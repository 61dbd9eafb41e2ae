import Decimal from "decimal.js";
import { decimalFromNumber } from "./decimal";
import type { CellInput, Comparator, DateValue, NumberValue, ParsedValue, WordValue } from "./types";
import { foldWidth, normalizeText } from "./normalize";

/** Words before a number that set its comparator (longest first). */
const PREFIX_WORDS: [string, Comparator | null][] = [
  ["大于或等于", "ge"],
  ["小于或等于", "le"],
  ["大于等于", "ge"],
  ["小于等于", "le"],
  ["不低于", "ge"],
  ["不少于", "ge"],
  ["不小于", "ge"],
  ["不高于", "le"],
  ["不超过", "le"],
  ["不大于", "le"],
  ["不多于", "le"],
  ["控制在", "le"],
  ["高于", "gt"],
  ["大于", "gt"],
  ["超过", "gt"],
  ["多于", "gt"],
  ["低于", "lt"],
  ["小于", "lt"],
  ["少于", "lt"],
  ["达到", "ge"],
  ["达", "ge"],
  ["≥", "ge"],
  ["≤", "le"],
  [">", "gt"],
  ["<", "lt"],
  ["=", "eq"],
  ["约", null],
  ["以", "eq"],
];

/** Words after the number and unit that set or confirm the comparator. */
const SUFFIX_WORDS: [string, Comparator][] = [
  ["及以上", "ge"],
  ["以上", "ge"],
  ["及以下", "le"],
  ["以下", "le"],
  ["以内", "le"],
  ["为标准", "eq"],
];

const PERCENT_UNITS = ["%", "百分比", "百分点", "个百分点"];
const NEGATIVE_PREFIXES = ["未", "否", "不", "没有", "无法"];

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

export { decimalFromNumber };

function unreadable(raw: string, reason: string): ParsedValue {
  return { kind: "unreadable", raw, reason };
}

/**
 * Reads one target or actual cell. Excel numbers take their unit from the number format
 * (0.954 with "0.0%" is 95.4%); text is read by hand-written scanning, never by guessing.
 */
export function parseValue(input: CellInput, format?: string | null): ParsedValue {
  if (input === null || input === undefined) return { kind: "empty", raw: "" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return unreadable(String(input), `数值无效：${input}`);
    const percent = !!format && format.includes("%");
    return { kind: "number", raw: String(input), comparator: null, magnitude: decimalFromNumber(input), unit: percent ? "percent" : null };
  }
  if (typeof input === "boolean") {
    return { kind: "word", raw: input ? "是" : "否", word: input ? "是" : "否", negative: !input };
  }
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return unreadable("", "日期无效");
    return { kind: "date", raw: input.toISOString().slice(0, 10), comparator: null, year: input.getUTCFullYear(), month: input.getUTCMonth() + 1, day: input.getUTCDate() };
  }
  return parseTextOnce(String(input));
}

/**
 * Texts already parsed: a column of targets repeats the same few (=100%, ≥95%, 健全), and a rule is tried in
 * several readings. A ParsedValue is never changed once made, so one object serves every cell with that text.
 * Short texts only, and bounded.
 */
const PARSED = new Map<string, ParsedValue>();
const PARSED_MEMO_LENGTH = 200;
const PARSED_MEMO_SIZE = 20_000;

function parseTextOnce(raw: string): ParsedValue {
  const known = PARSED.get(raw);
  if (known !== undefined) return known;
  const v = parseText(raw);
  if (raw.length <= PARSED_MEMO_LENGTH) {
    if (PARSED.size >= PARSED_MEMO_SIZE) PARSED.clear();
    PARSED.set(raw, v);
  }
  return v;
}

function parseText(raw: string): ParsedValue {
  // Two numbers separated only by a space ("2 95%") is OCR damage of "≥ 95%": refuse.
  const folded = foldWidth(raw).trim();
  if (/\d[ \u3000\u00a0]+[\d.]/.test(folded)) return unreadable(raw, `无法识别的数值：“${raw}”（数字之间有空格，可能是扫描识别错误）`);
  const text = normalizeText(raw);
  if (text === "" || text === "-" || text === "—" || text === "/" || text === "无数据") return { kind: "empty", raw };
  const date = parseDate(text, raw);
  if (date) return date;
  const number = parseNumberText(text, raw);
  if (number) return number;
  if (/\d/.test(text)) return unreadable(raw, `无法识别的数值：“${raw}”`);
  return parseWord(text, raw);
}

function parseWord(text: string, raw: string): WordValue {
  const word = text.replace(/[。.,;!！]+$/, "");
  const negative = NEGATIVE_PREFIXES.some((p) => word.startsWith(p)) || word === "否";
  return { kind: "word", raw, word, negative };
}

function readNumber(text: string, at: number): { value: Decimal; end: number } | null {
  let i = at;
  let s = "";
  if (text[i] === "-" || text[i] === "+") {
    if (!isDigit(text[i + 1])) return null;
    s += text[i];
    i++;
  }
  if (!isDigit(text[i])) return null;
  while (i < text.length && (isDigit(text[i]) || (text[i] === "," && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3])))) {
    if (text[i] !== ",") s += text[i];
    i++;
  }
  if (text[i] === "." && isDigit(text[i + 1])) {
    s += ".";
    i++;
    while (i < text.length && isDigit(text[i])) s += text[i++];
  }
  return { value: new Decimal(s), end: i };
}

/** 19/20, (6-5)/5: digits and arithmetic only — a value's own calculation printed after it. */
const CALCULATION = /^[\d.+\-*/()%]+$/;
/** A unit word in brackets after the number, as some systems export it: 90%(百分比), 8(个). */
const BRACKETED_UNIT = /^\(([^\d()]{1,6})\)$/;

/**
 * Evaluates a printed calculation such as 19/20 or (6-5)/5 (digits, + - * /, brackets; no eval).
 * Returns null for anything else.
 */
function evaluateCalculation(expr: string): Decimal | null {
  let i = 0;
  const peek = () => expr[i];
  function atom(): Decimal | null {
    if (peek() === "(") {
      i++;
      const v = sum();
      if (v === null || peek() !== ")") return null;
      i++;
      return v;
    }
    const num = readNumber(expr, i);
    if (!num) return null;
    i = num.end;
    if (peek() === "%") {
      i++;
      return num.value.div(100);
    }
    return num.value;
  }
  function product(): Decimal | null {
    let v = atom();
    while (v !== null && (peek() === "*" || peek() === "/")) {
      const op = expr[i++];
      const r = atom();
      if (r === null || (op === "/" && r.isZero())) return null;
      v = op === "*" ? v.times(r) : v.div(r);
    }
    return v;
  }
  function sum(): Decimal | null {
    let v = product();
    while (v !== null && (peek() === "+" || peek() === "-")) {
      const op = expr[i++];
      const r = product();
      if (r === null) return null;
      v = op === "+" ? v.plus(r) : v.minus(r);
    }
    return v;
  }
  const v = sum();
  return v !== null && i === expr.length ? v : null;
}

/**
 * "95%(19/20)": the bracket holds the value's own calculation. It is dropped when it agrees with the value
 * (to the precision printed); a calculation that disagrees makes the cell unreadable rather than guessed.
 */
function splitCalculation(text: string): { text: string; calculation: string | null } {
  const m = /^(.*\d%?)\(([^()]*(?:\([^()]*\)[^()]*)*)\)$/.exec(text);
  if (!m || !CALCULATION.test(m[2]) || !/[+\-*/]/.test(m[2])) return { text, calculation: null };
  return { text: m[1], calculation: m[2] };
}

function calculationAgrees(value: NumberValue, calculation: string): boolean {
  const v = evaluateCalculation(calculation);
  if (v === null) return false;
  const candidates = value.unit === "percent" ? [v, v.div(100)] : [v];
  // The printed value is usually rounded: agree to half a unit of its last printed digit.
  const digits = /[.](\d+)/.exec(value.raw)?.[1]?.length ?? 0;
  const half = new Decimal(10).pow(-digits).div(2).times(value.unit === "percent" ? new Decimal(0.01) : 1);
  return candidates.some((c) => c.minus(value.magnitude).abs().lte(half.plus("1e-12")));
}

function parseNumberText(text: string, raw: string): NumberValue | null {
  const split = splitCalculation(text);
  if (split.calculation !== null) {
    const value = parseNumberText(split.text, raw);
    if (value && calculationAgrees({ ...value, raw: split.text }, split.calculation)) return value;
    return null;
  }
  let i = 0;
  let comparator: Comparator | null = null;
  // 每户200元, 每人每月500元: a per-unit amount; the unit keeps what it is per.
  const per = /^每([\u4e00-\u9fff]{1,2}?)(?:每([\u4e00-\u9fff]))?(?=[\d≥≤<>=])/.exec(text);
  const perUnit = per ? [per[1], per[2]].filter(Boolean).join("·") : null;
  if (per) i = per[0].length;
  // A comparator may also be doubled ("≥=") or combined ("不低于≥"): take the strongest.
  for (let guard = 0; guard < 3; guard++) {
    const hit = PREFIX_WORDS.find(([w]) => text.startsWith(w, i));
    if (!hit) break;
    if (hit[1]) comparator = comparator && comparator !== "eq" ? comparator : hit[1];
    i += hit[0].length;
  }
  const num = readNumber(text, i);
  if (!num) return null;
  let rest = text.slice(num.end);
  let unit: string | null = null;
  let magnitude = num.value;
  const percent = PERCENT_UNITS.find((u) => rest.startsWith(u));
  if (percent) {
    unit = "percent";
    magnitude = magnitude.div(100);
    rest = rest.slice(percent.length);
  } else if (rest.startsWith("‰")) {
    unit = "percent";
    magnitude = magnitude.div(1000);
    rest = rest.slice(1);
  }
  let suffixCmp: Comparator | null = null;
  for (const [w, c] of SUFFIX_WORDS) {
    const at = rest.lastIndexOf(w);
    if (at >= 0 && at + w.length === rest.length) {
      suffixCmp = c;
      rest = rest.slice(0, at);
      break;
    }
  }
  rest = rest.replace(/[。.,;]+$/, "");
  const bracketed = BRACKETED_UNIT.exec(rest);
  if (bracketed) {
    const word = bracketed[1];
    if (PERCENT_UNITS.includes(word) || word === "%") {
      if (unit !== null && unit !== "percent") return null;
      if (unit === null) magnitude = magnitude.div(100);
      unit = "percent";
      rest = "";
    } else if (unit === null) {
      rest = word;
    }
  }
  if (!unit && rest) {
    // A unit is a short run of letters or CJK (万元, 人次, 元/人·月); anything with digits is not.
    if (rest.length > 8 || /\d/.test(rest)) return null;
    unit = rest;
  } else if (unit && rest) {
    return null;
  }
  if (suffixCmp) comparator = comparator === "ge" || comparator === "le" || comparator === "gt" || comparator === "lt" ? comparator : suffixCmp;
  if (perUnit) {
    if (unit === "percent") return null;
    // 每亩300: the amount's own unit left unsaid; it is per 亩 all the same.
    unit = unit === null ? `/${perUnit}` : `${unit}/${perUnit}`;
  }
  return { kind: "number", raw, comparator, magnitude, unit };
}

function parseDate(text: string, raw: string): DateValue | null {
  // 在2021年6月30日前完成 | 2021年6月30日前 | 12月份 | 12月底之前完成 | 2021年12月
  // 2023年底 / 2023年末前 / 2023年内完成: by the end of that year.
  const yearEnd = /^(?:在|于)?(\d{4})年(?:度)?(底|末|内|以内)(?:前|之前)?(?:完成)?$/.exec(text);
  if (yearEnd) return { kind: "date", raw, comparator: "le", year: +yearEnd[1], month: 12, day: 31 };
  const m = /^(?:在|于)?(?:(\d{4})年)?(\d{1,2})月(?:份|底|末)?(?:(\d{1,2})[日号])?(前|之前|以前|底前|内|以内)?(?:完成|前完成)?$/.exec(text);
  if (!m) {
    const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(前|之前)?$/.exec(text);
    if (!iso) return null;
    return { kind: "date", raw, comparator: iso[4] ? "le" : null, year: +iso[1], month: +iso[2], day: +iso[3] };
  }
  const month = +m[2];
  if (month < 1 || month > 12) return null;
  const day = m[3] ? +m[3] : null;
  if (day !== null && (day < 1 || day > 31)) return null;
  const before = !!m[4] || /底|末|份/.test(text);
  return { kind: "date", raw, comparator: before ? "le" : null, year: m[1] ? +m[1] : null, month, day };
}
