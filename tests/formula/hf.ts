import { HyperFormula } from "hyperformula";

export type HfCell = number | string | boolean | null;

/** Evaluates one formula over a few value cells in HyperFormula (a fresh engine each time: no state leaks). */
export function evaluateFormula(formula: string, cells: Record<string, HfCell>): unknown {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const sheet = hf.getSheetId(hf.addSheet("S"))!;
  const data: HfCell[][] = [];
  for (const [addr, value] of Object.entries(cells)) {
    const m = /^([A-Z])(\d+)$/.exec(addr)!;
    const row = Number(m[2]) - 1;
    const col = m[1].charCodeAt(0) - 65;
    while (data.length <= row) data.push([]);
    // A leading apostrophe keeps text as text: HyperFormula would read "=100%" as a formula, "95%" as 0.95.
    data[row][col] = typeof value === "string" ? `'${value}` : value;
  }
  data.push([formula]);
  hf.setSheetContent(sheet, data);
  const value = hf.getCellValue({ sheet, row: data.length - 1, col: 0 });
  hf.destroy();
  return value;
}

/** The numeric value of a HyperFormula result, or null for an error / text. */
export function numericResult(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}

/** Function names a formula calls (FOO( ...). */
export function functionNames(formula: string): string[] {
  const names = new Set<string>();
  const stripped = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const m of stripped.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) names.add(m[1]);
  return [...names];
}

/** Functions that Excel, WPS, LibreOffice Calc and HyperFormula all implement. */
export const PORTABLE_FUNCTIONS = new Set(["IF", "AND", "OR", "NOT", "MIN", "MAX", "ABS", "INT", "ROUND", "ROUNDUP", "ROUNDDOWN", "ISNUMBER", "FIND", "SUBSTITUTE", "VALUE", "TRIM", "NA", "TRUE", "SUM", "COUNT"]);
