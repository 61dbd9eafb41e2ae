/**
 * What Excel hands a custom function, made safe to use. Excel passes numbers (95% arrives as 0.95),
 * text, booleans, ranges as any[][], null for an omitted optional argument (a TypeScript default never
 * applies), and for an empty cell 0 on Windows/Mac but null on the web.
 */
import Decimal from "decimal.js";
import type { CellInput, ParsedValue } from "../src/values/types";
import { parseValue } from "../src/values";
import { decimalFromNumber } from "../src/values/parse";
import { FunctionInputError } from "./runtime";

/** A blank: null (web, omitted), undefined, or text of spaces only. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Ranges arrive as rows of cells; a scalar is a 1×1 range. */
export function cellsOf(v: unknown): unknown[] {
  if (!Array.isArray(v)) return [v];
  return v.flatMap((row) => (Array.isArray(row) ? row : [row]));
}

/** One cell: a 1×1 range is unwrapped; a larger range is refused with the argument's name. */
export function singleCell(v: unknown, label: string): CellInput {
  if (Array.isArray(v)) {
    const all = cellsOf(v);
    if (all.length !== 1) throw new FunctionInputError(`${label}应为单个单元格，收到了${all.length}个单元格的区域`);
    return singleCell(all[0], label);
  }
  if (v === null || v === undefined || typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  throw new FunctionInputError(`${label}的类型无法识别`);
}

/** A required single cell: blank is refused (a blank actual must not score as 0). */
export function requiredCell(v: unknown, label: string): Exclude<CellInput, null | undefined> {
  const cell = singleCell(v, label);
  if (cell === null || cell === undefined || isBlank(cell)) throw new FunctionInputError(`${label}为空，请先填写${label}`);
  return cell;
}

/**
 * An optional argument that is text or a code word. null, "" and 0 all mean "omitted": 0 is what
 * Excel on Windows/Mac passes for an empty cell, and none of these arguments gives 0 a meaning.
 */
export function optionalWord(v: unknown, label: string): string | null {
  const cell = singleCell(v, label);
  if (cell === null || cell === undefined || cell === 0 || isBlank(cell)) return null;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) throw new FunctionInputError(`${label}不能是日期`);
  return String(cell).trim();
}

/** Reads a number cell: Excel numbers as they are, text through the value parser (“10%” → 0.1, “4分” → 4). */
export function numberFrom(cell: CellInput, label: string): Decimal {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new FunctionInputError(`${label}不是有效数字`);
    return decimalFromNumber(cell);
  }
  if (typeof cell === "boolean") throw new FunctionInputError(`${label}应为数字，收到了逻辑值${cell ? "TRUE" : "FALSE"}`);
  const parsed: ParsedValue = parseValue(cell);
  if (parsed.kind === "number") return parsed.magnitude;
  if (parsed.kind === "empty") throw new FunctionInputError(`${label}为空，请填写数字`);
  if (parsed.kind === "unreadable") throw new FunctionInputError(`${label}：${parsed.reason}`);
  throw new FunctionInputError(`${label}应为数字，收到了“${parsed.raw}”`);
}

export function requiredNumber(v: unknown, label: string): Decimal {
  return numberFrom(requiredCell(v, label), label);
}

/** An optional number: null, blank and 0 (an empty cell on Windows/Mac) mean omitted. */
export function optionalNumber(v: unknown, label: string): Decimal | null {
  const cell = singleCell(v, label);
  if (cell === null || cell === undefined || cell === 0 || isBlank(cell)) return null;
  return numberFrom(cell, label);
}

/** A positive weight (权重/分值). */
export function weightArg(v: unknown, label = "权重"): Decimal {
  const w = requiredNumber(v, label);
  if (w.lte(0)) throw new FunctionInputError(`${label}应大于0，收到了${w.toString()}`);
  return w;
}
