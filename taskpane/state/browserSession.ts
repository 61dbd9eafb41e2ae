/**
 * The pane in a plain browser: the file is read and checked here, in one bounded pass as jx check reads it
 * (src/adapters/xlsx-grid-reader.ts; exceljs only for a package that reader leaves to it); nothing is
 * uploaded. The checked copy is a patch of the workbook's own bytes, so the opened file stays as it was.
 */
import { checkedCopyBuffer, loadGrids } from "../../src/adapters/xlsx";
import type { Grid } from "../../src/sheet/types";
import { makePlan, type WorkbookCheck } from "./engine";

export interface OpenedWorkbook {
  name: string;
  data: ArrayBuffer;
  grids: Grid[];
  /** The .xlsx package the copy is patched from (a .xls/.et converted on opening). */
  xlsx: Uint8Array;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The adapter takes bytes where its Node typings say Buffer.
const asBuffer = (data: ArrayBuffer) => new Uint8Array(data) as unknown as Buffer;

export async function openWorkbook(name: string, data: ArrayBuffer): Promise<OpenedWorkbook> {
  if (!/\.(xlsx|xls|et)$/i.test(name)) {
    throw new Error(`无法读取文件“${name}”：只支持 .xlsx、.xls 和 .et 工作簿。`);
  }
  // A file that is not a workbook throws WorkbookReadError: the same Chinese message as the command line.
  const { grids, bytes } = await loadGrids(asBuffer(data.slice(0)), name);
  return { name, data, grids, xlsx: bytes };
}

/** <name>.checked.xlsx: scores filled where missing, findings coloured with notes, a 校验结果 sheet. */
export async function checkedCopy(opened: OpenedWorkbook, result: WorkbookCheck): Promise<Blob> {
  // A patch of the file's own package (a .xls is first converted on loading): charts, pivot tables and the
  // rest of the package stay as they were.
  const bytes = checkedCopyBuffer(opened.xlsx, makePlan(result, { fillMissing: true, annotate: true, overwriteDiverging: false, formulas: "values" }), result.findings);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
}

export function checkedName(name: string): string {
  // .xls/.et are read into .xlsx (src/adapters/xls.ts): the copy is an .xlsx whatever the input was.
  return name.replace(/(\.(xlsx|xls|et))?$/i, ".checked.xlsx");
}
