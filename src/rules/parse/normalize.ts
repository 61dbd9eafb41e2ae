/**
 * Folds the many spellings of the same rule text into one: full-width ASCII, comparators,
 * dashes, brackets, quotes and spacing. One pass over the characters, then a few fixed
 * multi-character replacements (split/join, never a backtracking regex).
 */

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

function foldChar(ch: string): string {
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
  return out.trim();
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
