import { simplifiedChar } from "./traditional";

/**
 * Folds what users type into one spelling: full-width ASCII to half-width, the many ≥/≤/= glyphs to one,
 * ％ and 百分比 kept apart for the value parser, and every kind of space removed.
 */
const GLYPHS: Record<string, string> = {
  "≧": "≥",
  "≦": "≤",
  "﹦": "=",
  "═": "=",
  "＝": "=",
  "＞": ">",
  "＜": "<",
  // Export and word-processor look-alikes seen in published tables (‹= for ≤, ≮ for ≥).
  "‹": "<",
  "›": ">",
  "〈": "<",
  "〉": ">",
  "≮": "≥",
  "≯": "≤",
  "⩾": "≥",
  "⩽": "≤",
  "％": "%",
  "﹪": "%",
  "。": "。",
  "．": ".",
  "，": ",",
  "；": ";",
  "：": ":",
  "（": "(",
  "）": ")",
  "—": "-",
  "–": "-",
  "－": "-",
  "~": "-",
  "～": "-",
  "×": "*",
  "÷": "/",
};

export function foldWidth(text: string): string {
  let out = "";
  for (const raw of text) {
    const ch = simplifiedChar(raw);
    const mapped = GLYPHS[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const code = ch.codePointAt(0)!;
    // Full-width forms U+FF01..U+FF5E map onto ASCII U+0021..U+007E.
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else out += ch;
  }
  return out;
}

/** Full-width folded, spaces (including U+3000 and NBSP) removed, ">=" spelled "≥". */
export function normalizeText(text: string): string {
  return foldWidth(text)
    .replace(/[\s\u3000\u00a0]+/g, "")
    .replace(/>=/g, "≥")
    .replace(/<=/g, "≤");
}
