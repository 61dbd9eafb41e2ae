import Decimal from "decimal.js";

/** What a host hands us for one cell: Excel numbers, text, booleans, dates, blanks. */
export type CellInput = number | string | boolean | Date | null | undefined;

/** ≥ ≤ > < =, in code words. */
export type Comparator = "ge" | "le" | "gt" | "lt" | "eq";

/** The unit the value is expressed in. Percent magnitudes are stored as fractions (95.4% -> 0.954). */
export type Unit = "percent" | string;

interface ParsedBase {
  /** The cell as typed, before normalisation (for messages). */
  raw: string;
}

/** 95.4%, ≥95百分比, ≤4万元, 44860人次, 24,315.81, 不低于90% */
export interface NumberValue extends ParsedBase {
  kind: "number";
  comparator: Comparator | null;
  /** Percent values as fractions (0.954); other units as written (4 for 4万元). */
  magnitude: Decimal;
  unit: Unit | null;
  /** True when the unit was not written and came from context (a bare 100 beside a % target). */
  unitInferred?: boolean;
}

/** 在2021年6月30日前完成, 12月份, 12月底之前完成 */
export interface DateValue extends ParsedBase {
  kind: "date";
  comparator: Comparator | null;
  year: number | null;
  month: number | null;
  day: number | null;
}

/** 健全, 按规定公开, 显著提升, 是/否, 未完成 */
export interface WordValue extends ParsedBase {
  kind: "word";
  /** Normalised word (full-width folded, spaces removed). */
  word: string;
  /** 未…, 否, 不…: the word says the thing was not achieved. */
  negative: boolean;
}

export interface EmptyValue extends ParsedBase {
  kind: "empty";
}

/** A cell that cannot be read (OCR damage such as "2 95%"): refused, never guessed. */
export interface UnreadableValue extends ParsedBase {
  kind: "unreadable";
  /** Chinese reason shown to the user. */
  reason: string;
}

export type ParsedValue = NumberValue | DateValue | WordValue | EmptyValue | UnreadableValue;
