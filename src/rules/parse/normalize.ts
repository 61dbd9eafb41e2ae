/**
 * Folds the many spellings of the same rule text into one: full-width ASCII, comparators,
 * dashes, brackets, quotes and spacing. One pass over the characters, then a few fixed
 * multi-character replacements (split/join, never a backtracking regex).
 */

import { simplifiedChar } from "../../values/traditional";

const SINGLE: Record<string, string> = {
  "\u3000": " ",
  "≧": "≥",
  "⩾": "≥",
  "≦": "≤",
  "⩽": "≤",
  "﹦": "=",
  "═": "=",
  "＝": "=",
  "﹤": "<",
  "﹥": ">",
  "（": "(",
  "）": ")",
  "【": "(",
  "】": ")",
  "〔": "(",
  "〕": ")",
  "—": "-",
  "–": "-",
  "－": "-",
  "─": "-",
  "~": "-",
  "～": "-",
  "﹣": "-",
  "＊": "×",
  "*": "×",
  "✕": "×",
  "╳": "×",
  "÷": "/",
  "．": ".",
  "，": ",",
  "、": "、",
  "；": ";",
  "：": ":",
  "“": "",
  "”": "",
  "\"": "",
  "‘": "",
  "’": "",
  "'": "",
  "「": "",
  "」": "",
  "《": "",
  "》": "",
  "\t": " ",
  "\r": "\n",
};

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/** Multi-character spellings, applied in order after the character pass. */
const PAIRS: Array<[string, string]> = [
  [">=", "≥"],
  ["<=", "≤"],
  ["=>", "≥"],
  ["=<", "≤"],
  ["≥=", "≥"],
  ["≤=", "≤"],
  ["--", "-"],
  ["百分比", "%"],
  ["(含)", "⊂"],
  ["(不含)", "⊄"],
];

function foldChar(raw: string): string {
  const ch = simplifiedChar(raw);
  const mapped = SINGLE[ch];
  if (mapped !== undefined) return mapped;
  const code = ch.charCodeAt(0);
  // Full-width ASCII block FF01–FF5E maps onto 0021–007E.
  if (code >= 0xff01 && code <= 0xff5e) {
    const folded = String.fromCharCode(code - 0xfee0);
    return SINGLE[folded] ?? folded;
  }
  const circled = CIRCLED.indexOf(ch);
  if (circled >= 0) return `要点${circled + 1}`;
  return ch;
}

export function normalizeRuleText(text: string): string {
  let out = "";
  for (const ch of text) {
    const f = foldChar(ch);
    // Spaces carry no meaning in Chinese rule text ("100% > 结果 ≥ 95%").
    if (f === " " || f === "\u00a0") continue;
    out += f;
  }
  for (const [from, to] of PAIRS) out = out.split(from).join(to);
  // HTML remnants from converted documents (<p>…</p>, <br>).
  out = stripTags(out);
  return stripEnumerators(out.trim());
}

const SEGMENT_ENDS = ";。\n";
const CN_ENUM = "一二三四五六七八九十";

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** Length of a list marker at `i` (1. / 2、 / (3) / 一、 / (一)), or 0. */
function enumeratorLength(s: string, i: number): number {
  let j = i;
  const open = s[j] === "(";
  if (open) j += 1;
  const start = j;
  if (isAsciiDigit(s[j])) {
    while (isAsciiDigit(s[j]) && j - start < 2) j += 1;
  } else if (CN_ENUM.includes(s[j] ?? "") && s[j] !== undefined) {
    j += 1;
  } else return 0;
  if (open) return s[j] === ")" ? j + 1 - i : 0;
  const mark = s[j];
  const isDigitEnum = isAsciiDigit(s[start]);
  if (mark === "、" || (isDigitEnum && (mark === "." || mark === ")") && !isAsciiDigit(s[j + 1]))) return j + 1 - i;
  return 0;
}

/** Drops list markers at the start of each sentence: "1.达到目标值得满分；2.未达到…". */
function stripEnumerators(s: string): string {
  let out = "";
  let i = 0;
  let atStart = true;
  while (i < s.length) {
    if (atStart) {
      const len = enumeratorLength(s, i);
      atStart = false;
      if (len > 0) {
        i += len;
        continue;
      }
    }
    const ch = s[i];
    out += ch;
    if (SEGMENT_ENDS.includes(ch)) atStart = true;
    i += 1;
  }
  return out;
}

/** Removes `<…>` runs that look like HTML tags (ASCII letters or / right after `<`). */
function stripTags(s: string): string {
  if (s.indexOf("<") < 0) return s;
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    const next = s[i + 1] ?? "";
    if (ch === "<" && /[a-zA-Z/]/.test(next)) {
      // Look for the closing > within a short window only, so long input stays linear.
      let close = -1;
      for (let k = i + 1; k < s.length && k - i < 200; k += 1) {
        if (s[k] === ">") {
          close = k;
          break;
        }
      }
      if (close > 0) {
        i = close + 1;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}
