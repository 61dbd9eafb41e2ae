/**
 * The pane in a plain browser: the file is read and checked here with exceljs (the engine's xlsx adapter);
 * nothing is uploaded. The checked copy is built from the original bytes, so the opened file stays as it was.
 */
import { addFindingsSheet, applyPlan, loadWorkbook, workbookToGrids } from "../../src/adapters/xlsx";
import type { Grid } from "../../src/sheet/types";
import { makePlan, type WorkbookCheck } from "./engine";

export interface OpenedWorkbook {
  name: string;
  data: ArrayBuffer;
  grids: Grid[];
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// exceljs's browser build takes an ArrayBuffer where its Node typings say Buffer.
const asBuffer = (data: ArrayBuffer) => data as unknown as Buffer;

export async function openWorkbook(name: string, data: ArrayBuffer): Promise<OpenedWorkbook> {
  if (!/\.xlsx$/i.test(name)) {
    throw new Error(`无法读取文件“${name}”：只支持 .xlsx 工作簿（.xls 或 .et 文件请先在 Excel/WPS 中另存为 .xlsx）。`);
  }
  // A file that is not a workbook throws WorkbookReadError: the same Chinese message as the command line.
  const wb = await loadWorkbook(asBuffer(data.slice(0)), name);
  return { name, data, grids: workbookToGrids(wb) };
}

/** <name>.checked.xlsx: scores filled where missing, findings coloured with notes, a 校验结果 sheet. */
export async function checkedCopy(opened: OpenedWorkbook, result: WorkbookCheck): Promise<Blob> {
  const wb = await loadWorkbook(asBuffer(opened.data.slice(0)), opened.name);
  applyPlan(wb, makePlan(result, { fillMissing: true, annotate: true, overwriteDiverging: false, formulas: "values" }));
  addFindingsSheet(wb, result.findings);
  const bytes = await wb.xlsx.writeBuffer();
  return new Blob([bytes as ArrayBuffer], { type: XLSX_MIME });
}

export function checkedName(name: string): string {
  return name.replace(/(\.xlsx)?$/i, ".checked.xlsx");
}
