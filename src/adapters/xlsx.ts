/**
 * The exceljs host for files: a .xlsx file (or buffer) -> Grid[]; a Plan and the findings -> a checked copy.
 * The input is only ever read; the copy keeps every other cell, merge, style and sheet as loaded.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { resolve } from "path";
import type { Grid } from "../sheet/types";
import type { Finding, Plan } from "../check/types";
import { addFindingsSheet, applyPlan, workbookToGrids } from "./xlsx-core";

export { addFindingsSheet, applyPlan, checkedCopyBuffer, plainValue, workbookToGrids, worksheetToGrid } from "./xlsx-core";

/** A file that cannot be opened as a workbook: the message names it, in Chinese. */
export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`无法读取文件“${file}”：${reason}`);
    this.name = "WorkbookReadError";
  }
}

export async function loadWorkbook(source: string | Buffer, label = typeof source === "string" ? source : "（内存中的工作簿）"): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  let data: Buffer;
  try {
    data = typeof source === "string" ? await fs.readFile(source) : source;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(label, code === "ENOENT" ? "文件不存在" : code === "EACCES" ? "没有读取权限" : code === "EISDIR" ? "这是一个文件夹" : String((e as Error).message));
  }
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(label, `不是有效的 .xlsx 工作簿（${(e as Error).message}）`);
  }
  return wb;
}

export async function readGrids(source: string | Buffer): Promise<Grid[]> {
  return workbookToGrids(await loadWorkbook(source));
}

/** Writes the checked copy to `outFile`; refuses to write over the input. */
export async function writeCheckedCopy(wb: ExcelJS.Workbook, plan: Plan, findings: Finding[], outFile: string, inputFile?: string): Promise<void> {
  if (inputFile && (await samePath(inputFile, outFile))) throw new Error(`输出文件与输入文件相同：${outFile}`);
  applyPlan(wb, plan);
  addFindingsSheet(wb, findings);
  await wb.xlsx.writeFile(outFile);
}

async function samePath(a: string, b: string): Promise<boolean> {
  return resolve(a) === resolve(b);
}
