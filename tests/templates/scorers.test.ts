import type ExcelJS from "exceljs";
import { scoreRow } from "../../src/rules";
import { grade } from "../../src/rules/grade";
import { buildTemplate, TEMPLATES } from "../../src/templates";
import type { TemplateDef } from "../../src/templates";
import { cellOf, computeLayout } from "../../src/templates/layout";
import { cellValue, loadWorkbook, plain, toHyperFormula, type Plain } from "./sheets";
import { recalculateWithLibreOffice } from "./libreoffice";
import { workbookToGrids } from "../../src/adapters/xlsx";
import { checkWorkbook } from "../../src/check";

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
/** LibreOffice's recalculated files, as bytes, for the sheet check. */
const recalculatedFiles: Record<string, Buffer> = {};

beforeAll(async () => {
  const files: Record<string, Uint8Array> = {};
  for (const def of TEMPLATES) files[def.id] = await buildTemplate(def.id, { formulas: "native", example: true });
  const recalculated = recalculateWithLibreOffice(files);
  Object.assign(recalculatedFiles, recalculated);
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

/** Findings that would mean a template's own formulas score differently from the engine. */
const DIVERGENCE = ["score-diverges", "score-exceeds-weight", "total-diverges", "grade-diverges", "weight-sum", "weight-children", "score-missing"];

describe.each(TEMPLATES.map((t) => [t.id] as const))("the sheet check on template %s recalculated by LibreOffice", (id) => {
  it("finds the table and reports no divergence in the template's computed scores", () => {
    const def = scored[id].def;
    const L = computeLayout(def);
    const check = checkWorkbook(workbookToGrids(scored[id].lo), { gradeScheme: def.gradeScheme });
    expect(check.tables).toHaveLength(1);
    expect(check.tables[0].indicators).toBe(def.rows.length);
    expect(check.tables[0].weightSum).toBe(100);
    // In the 核查表 the department's typed 自评得分 diverge on purpose; the computed 核查得分 column must not.
    const scoreColumn = cellOf(L, scoreRole(def), L.firstDataRow).replace(/\d+$/, "");
    const divergent = check.findings.filter((f) => DIVERGENCE.includes(f.kind) && (def.id !== "verify" || f.cell.startsWith(scoreColumn)));
    expect(divergent.map((f) => `${f.cell} ${f.kind} ${f.message}`)).toEqual([]);
    // The check's reported total is the 自评 total; in the 核查表 that is the department's, so compare the 核查 total.
    const reportedTotal = def.id === "verify" ? num(cellValue(scored[id].lo.worksheets[0].getCell(cellOf(L, "verifiedScore", L.totalRow)))) : check.tables[0].total.reported;
    expect(Math.abs(reportedTotal! - check.tables[0].total.computed!)).toBeLessThanOrEqual(TOLERANCE);
  });
});
