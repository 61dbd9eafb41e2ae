/**
 * .xls (BIFF8, also BIFF5/BIFF2 as SheetJS reads them) and WPS .et workbooks -> the engine's Grid, with
 * SheetJS Community Edition (`@e965/xlsx` 0.20.3, the npm registry's build of CE with the fixes for
 * CVE-2023-30533 and CVE-2024-22363). No file system here: Node and the browser page alike.
 *
 * Two outputs from one read:
 * - `grids`: values, number formats, formulas, merged areas — what the engine checks;
 * - `toWorkbook()`: the same sheets as an exceljs workbook (values, formulas with their cached results,
 *   number formats, fills, merged areas, column widths, row heights, notes, hidden state), so the checked
 *   copy of an .xls is an .xlsx made the same way as for any .xlsx. SheetJS CE reads no fonts, borders or
 *   alignment from .xls: the copy does not have them (the output says the copy is .xlsx; README says what
 *   it keeps).
 */
import * as XLSX from "@e965/xlsx";
import type ExcelJS from "exceljs";
import type { CellRange, CellValue, Grid, GridCell } from "../sheet/types";
import { DEFAULT_READ_LIMITS, ReadLimitError, limitMessage, type ReadLimits } from "./limits";
import { isLegacyWorkbookName, isOleDocument } from "./xls-detect";

export { isLegacyWorkbookName, isOleDocument };

/** A file this module cannot read: Chinese reason, library detail apart. */
export class LegacyReadError extends Error {
  constructor(
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(reason);
    this.name = "LegacyReadError";
  }
}

export const ENCRYPTED_REASON = "工作簿受密码保护，JX 无法读取。请在 Excel 或 WPS 中打开，取消密码（文件 → 信息/文档加密）后另存再试。";

export interface LegacySheet {
  grid: Grid;
  /** Solid fills as ARGB ("FFFFC7CE"), by A1 address. */
  fills: Map<string, string>;
  hidden: boolean;
}

export interface LegacyWorkbook {
  sheets: LegacySheet[];
  /** Grids of the sheets the engine reads (very hidden sheets left out, as for .xlsx). */
  grids: Grid[];
  /** The same workbook as an exceljs workbook, for the checked copy (.xlsx). */
  toWorkbook(): Promise<ExcelJS.Workbook>;
}

type SheetCell = XLSX.CellObject & { s?: { patternType?: string; fgColor?: { rgb?: string } }; c?: { t?: string; a?: string }[] };

const A1 = (r: number, c: number) => XLSX.utils.encode_cell({ r, c });

/** A date-formatted serial number -> the Date exceljs gives for it (UTC midnight, 1900 or 1904 system). */
function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400 * 1000));
}

/** LibreOffice stores TRUE/FALSE constants in .xls as the formulas TRUE()/FALSE(): a constant, not a formula. */
function realFormula(f: string | undefined): string | null {
  if (!f) return null;
  if (/^(TRUE|FALSE)(\(\))?$/i.test(f.trim())) return null;
  return f;
}

/** Note text as BIFF stores it: SheetJS leaves the record's padding (NULs, control bytes) at the end. */
function noteText(c: SheetCell["c"]): string | null {
  if (!c || c.length === 0) return null;
  const text = c.map((part) => part.t ?? "").join("\n");
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]+[\s\S]*$/, "").replace(/\s+$/, "");
  return clean || null;
}

function cellValue(cell: SheetCell, date1904: boolean): CellValue {
  switch (cell.t) {
    case "s":
      return typeof cell.v === "string" ? cell.v : String(cell.v ?? "");
    case "b":
      return Boolean(cell.v);
    case "e":
      return cell.w ?? "#N/A";
    case "n": {
      const v = cell.v as number;
      if (typeof v !== "number" || !Number.isFinite(v)) return null;
      return cell.z && typeof cell.z === "string" && XLSX.SSF.is_date(cell.z) ? serialToDate(v, date1904) : v;
    }
    case "d":
      return cell.v instanceof Date ? cell.v : null;
    default:
      return null;
  }
}

function numFmtOf(cell: SheetCell): string | null {
  const z = cell.z;
  if (typeof z !== "string" || z === "" || z === "General") return null;
  return z;
}

function inMergeNotMaster(merges: CellRange[], r: number, c: number): boolean {
  for (const m of merges) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return r !== m.top || c !== m.left;
  return false;
}

