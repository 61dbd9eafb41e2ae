import type ExcelJS from "exceljs";
import { scoreRow } from "../../src/rules";
import { grade } from "../../src/rules/grade";
import { buildTemplate, TEMPLATES } from "../../src/templates";
import type { TemplateDef } from "../../src/templates";
import { cellOf, computeLayout } from "../../src/templates/layout";
import { cellValue, loadWorkbook, plain, toHyperFormula, type Plain } from "./sheets";
import { recalculateWithLibreOffice } from "./libreoffice";

/**
 * Every template filled with its example values is scored three ways — the JX engine (scoreRow), HyperFormula
 * evaluating the native formulas, LibreOffice Calc recalculating the saved file — and all three agree to
 * 0.005 on every row and on the total.
 */

const TOLERANCE = 0.005;

interface Scored {
  def: TemplateDef;
  wb: ExcelJS.Workbook;
  hf: ReturnType<typeof toHyperFormula>;
  lo: ExcelJS.Workbook;
}

const scored: Record<string, Scored> = {};

beforeAll(async () => {
  const files: Record<string, Uint8Array> = {};
  for (const def of TEMPLATES) files[def.id] = await buildTemplate(def.id, { formulas: "native", example: true });
  const recalculated = recalculateWithLibreOffice(files);
  for (const def of TEMPLATES) {
    const wb = await loadWorkbook(files[def.id]);
    scored[def.id] = { def, wb, hf: toHyperFormula(wb), lo: await loadWorkbook(recalculated[def.id]) };
  }
}, 240000);

function num(v: Plain): number | null {
  return typeof v === "number" ? v : null;
}

function scoreRole(def: TemplateDef): "score" | "verifiedScore" {
  return def.columns.some((c) => c.role === "score") ? "score" : "verifiedScore";
}

function engineRows(s: Scored): { name: string; engine: number; hf: number | null; lo: number | null }[] {
  const { def, wb, hf, lo } = s;
  const L = computeLayout(def);
  const ws = wb.worksheets[0];
  const los = lo.worksheets[0];
  return def.rows.map((row, i) => {
    const r = L.firstDataRow + i;
    const at = (role: Parameters<typeof cellOf>[1]) => cellOf(L, role, r);
    const actualCell = ws.getCell(at("actual"));
    // The 预算执行率 actual is itself a formula: the engine takes the value the sheet computes.
    const actual = row.actualFromBudget ? hf.read(ws.name, at("actual")) : plain(actualCell.value);
    const result = scoreRow({
      rule: L.col.rule ? (plain(ws.getCell(at("rule")).value) as string) : "",
      target: plain(ws.getCell(at("target")).value) as string | number,
      actual: actual as string | number,
      weight: plain(ws.getCell(at("weight")).value) as number,
      name: row.level3,
      actualFormat: actualCell.numFmt ?? null,
    });
    if (!result.ok || result.score === null) throw new Error(`${def.id} ${row.level3}：引擎未给出得分 ${result.ok ? "（需人工）" : result.error}`);
    const role = scoreRole(def);
    return { name: row.level3, engine: result.score, hf: num(hf.read(ws.name, at(role))), lo: num(cellValue(los.getCell(at(role)))) };
  });
}

describe.each(TEMPLATES.map((t) => [t.id, t.name] as const))("template %s (%s) with example values", (id) => {
  it("engine, HyperFormula and LibreOffice agree on every row", () => {
    const rows = engineRows(scored[id]);
    expect(rows.length).toBe(scored[id].def.rows.length);
    for (const row of rows) {
      expect({ name: row.name, hf: row.hf !== null && Math.abs(row.hf - row.engine) <= TOLERANCE, lo: row.lo !== null && Math.abs(row.lo - row.engine) <= TOLERANCE }).toEqual({ name: row.name, hf: true, lo: true });
    }
  });

  it("engine, HyperFormula and LibreOffice agree on the total and the grade", () => {
    const s = scored[id];
    const rows = engineRows(s);
    const engineTotal = Math.round(rows.reduce((sum, r) => sum + r.engine * 100, 0)) / 100;
    const L = computeLayout(s.def);
    const totalCell = cellOf(L, scoreRole(s.def), L.totalRow);
    const gradeCell = cellOf(L, scoreRole(s.def), L.gradeRow);
    const hfTotal = num(s.hf.read(s.wb.worksheets[0].name, totalCell));
    const loTotal = num(cellValue(s.lo.worksheets[0].getCell(totalCell)));
    expect(hfTotal).not.toBeNull();
    expect(loTotal).not.toBeNull();
    expect(Math.abs(hfTotal! - engineTotal)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(loTotal! - engineTotal)).toBeLessThanOrEqual(TOLERANCE);
    const expected = grade(engineTotal, s.def.gradeScheme).grade;
    expect(s.hf.read(s.wb.worksheets[0].name, gradeCell)).toBe(expected);
    expect(cellValue(s.lo.worksheets[0].getCell(gradeCell))).toBe(expected);
  });
});
