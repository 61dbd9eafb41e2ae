/**
 * exceljs workbook <-> engine, with no file system: usable in Node and in the browser page
 * (an ArrayBuffer from a file picker loads with workbook.xlsx.load). File I/O lives in xlsx.ts. exceljs only
 * reads: the checked copy is a patch of the input package (./xlsx-patch).
 */
import type ExcelJS from "exceljs";
import type { CellValue, Grid, GridCell, CellRange } from "../sheet/types";
import type { Finding, Plan } from "../check/types";
import type { PatchReport } from "./xlsx-patch";

type RawValue = ExcelJS.CellValue;

/** exceljs values -> plain cell values: formula results, rich text flattened, hyperlink text, errors as text. */
export function plainValue(value: RawValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if ("richText" in v && Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) return plainValue((v.result ?? null) as RawValue);
  if ("hyperlink" in v) return plainValue((v.text ?? null) as RawValue);
  if ("error" in v) return String(v.error);
  if ("text" in v) return plainValue(v.text as RawValue);
  return null;
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  // exceljs keeps merges on a private map; the public `model` getter would serialise the whole sheet.
  const internal = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (internal) {
    return Object.values(internal).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  }
  return [];
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: (GridCell | undefined)[][] = [];
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const formula = cell.formula || null;
      // exceljs drops a cached formula result of 0 from cell.value; cell.result still has it.
      const value = formula ? plainValue((cell.result ?? null) as RawValue) : plainValue(cell.value);
      const numFmt = cell.numFmt || null;
      if (value === null && !formula) return;
      out[colNumber - 1] = { value, numFmt, formula };
      colCount = Math.max(colCount, colNumber);
    });
    cells[rowNumber - 1] = out;
  });
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  const merges = mergesOf(ws);
  for (const m of merges) colCount = Math.max(colCount, m.right + 1);
  const rowCount = Math.max(cells.length, ...merges.map((m) => m.bottom + 1));
  while (cells.length < rowCount) cells.push([]);
  return { name: ws.name, rowCount, colCount, cells, merges };
}

export function workbookToGrids(wb: ExcelJS.Workbook): Grid[] {
  return wb.worksheets.filter((ws) => ws.state !== "veryHidden").map(worksheetToGrid);
}

/** The input bytes a workbook was loaded from: the checked copy is a patch of them, not exceljs's re-serialisation. */
const sources = new WeakMap<ExcelJS.Workbook, Uint8Array>();

export function rememberSource(wb: ExcelJS.Workbook, bytes: Uint8Array): void {
  sources.set(wb, bytes);
}

export function sourceOf(wb: ExcelJS.Workbook): Uint8Array | undefined {
  return sources.get(wb);
}

function bytesOf(source: ExcelJS.Workbook | Uint8Array | ArrayBuffer): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  const bytes = sources.get(source);
  if (!bytes) throw new Error("内部错误：该工作簿不是从文件或字节读入的，无法据原文件生成校验副本。");
  return bytes;
}

/**
 * The checked copy as bytes (the browser page offers it for download; the command line writes it): the
 * input package patched with the plan's writes and a 校验结果 sheet — every other part kept byte for byte.
 */
export function checkedCopyBuffer(source: ExcelJS.Workbook | Uint8Array | ArrayBuffer, plan: Plan, findings: Finding[]): Uint8Array {
  return patch().checkedCopyBytes(bytesOf(source), plan, findings);
}

export function checkedCopyWithReport(source: ExcelJS.Workbook | Uint8Array | ArrayBuffer, plan: Plan, findings: Finding[]): { bytes: Uint8Array; report: PatchReport } {
  return patch().patchPackage(bytesOf(source), plan, findings);
}

/** The patcher (and its XML library) loaded when a copy is made: `jx check --no-write` never loads it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const patch = () => require("./xlsx-patch") as typeof import("./xlsx-patch");