function parse(data: Uint8Array, limits: ReadLimits): XLSX.WorkBook {
  if (data.length > limits.maxUncompressedBytes) throw new ReadLimitError("size", limitMessage("size", limits));
  try {
    return XLSX.read(data, {
      type: "array",
      dense: true,
      cellStyles: true,
      cellNF: true,
      cellFormula: true,
      cellDates: false,
      // One row past the limit, so a sheet over it is seen and refused rather than silently cut.
      sheetRows: limits.maxRows + 1,
      WTF: false,
    });
  } catch (e) {
    const detail = String((e as Error).message ?? e);
    if (/password|encrypt/i.test(detail)) throw new LegacyReadError(ENCRYPTED_REASON, detail);
    throw new LegacyReadError("不是有效的 .xls/.et 工作簿（可能已损坏，或是其他格式）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。", detail);
  }
}

/**
 * Reads .xls/.et bytes. A password-protected file (an encrypted .xls, or an encrypted .xlsx, which is an
 * OLE document too) is refused with ENCRYPTED_REASON; reading is bounded as for .xlsx (file size, rows,
 * cells, merged cells).
 */
export function readLegacyWorkbook(data: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): LegacyWorkbook {
  if (isOleDocument(data) && hasStream(data, "EncryptionInfo")) throw new LegacyReadError(ENCRYPTED_REASON, "OLE document with an EncryptionInfo stream (encrypted OOXML)");
  const wb = parse(data, limits);
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: LegacySheet[] = [];
  const raw: { ws: XLSX.WorkSheet; sheet: LegacySheet; notes: Map<string, string> }[] = [];
  let cellsSeen = 0;
  let mergedCells = 0;
  wb.SheetNames.forEach((name, i) => {
    const hiddenState = wb.Workbook?.Sheets?.[i]?.Hidden ?? 0;
    const ws = wb.Sheets[name];
    const merges: CellRange[] = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    for (const m of merges) mergedCells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (mergedCells > limits.maxMergedCells) throw new ReadLimitError("merges", limitMessage("merges", limits));
    const rows = ((ws as unknown as { "!data"?: (SheetCell | undefined)[][] })["!data"] ?? []) as (SheetCell | undefined)[][];
    if (rows.length > limits.maxRows) throw new ReadLimitError("rows", limitMessage("rows", limits));
    const cells: (GridCell | undefined)[][] = [];
    const fills = new Map<string, string>();
    const notes = new Map<string, string>();
    let colCount = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const out: (GridCell | undefined)[] = [];
      cells[r] = out;
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        if (++cellsSeen > limits.maxCells) throw new ReadLimitError("cells", limitMessage("cells", limits));
        const fill = cell.s?.patternType === "solid" ? cell.s.fgColor?.rgb : undefined;
        if (fill && /^[0-9A-F]{6}$/i.test(fill)) fills.set(A1(r, c), `FF${fill.toUpperCase()}`);
        const note = noteText(cell.c);
        if (note) notes.set(A1(r, c), note);
        if (cell.t === "z" || inMergeNotMaster(merges, r, c)) continue;
        const formula = realFormula(cell.f);
        const value = cellValue(cell, date1904);
        if (value === null && !formula) continue;
        out[c] = { value, numFmt: numFmtOf(cell), formula };
        colCount = Math.max(colCount, c + 1);
      }
    }
    for (const m of merges) colCount = Math.max(colCount, m.right + 1);
    const rowCount = Math.max(cells.length, ...merges.map((m) => m.bottom + 1));
    while (cells.length < rowCount) cells.push([]);
    // Trailing empty rows (formatted but blank) are not part of the grid, as exceljs leaves them out.
    let last = cells.length;
    while (last > 0 && cells[last - 1].length === 0 && !merges.some((m) => m.bottom >= last - 1)) last--;
    cells.length = last;
    const sheet: LegacySheet = { grid: { name, rowCount: last, colCount, cells, merges }, fills, hidden: hiddenState !== 0 };
    if (hiddenState !== 2) sheets.push(sheet);
    raw.push({ ws, sheet, notes });
  });
  return {
    sheets,
    grids: sheets.map((s) => s.grid),
    toWorkbook: async () => {
      const ExcelJSModule = (await import("exceljs")).default as unknown as typeof ExcelJS;
      const out = new ExcelJSModule.Workbook();
      for (const { ws, sheet, notes } of raw) writeSheet(out, ws, sheet, notes, wb, date1904);
      return out;
    },
  };
}

