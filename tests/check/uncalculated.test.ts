/**
 * Formulas saved without a result (jx template --example writes them so; so do other non-calculating
 * writers): evaluated where JX can, 未计算 otherwise — never "missing", never replaced in the copy.
 */
import { HyperFormula } from "hyperformula";
import { buildTemplate, listTemplates } from "../../src/templates";
import { loadWorkbook } from "../../src/adapters/xlsx";
import { checkedCopyWithReport, workbookToGrids } from "../../src/adapters/xlsx-core";
import { buildPlan, checkWorkbook } from "../../src/check";
import { calculateUncached } from "../../src/check/uncalculated";
import type { Grid } from "../../src/sheet/types";

function grid(name: string, rows: (string | number | null | { f: string })[][]): Grid {
  return {
    name,
    rowCount: rows.length,
    colCount: Math.max(...rows.map((r) => r.length)),
    cells: rows.map((r) => r.map((v) => (v === null ? undefined : typeof v === "object" ? { value: null, formula: v.f } : { value: v }))),
    merges: [],
  };
}

test("arithmetic, comparisons, IF/AND/OR/NOT, SUM/MIN/MAX/COUNT/AVERAGE, ROUND*, INT, ABS, ISNUMBER over cells and chains", () => {
  const g = grid("表", [
    [1, 2, 0.95, "健全", { f: "SUM(A1:C1)" }],
    [{ f: "E1*2" }, { f: 'IF(D1="健全",5,0)' }, { f: "ROUND(C1/0.9*3,2)" }, { f: "MIN(3,MAX(A1,B1))" }, { f: "IF(AND(C1>=0.9,NOT(ISNUMBER(D1))),ROUNDUP(1.21,1),0)" }],
    [{ f: "'表'!A2-1" }, { f: "INT(-1.5)+ABS(-2)" }, { f: 'D1&"完成"' }, { f: "AVERAGE(A1:B1)+COUNT(A1:D1)" }, { f: "A3+Z99" }],
    [{ f: "VLOOKUP(1,A1:B1,2)" }, { f: "D4" }, { f: "A1/0" }, { f: "C4" }, { f: "10%*A1" }],
  ]);
  const { grids, cells } = calculateUncached([g]);
  const v = (r: number, c: number) => grids[0].cells[r][c]?.value;
  expect([v(0, 4), v(1, 0), v(1, 1), v(1, 2), v(1, 3), v(1, 4)]).toEqual([3.95, 7.9, 5, 3.17, 2, 1.3]);
  expect([v(2, 0), v(2, 1), v(2, 2), v(2, 3), v(2, 4), v(3, 4)]).toEqual([6.9, 0, "健全完成", 4.5, 6.9, 0.1]);
  // Unsupported function, a cell depending on it, a cycle and an error: left without a value, listed.
  expect([v(3, 0), v(3, 1), v(3, 2), v(3, 3)]).toEqual([null, null, null, null]);
  expect(cells.filter((c) => c.value === undefined).map((c) => c.cell)).toEqual(["A4", "B4", "C4", "D4"]);
  // The input grid is not changed.
  expect(g.cells[0][4]?.value).toBeNull();
});

test("every template's native score formulas evaluate as HyperFormula does, on its example data", async () => {
  let compared = 0;
  for (const t of listTemplates()) {
    const bytes = await buildTemplate(t.id, { formulas: "native", example: true });
    const grids = workbookToGrids(await loadWorkbook(Buffer.from(bytes)));
    const { grids: calculated, cells } = calculateUncached(grids);
    const hf = HyperFormula.buildFromSheets(
      Object.fromEntries(grids.map((g) => [g.name, g.cells.map((row) => Array.from({ length: g.colCount }, (_, c) => (row[c]?.formula ? `=${row[c]!.formula}` : (row[c]?.value as string | number | null) ?? null)))])),
      { licenseKey: "gpl-v3" },
    );
    for (const u of cells) {
      if (u.value === undefined) continue;
      const g = calculated.find((x) => x.name === u.sheet)!;
      const sheetId = hf.getSheetId(u.sheet)!;
      const pos = /^([A-Z]+)(\d+)$/.exec(u.cell)!;
      let col = 0;
      for (const ch of pos[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      const expected = hf.getCellValue({ sheet: sheetId, row: Number(pos[2]) - 1, col: col - 1 });
      const got = g.cells[Number(pos[2]) - 1][col - 1]?.value;
      if (typeof expected === "number") expect(got).toBeCloseTo(expected, 9);
      else expect(got).toEqual(expected);
      compared++;
    }
    hf.destroy();
  }
  expect(compared).toBeGreaterThan(20);
});

test("jx template --example: score formulas without results are checked (not missing), and the copy keeps every formula", async () => {
  const t = listTemplates()[0];
  const bytes = await buildTemplate(t.id, { formulas: "native", example: true });
  const grids = workbookToGrids(await loadWorkbook(Buffer.from(bytes)));
  const result = checkWorkbook(grids);
  expect(result.findings.filter((f) => f.kind === "score-missing")).toEqual([]);
  const info = result.findings.filter((f) => f.kind === "score-uncalculated");
  expect(info.length).toBeGreaterThan(0);
  expect(info[0].message).toMatch(/在文件中未计算；JX 按公式算得/);
  const plan = buildPlan(result, { fillMissing: true, annotate: true, overwriteDiverging: true, formulas: "values" });
  for (const a of plan.actions) if (a.kind === "set-value" || a.kind === "set-formula") expect(result.formulaCells.has(`${a.sheet}\u0000${a.cell}`)).toBe(false);
  const { bytes: out, report } = checkedCopyWithReport(bytes, plan, result.findings);
  expect(report.formulasKept).toEqual([]);
  const back = workbookToGrids(await loadWorkbook(Buffer.from(out)));
  for (const g of grids) {
    const b = back.find((x) => x.name === g.name)!;
    g.cells.forEach((row, r) => row.forEach((cell, c) => cell?.formula && expect(b.cells[r][c]?.formula).toBe(cell.formula)));
  }
});

test("a score formula JX cannot evaluate is 未计算 with what to do, not missing, and is not filled", () => {
  const g = grid("自评表", [
    ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "评分标准", "得分"],
    ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, "完成目标得满分，未完成按比例得分", { f: "VLOOKUP(C2,Z1:Z9,1)" }],
    ["效益指标", "满意度", "满意度", "≥90%", "95%", 50, "完成目标得满分，未完成按比例得分", 50],
    ["合计", null, null, null, null, 100, null, { f: "SUM(H2:H3)" }],
  ]);
  const result = checkWorkbook([g]);
  const un = result.findings.filter((f) => f.kind === "score-uncalculated");
  expect(un.map((f) => [f.cell, f.severity])).toEqual([["H2", "warning"], ["H4", "warning"]]);
  expect(un[0].message).toContain("请先在 Excel 或 WPS 中打开该文件并保存");
  expect(result.findings.filter((f) => f.kind === "score-missing")).toEqual([]);
  const plan = buildPlan(result);
  expect(plan.actions.filter((a) => a.kind === "set-value" || a.kind === "set-formula")).toEqual([]);
});
