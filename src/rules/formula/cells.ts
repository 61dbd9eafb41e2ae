/**
 * How a compiled formula reads a target or actual cell.
 *
 * Choice (documented in README.templates.md): the formula handles text itself rather than relying on
 * the template's number formats, so the same formula works in any table, whether the cell holds the
 * number 0.954 (formatted 95.4%) or the text "≥95.4%" / "95.4％" / "＝100%". A number is used as it
 * is; text has its comparator glyphs, spaces, thousands separators and full-width percent signs removed
 * and is then read by VALUE ("95%" -> 0.95 in Excel, WPS, LibreOffice and HyperFormula alike). Text the
 * chain cannot read (Chinese comparator words such as 不低于, units such as 人次, qualitative words) gives
 * #VALUE! in the score cell and therefore in the total: visible, never a silently wrong number.
 */

/** Strings removed from a text cell before VALUE, longest first so "≥=" goes as a whole. */
const STRIP: string[] = ["≥", "≤", "≧", "≦", "＞", "＜", "＝", "﹦", "═", ">", "<", "=", ",", "，", " ", "　"];
/** Replacements that make VALUE read percent written the Chinese way. */
const REPLACE: [string, string][] = [
  ["％", "%"],
  ["百分比", "%"],
];

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The text-cleaning chain around `ref`, innermost first. */
function cleaned(ref: string): string {
  let expr = ref;
  for (const s of STRIP) expr = `SUBSTITUTE(${expr},${quote(s)},"")`;
  for (const [from, to] of REPLACE) expr = `SUBSTITUTE(${expr},${quote(from)},${quote(to)})`;
  return expr;
}

/** A number from the cell: itself when numeric, otherwise the cleaned text read by VALUE. */
export function numberOf(ref: string): string {
  return `IF(ISNUMBER(${ref}),${ref},VALUE(${cleaned(ref)}))`;
}

/** Glyphs of a ≤ / < target (≤0, ＜5%, <=100%) and of a ≥ / > target. */
const UPPER_BOUND_GLYPHS = ["≤", "≦", "<", "＜"];
const LOWER_BOUND_GLYPHS = ["≥", "≧", ">", "＞"];

function containsAny(ref: string, glyphs: string[]): string {
  return `OR(${glyphs.map((g) => `ISNUMBER(FIND(${quote(g)},${ref}))`).join(",")})`;
}

/** TRUE when a text target carries ≤ / <; FALSE for numbers and other text. */
export function targetIsUpperBound(ref: string): string {
  return containsAny(ref, UPPER_BOUND_GLYPHS);
}

/** TRUE when a text target carries ≥ / >. */
export function targetIsLowerBound(ref: string): string {
  return containsAny(ref, LOWER_BOUND_GLYPHS);
}