function writeSheet(out: ExcelJS.Workbook, ws: XLSX.WorkSheet, sheet: LegacySheet, notes: Map<string, string>, wb: XLSX.WorkBook, date1904: boolean): void {
  const index = wb.SheetNames.indexOf(sheet.grid.name);
  const hiddenState = wb.Workbook?.Sheets?.[index]?.Hidden ?? 0;
  const target = out.addWorksheet(sheet.grid.name, { state: hiddenState === 2 ? "veryHidden" : hiddenState === 1 ? "hidden" : "visible" });
  (ws["!cols"] ?? []).forEach((col, c) => {
    if (!col) return;
    const column = target.getColumn(c + 1);
    if (typeof col.wch === "number") column.width = col.wch;
    else if (typeof col.width === "number") column.width = col.width;
    if (col.hidden) column.hidden = true;
  });
  (ws["!rows"] ?? []).forEach((row, r) => {
    if (!row) return;
    const target_row = target.getRow(r + 1);
    if (typeof row.hpt === "number") target_row.height = row.hpt;
    if (row.hidden) target_row.hidden = true;
  });
  const rows = ((ws as unknown as { "!data"?: (SheetCell | undefined)[][] })["!data"] ?? []) as (SheetCell | undefined)[][];
  rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const address = A1(r, c);
      const fill = sheet.fills.get(address);
      const formula = realFormula(cell.f);
      const value = cellValue(cell, date1904);
      const numFmt = numFmtOf(cell);
      const note = notes.get(address);
      if (value === null && !formula && !fill && !note && !numFmt) return;
      const xc = target.getCell(r + 1, c + 1);
      // Array formulas (F) and formulas naming other workbooks keep their cached value only: exceljs cannot
      // write the first, and the second would point at a file that is not there.
      if (formula && !(cell as { F?: string }).F && !/\[\d+\]/.test(formula)) {
        xc.value = { formula, result: (value ?? undefined) as ExcelJS.CellFormulaValue["result"] } as ExcelJS.CellFormulaValue;
      } else if (value !== null) {
        xc.value = value as ExcelJS.CellValue;
      }
      if (numFmt) xc.numFmt = numFmt;
      if (fill) xc.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
      if (note) xc.note = note;
    });
  });
  for (const m of sheet.grid.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    target.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
}

/** The legacy workbook as .xlsx bytes: what the checked copy and the browser page start from. */
export async function legacyToXlsx(data: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Uint8Array> {
  const wb = await readLegacyWorkbook(data, limits).toWorkbook();
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Whether an OLE compound document has a directory entry with this name (UTF-16 names in 128-byte entries
 * of the directory sectors). A light look: only the directory chain is walked, not the streams.
 */
export function hasStream(data: Uint8Array, name: string): boolean {
  if (!isOleDocument(data) || data.length < 512) return false;
  const u16 = (o: number) => data[o] | (data[o + 1] << 8);
  const u32 = (o: number) => (data[o] | (data[o + 1] << 8) | (data[o + 2] << 16)) + data[o + 3] * 0x1000000;
  const sectorSize = 1 << u16(30);
  if (sectorSize !== 512 && sectorSize !== 4096) return false;
  const sectorOffset = (s: number) => (s + 1) * sectorSize;
  // FAT sector list: the first 109 in the header (DIFAT beyond that is not needed for a directory lookup in practice).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(76 + i * 4);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  const next = (s: number): number => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(s / perSector)];
    if (fat === undefined) return 0xfffffffe;
    const o = sectorOffset(fat) + (s % perSector) * 4;
    return o + 4 <= data.length ? u32(o) : 0xfffffffe;
  };
  let s = u32(48);
  for (let guard = 0; s < 0xfffffffa && guard < 10000; guard++) {
    const base = sectorOffset(s);
    for (let e = 0; e < sectorSize / 128; e++) {
      const o = base + e * 128;
      if (o + 128 > data.length) return false;
      const len = u16(o + 64);
      if (len < 2 || len > 64) continue;
      let entry = "";
      for (let k = 0; k < len - 2; k += 2) entry += String.fromCharCode(u16(o + k));
      if (entry === name) return true;
    }
    s = next(s);
  }
  return false;
}
