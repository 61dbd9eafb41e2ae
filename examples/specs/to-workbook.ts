/** An example spec -> an exceljs workbook styled as such tables are: titles, bordered cells, wrapped text. */
import ExcelJS from "exceljs";
import { cellOf, type SheetSpec, type WorkbookSpec } from "./spec";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name);
  if (spec.widths) ws.columns = spec.widths.map((width) => ({ width }));
  const titles = new Set(spec.titleRows ?? []);
  const headers = new Set(spec.headerRows ?? []);
  spec.rows.forEach((row, r) => {
    const rowNumber = r + 1;
    const width = Math.max(row.length, spec.widths?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(rowNumber, c + 1);
      const g = cellOf(row[c] ?? null);
      if (g) {
        cell.value = g.value as ExcelJS.CellValue;
        if (g.numFmt) cell.numFmt = g.numFmt;
      }
      if (titles.has(rowNumber)) {
        cell.font = { bold: true, size: 14 };
        cell.alignment = { horizontal: "center", vertical: "middle" };
        continue;
      }
      const blankRow = row.every((v) => v === null || v === "");
      if (blankRow) continue;
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      cell.alignment = { wrapText: true, vertical: "middle" };
      if (headers.has(rowNumber)) {
        cell.font = { bold: true };
        cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
      }
    }
  });
  for (const m of spec.merges) ws.mergeCells(m);
  ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
}

export function specToWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "JX 示例生成脚本";
  // A fixed date keeps the committed files identical from one build to the next.
  wb.created = new Date(Date.UTC(2021, 0, 1));
  wb.modified = wb.created;
  wb.description = spec.source;
  for (const sheet of spec.sheets) addSheet(wb, sheet);
  return wb;
}
