/** The 校验汇总 as an in-memory exceljs workbook and its bytes (Node and the browser alike): ./summary-layout.ts. */
import ExcelJS from "exceljs";
import type { Summary } from "../check/summary";
import { layOutSummary, type SummaryBook } from "./summary-layout";

export function summaryWorkbook(summary: Summary): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "JX";
  layOutSummary(wb as unknown as SummaryBook, summary);
  return wb;
}

/** The workbook's bytes (Node and the browser alike). */
export async function summaryBuffer(summary: Summary): Promise<Uint8Array> {
  return new Uint8Array(await summaryWorkbook(summary).xlsx.writeBuffer());
}
