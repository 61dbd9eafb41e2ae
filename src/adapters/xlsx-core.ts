/**
 * exceljs workbook <-> engine, with no file system: usable in Node and in the browser page
 * (an ArrayBuffer from a file picker loads with workbook.xlsx.load). File I/O lives in xlsx.ts.
 */
import type ExcelJS from "exceljs";
import type { CellValue, Grid, GridCell, CellRange } from "../sheet/types";
import { FINDINGS_SHEET_HEADER, FINDINGS_SHEET_NAME, findingsSheetRows, internalLink } from "../check/findings-sheet";
import { SEVERITY_COLORS } from "../check/labels";
import type { Finding, Plan } from "../check/types";

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

/** Applies a Plan's writes: values, formulas, fills (style copied first, so shared styles stay intact), notes. */
export function applyPlan(wb: ExcelJS.Workbook, plan: Plan): void {
  for (const action of plan.actions) {
    const ws = wb.getWorksheet(action.sheet);
    if (!ws) continue;
    const cell = ws.getCell(action.cell);
    switch (action.kind) {
      case "set-value":
        cell.value = action.value as ExcelJS.CellValue;
        break;
      case "set-formula":
        cell.value = { formula: action.formula } as ExcelJS.CellFormulaValue;
        break;
      case "fill":
        cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: action.color } } };
        break;
      case "note":
        cell.note = action.text;
        break;
    }
  }
}

/** A sheet name not yet used in the workbook: 校验结果, 校验结果(2), … */
function freeSheetName(wb: ExcelJS.Workbook, base: string): string {
  if (!wb.getWorksheet(base)) return base;
  for (let i = 2; ; i++) if (!wb.getWorksheet(`${base}(${i})`)) return `${base}(${i})`;
}

/** Adds the 校验结果 sheet: one row per finding, its 单元格 linking to the cell. */
export function addFindingsSheet(wb: ExcelJS.Workbook, findings: Finding[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(freeSheetName(wb, FINDINGS_SHEET_NAME));
  ws.columns = [6, 20, 8, 16, 8, 10, 10, 80].map((width) => ({ width }));
  const head = ws.addRow([...FINDINGS_SHEET_HEADER]);
  head.font = { bold: true };
  if (findings.length === 0) ws.addRow([null, "未发现问题"]);
  findingsSheetRows(findings).forEach((row, i) => {
    const added = ws.addRow(row.values);
    const link = added.getCell(3);
    // A HYPERLINK formula: exceljs writes internal links with an external relationship beside the location,
    // which Excel may try to open as a file; the formula is followed by Excel, WPS and LibreOffice alike.
    const target = `#${internalLink(row.link.sheet, row.link.cell)}`.replace(/"/g, '""');
    link.value = { formula: `HYPERLINK("${target}","${row.link.cell}")`, result: row.link.cell } as ExcelJS.CellFormulaValue;
    link.font = { color: { argb: "FF0563C1" }, underline: true };
    added.getCell(5).fill = { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_COLORS[findings[i].severity] } };
    added.getCell(8).alignment = { wrapText: true, vertical: "top" };
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return ws;
}

/** The checked copy as bytes (the browser page offers it for download): plan applied, 校验结果 added. */
export async function checkedCopyBuffer(wb: ExcelJS.Workbook, plan: Plan, findings: Finding[]): Promise<ArrayBuffer> {
  applyPlan(wb, plan);
  addFindingsSheet(wb, findings);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
