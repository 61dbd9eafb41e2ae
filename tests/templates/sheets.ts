import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";

export type Plain = number | string | boolean | null | { error: string };

/** A cell's value as the scorers compare it: formula results, rich text joined, errors kept. */
export function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("error" in value) return { error: String(value.error) };
    if ("formula" in value || "sharedFormula" in value) {
      const r = (value as { result?: unknown }).result;
      if (r === undefined || r === null) return null;
      if (typeof r === "object" && r && "error" in r) return { error: String((r as { error: unknown }).error) };
      return r as Plain;
    }
  }
  return String(value);
}

/** A cell's value; for a formula, its cached result (exceljs drops a result of 0 from `cell.value`). */
export function cellValue(cell: ExcelJS.Cell): Plain {
  const v = cell.value;
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const r = cell.result as unknown;
    if (r === undefined || r === null) return null;
    if (typeof r === "object" && "error" in (r as object)) return { error: String((r as { error: unknown }).error) };
    return r as Plain;
  }
  return plain(v);
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The workbook in HyperFormula: every sheet, values as text/numbers and formulas as formulas. */
export function toHyperFormula(wb: ExcelJS.Workbook): { hf: HyperFormula; read: (sheet: string, address: string) => Plain } {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  for (const ws of wb.worksheets) {
    const data: (string | number | boolean | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        while (data.length < r) data.push([]);
        const v = cell.value;
        let content: string | number | boolean | null = null;
        if (v && typeof v === "object" && "formula" in v) content = `=${v.formula}`;
        else {
          const p = plain(v);
          // Apostrophe: text stays text ("=100%" is not a formula, "95%" not a number).
          content = typeof p === "string" ? `'${p}` : p === null || typeof p === "object" ? null : p;
        }
        data[r - 1][c - 1] = content;
      });
    });
    const name = hf.addSheet(ws.name);
    hf.setSheetContent(hf.getSheetId(name)!, data);
  }
  const read = (sheet: string, address: string): Plain => {
    const a = hf.simpleCellAddressFromString(address, hf.getSheetId(sheet)!)!;
    const v = hf.getCellValue(a);
    if (v && typeof v === "object" && "value" in v) return { error: String((v as { value: unknown }).value) };
    return v as Plain;
  };
  return { hf, read };
}
