/**
 * Tokenizer: normalised rule text -> numbers, comparators, (含) marks, separators, brackets,
 * operators and word runs. A single left-to-right scan; no regular expressions over the input.
 */
import Decimal from "decimal.js";
import type { Comparator } from "../../values/types";
import { RuleParseError } from "./errors";

export type Token =
  | { t: "num"; value: Decimal; percent: boolean; raw: string; /** written 个百分点 / 百分点 */ points?: boolean }
  | { t: "cmp"; cmp: Comparator; raw: string }
  | { t: "incl"; inclusive: boolean; raw: string }
  | { t: "sep"; strong: boolean; raw: string }
  | { t: "lp"; raw: string }
  | { t: "rp"; raw: string }
  | { t: "op"; op: "+" | "-" | "*" | "/"; raw: string }
  | { t: "word"; text: string; raw: string };

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/** A Chinese numeral is read as a number only before one of these (一项, 一天, 七项, 一个百分点). */
const CN_CLASSIFIERS = ["个", "项", "天", "日", "例", "处", "次", "条", "部门", "分", "件", "人", "家", "份", "起", "名", "月", "周"];
const MAX_DIGITS = 30;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** Value of a short Chinese numeral (一, 十, 十五, 二十, 两); null when not one. */
function chineseNumber(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  let total = 0;
  let current = -1;
  for (const ch of s) {
    if (ch === "十") {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
    } else if (CN_DIGITS[ch] !== undefined) {
      if (current >= 0) return null;
      current = CN_DIGITS[ch];
    } else return null;
  }
  return total + (current < 0 ? 0 : current);
}

function isCnNumeralChar(ch: string): boolean {
  return ch === "十" || CN_DIGITS[ch] !== undefined;
}

/** The numerator of 三分之二 starting at `from` (Chinese numerals), as a fraction of `denominator`; null when there is none or it is not a proper fraction. */
function fractionAfter(text: string, from: number, denominator: number): { value: Decimal; end: number } | null {
  let j = from;
  while (j < text.length && j - from < 3 && isCnNumeralChar(text[j])) j += 1;
  const numerator = chineseNumber(text.slice(from, j));
  if (numerator === null || numerator <= 0 || numerator >= denominator) return null;
  return { value: new Decimal(numerator).div(denominator), end: j };
}

