/** Example workbooks described as data: the xlsx builder writes them, tests read them as Grids. */
import { parseRangeA1 } from "../../src/sheet/address";
import type { CellValue, Grid, GridCell } from "../../src/sheet/types";

/** A cell: a bare value, or a value with a number format ("0.0%"). */
export type CellSpec = CellValue | { v: CellValue; fmt: string };

export interface SheetSpec {
  name: string;
  /** Rows from row 1; each row from column A. */
  rows: CellSpec[][];
  /** "A1:I1" */
  merges: string[];
  /** Column widths in characters. */
  widths?: number[];
  /** Rows (1-based) drawn as table headers: bold, grey. */
  headerRows?: number[];
  /** Rows (1-based) drawn as a title: bold, larger. */
  titleRows?: number[];
}

export interface WorkbookSpec {
  file: string;
  /** What it reproduces and from where, kept in the builder's output. */
  source: string;
  sheets: SheetSpec[];
}

export function cellOf(spec: CellSpec): GridCell | undefined {
  if (spec !== null && typeof spec === "object" && !(spec instanceof Date)) return { value: spec.v, numFmt: spec.fmt };
  if (spec === null || spec === undefined || spec === "") return undefined;
  return { value: spec };
}

export function specToGrid(sheet: SheetSpec): Grid {
  const cells = sheet.rows.map((row) => row.map(cellOf));
  const colCount = Math.max(0, ...sheet.rows.map((r) => r.length));
  const merges = sheet.merges.map((m) => {
    const r = parseRangeA1(m);
    if (!r) throw new Error(`示例表合并区域无效：${m}`);
    return r;
  });
  return { name: sheet.name, rowCount: sheet.rows.length, colCount, cells, merges };
}

/** n empty cells, for readable row literals. */
export function gap(n: number): null[] {
  return Array.from({ length: n }, () => null);
}

export const pct = (v: number, fmt = "0%"): CellSpec => ({ v, fmt });

/**
 * Merges, in one column, each run of a name followed by blank cells (rows 1-based from `first`), the way
 * officials merge level cells; a new parent name (the level above) ends a run.
 */
export function mergeRuns(names: string[], letter: string, first: number, merges: string[], parents?: string[]): void {
  let start = -1;
  const close = (end: number) => {
    if (start >= 0 && end > start) merges.push(`${letter}${first + start}:${letter}${first + end}`);
  };
  names.forEach((name, i) => {
    if (name !== "" || (parents && i > 0 && parents[i] !== "")) {
      close(i - 1);
      start = name !== "" ? i : -1;
    }
  });
  close(names.length - 1);
}
