/**
 * A standard template as the pane needs it: bytes for a download, or base64 plus the =JX.* formulas to
 * enter again for an insert. Loaded on demand (it brings exceljs).
 */
import ExcelJS from "exceljs";
import { buildTemplate, findTemplate } from "../../src/templates";
import { bytesToBase64 } from "../../src/templates/base64";
import { sheetName } from "../../src/templates/build";
import { NOTES_SHEET } from "../../src/templates/notesSheet";
import type { BuildOptions } from "../../src/templates/types";
import { freeSheetName, type FormulaRun, type TemplateSheets } from "../../src/adapters/office-template";
import { XLSX_MIME } from "./browserSession";

export interface TemplateChoice {
  id: string;
  formulas: BuildOptions["formulas"];
  example: boolean;
}

function definition(id: string) {
  const t = findTemplate(id);
  if (!t) throw new Error(`没有编号为“${id}”的标准模板。`);
  return t;
}

/** <模板名称>.xlsx for the browser page. */
export async function templateDownload(choice: TemplateChoice): Promise<{ name: string; blob: Blob }> {
  const t = definition(choice.id);
  const bytes = await buildTemplate(choice.id, { formulas: choice.formulas, example: choice.example });
  return { name: `${t.name}.xlsx`, blob: new Blob([bytes as BlobPart], { type: XLSX_MIME }) };
}

/** The names the template's sheets get in a workbook that already has `taken`. */
export function insertNames(id: string, taken: string[]): { template: string; notes: string; renamed: boolean } {
  const wanted = sheetName(definition(id));
  const template = freeSheetName(wanted, taken);
  const notes = freeSheetName(NOTES_SHEET, [...taken, template]);
  return { template, notes, renamed: template !== wanted || notes !== NOTES_SHEET };
}

/**
 * The template for insertWorksheetsFromBase64 under free sheet names. With 'jx' formulas, the cells that
 * call JX functions are read back from the built file, so what is entered again is exactly what was built.
 */
export async function templateForInsert(choice: TemplateChoice, taken: string[]): Promise<TemplateSheets & { notesSheet: string; renamed: boolean }> {
  const names = insertNames(choice.id, taken);
  const sheetNames = { template: names.template, notes: names.notes };
  const bytes = await buildTemplate(choice.id, { formulas: choice.formulas, example: choice.example, sheetNames });
  const reenter = choice.formulas === "jx" ? await jxFormulaRuns(bytes, names.template) : [];
  return { base64: bytesToBase64(new Uint8Array(bytes)), tableSheet: names.template, notesSheet: names.notes, renamed: names.renamed, reenter };
}

/** Cells of `sheet` whose formula calls a JX function, grouped in runs of consecutive rows per column. */
async function jxFormulaRuns(bytes: Uint8Array, sheet: string): Promise<FormulaRun[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.getWorksheet(sheet);
  if (!ws) return [];
  const cells: { row: number; col: number; letter: string; formula: string }[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const f = cell.formula;
      if (typeof f === "string" && /\bJX\./i.test(f)) cells.push({ row: Number(cell.row), col: Number(cell.col), letter: cell.address.replace(/\d+$/, ""), formula: `=${f}` });
    }),
  );
  cells.sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: { col: number; letter: string; top: number; bottom: number; formulas: string[][] }[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last && last.col === c.col && last.bottom + 1 === c.row) {
      last.bottom = c.row;
      last.formulas.push([c.formula]);
    } else runs.push({ col: c.col, letter: c.letter, top: c.row, bottom: c.row, formulas: [[c.formula]] });
  }
  return runs.map((r) => ({ address: r.top === r.bottom ? `${r.letter}${r.top}` : `${r.letter}${r.top}:${r.letter}${r.bottom}`, formulas: r.formulas }));
}
