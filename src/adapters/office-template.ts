/**
 * 插入标准模板 inside Excel: the sheets of a template .xlsx go into the open workbook
 * (insertWorksheetsFromBase64, ExcelApi 1.13). Excel refuses a sheet whose name is taken, so the pane
 * first reads the names (one sync) and builds the template under free names; the insert itself, the
 * re-entry of =JX.* formulas and the activation are then one more sync.
 */
import type { OfficeCapabilities } from "./office-capabilities";

type Ctx = Excel.RequestContext;

/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

/** Formulas to enter again after the insert, so Excel binds them to the add-in's functions (README 标准模板). */
export interface FormulaRun {
  address: string;
  /** One row per cell, with the leading "=". */
  formulas: string[][];
}

export interface TemplateSheets {
  base64: string;
  /** The sheet that holds the table: activated after the insert, and where `reenter` applies. */
  tableSheet: string;
  reenter: FormulaRun[];
}

export const NO_INSERT_MESSAGE = "此版本 Excel 不支持从文件插入工作表（需要 ExcelApi 1.13）。请在浏览器版页面下载模板，或用 jx template 命令生成模板文件后在 Excel 中打开。";

/** Names of every sheet in the workbook. One sync. */
export async function sheetNames(context: Ctx): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/**
 * `wanted` if no sheet is called so (Excel compares names case-insensitively), else "wanted（2）",
 * "wanted（3）"… shortened to Excel's 31 characters.
 */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = wanted.slice(0, MAX_SHEET_NAME);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `（${i}）`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * Inserts the template's sheets after the last sheet, enters the `reenter` formulas again (the table sheet
 * is protected, so protection is lifted and put back with the template's settings around that write) and
 * activates the table sheet. ONE sync. Returns the ids of the inserted sheets, for 撤销.
 */
export async function insertTemplateSheets(context: Ctx, t: TemplateSheets, caps: OfficeCapabilities): Promise<string[]> {
  if (!caps.insertWorksheets) throw new Error(NO_INSERT_MESSAGE);
  const ids = context.workbook.insertWorksheetsFromBase64(t.base64, { positionType: "End" });
  const sheet = context.workbook.worksheets.getItem(t.tableSheet);
  if (t.reenter.length > 0) {
    sheet.protection.unprotect();
    for (const run of t.reenter) sheet.getRange(run.address).formulas = run.formulas;
    // As the template sets it (src/templates/build.ts): no password, columns and rows may be resized.
    sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true, selectionMode: "Normal" });
  }
  sheet.activate();
  await context.sync();
  return ids.value;
}

/**
 * 撤销 of an insert: deletes the sheets with these ids that still exist. Two syncs (which exist, then
 * delete: deleting a missing one would fail the whole batch). Returns the names deleted.
 */
export async function deleteSheets(context: Ctx, ids: string[]): Promise<string[]> {
  const found = ids.map((id) => context.workbook.worksheets.getItemOrNullObject(id).load("name"));
  await context.sync();
  const present = found.filter((s) => !s.isNullObject);
  if (present.length === 0) return [];
  const names = present.map((s) => s.name);
  for (const s of present) s.delete();
  await context.sync();
  return names;
}