const CMP: Record<string, Comparator> = { "≥": "ge", "≤": "le", ">": "gt", "<": "lt", "=": "eq" };
const SEPS: Record<string, boolean> = { ",": false, ";": true, "。": true, "\n": true, ":": false, "!": true, "?": true, "？": true, "！": true };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = "";
  const flushWord = () => {
    if (word) tokens.push({ t: "word", text: word, raw: word });
    word = "";
  };
  const pushNumber = (value: Decimal, raw: string, start: number): number => {
    // Percent marks right after the number: %, 个百分点, 百分点.
    let i = start;
    let percent = false;
    if (text[i] === "%") {
      percent = true;
      i += 1;
    } else if (text.startsWith("个百分点", i)) {
      percent = true;
      i += 4;
    } else if (text.startsWith("百分点", i)) {
      percent = true;
      i += 3;
    }
    const tok: Token = { t: "num", value: percent ? value.div(100) : value, percent, raw: text.slice(start - raw.length, i) };
    if (percent && text[start] !== "%") tok.points = true;
    tokens.push(tok);
    return i;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isDigit(ch) || (ch === "." && isDigit(text[i + 1]) && !isDigit(text[i - 1]))) {
      flushWord();
      let j = i;
      while (isDigit(text[j])) j += 1;
      if (text[j] === "." && isDigit(text[j + 1])) {
        j += 1;
        while (isDigit(text[j])) j += 1;
      }
      const raw = text.slice(i, j);
      if (raw.length > MAX_DIGITS) throw new RuleParseError(`${raw.slice(0, 20)}…`, "数字过长");
      i = pushNumber(new Decimal(raw.startsWith(".") ? `0${raw}` : raw), raw, j);
      continue;
    }
    // 百分之十 / 百分之五: a percent written in words.
    if (ch === "百" && text.startsWith("百分之", i) && isCnNumeralChar(text[i + 3] ?? "")) {
      let j = i + 3;
      while (j < text.length && j - i < 6 && isCnNumeralChar(text[j])) j += 1;
      const value = chineseNumber(text.slice(i + 3, j));
      if (value !== null) {
        flushWord();
        tokens.push({ t: "num", value: new Decimal(value).div(100), percent: true, raw: text.slice(i, j) });
        i = j;
        continue;
      }
    }
    // 一半分值 / 分值的一半: half, a share like 50%.
    if (ch === "一" && text[i + 1] === "半") {
      flushWord();
      tokens.push({ t: "num", value: new Decimal(0.5), percent: true, raw: "一半" });
      i += 2;
      continue;
    }
    if (isCnNumeralChar(ch)) {
      let j = i;
      while (j < text.length && j - i < 3 && isCnNumeralChar(text[j])) j += 1;
      const run = text.slice(i, j);
      const value = chineseNumber(run);
      // 三分之二分值: a fraction in words, a share like a percent.
      const fraction = value !== null && value > 0 && text.startsWith("分之", j) ? fractionAfter(text, j + 2, value) : null;
      if (fraction) {
        flushWord();
        tokens.push({ t: "num", value: fraction.value, percent: true, raw: text.slice(i, fraction.end) });
        i = fraction.end;
        continue;
      }
      const classified = CN_CLASSIFIERS.some((c) => text.startsWith(c, j)) || text.startsWith("百分点", j);
      if (value !== null && classified && j - i === run.length && !isCnNumeralChar(text[j] ?? "")) {
        flushWord();
        i = pushNumber(new Decimal(value), run, j);
        continue;
      }
      word += text.slice(i, j);
      i = j;
      continue;
    }
    if (CMP[ch] !== undefined) {
      flushWord();
      tokens.push({ t: "cmp", cmp: CMP[ch], raw: ch });
      i += 1;
      continue;
    }
    if (ch === "⊂" || ch === "⊄") {
      flushWord();
      tokens.push({ t: "incl", inclusive: ch === "⊂", raw: ch === "⊂" ? "(含)" : "(不含)" });
      i += 1;
      continue;
    }
    if (SEPS[ch] !== undefined || (ch === "." && !isDigit(text[i + 1]))) {
      flushWord();
      tokens.push({ t: "sep", strong: ch === "." ? false : SEPS[ch], raw: ch });
      i += 1;
      continue;
    }
    if (ch === "(" || ch === ")") {
      flushWord();
      tokens.push(ch === "(" ? { t: "lp", raw: ch } : { t: "rp", raw: ch });
      i += 1;
      continue;
    }
    if (ch === "+" || ch === "-" || ch === "×" || ch === "/") {
      flushWord();
      tokens.push({ t: "op", op: ch === "×" ? "*" : ch, raw: ch });
      i += 1;
      continue;
    }
    word += ch;
    i += 1;
  }
  flushWord();
  return tokens;
}

/** A clause: the tokens between two separators, with its text for keyword tests and messages. */
export interface Clause {
  tokens: Token[];
  text: string;
  /** Separator that ended the clause is strong (；。) or weak (，：). */
  strongEnd: boolean;
}

export function tokenText(tokens: Token[]): string {
  return tokens.map((t) => t.raw).join("");
}

/** Splits tokens into clauses; separators inside brackets do not split. */
export function splitClauses(tokens: Token[], strongOnly = false): Clause[] {
  const clauses: Clause[] = [];
  let current: Token[] = [];
  let depth = 0;
  const close = (strong: boolean) => {
    if (current.length > 0) clauses.push({ tokens: current, text: tokenText(current), strongEnd: strong });
    current = [];
  };
  for (const tok of tokens) {
    if (tok.t === "lp") depth += 1;
    if (tok.t === "rp" && depth > 0) depth -= 1;
    if (tok.t === "sep" && depth === 0 && (tok.strong || !strongOnly)) {
      close(tok.strong);
      continue;
    }
    current.push(tok);
  }
  close(true);
  return clauses;
}
