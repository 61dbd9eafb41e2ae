import type ExcelJS from "exceljs";
import { buildTemplate, buildTemplateBase64, listTemplates, TEMPLATES, TemplateError } from "../../src/templates";
import type { TemplateDef } from "../../src/templates";
import { cellOf, computeLayout } from "../../src/templates/layout";
import { loadWorkbook, plain, toHyperFormula } from "./sheets";
import { registerJxScore } from "./jx-plugin";
import { functionNames, PORTABLE_FUNCTIONS } from "../formula/hf";

function scoreRole(def: TemplateDef): "score" | "verifiedScore" {
  return def.columns.some((c) => c.role === "score") ? "score" : "verifiedScore";
}

describe("template list", () => {
  it("has the four standard templates, each with a Chinese name, a version and a source note", () => {
    expect(listTemplates().map((t) => t.id)).toEqual(["dept-self", "dept-eval", "project", "verify"]);
    for (const t of TEMPLATES) {
      expect(t.name).toMatch(/[\u4e00-\u9fff]/);
      expect(t.version).toMatch(/^\d{4}\.\d+$/);
      expect(t.source.length).toBeGreaterThan(20);
    }
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: leaf weights sum to 100", (_id, t) => {
    expect(t.rows.reduce((s, r) => s + r.weight, 0)).toBe(100);
  });

  it("the national project form has 产出50、效益30、满意度10、预算执行率10 and no rule column", () => {
    const t = TEMPLATES.find((x) => x.id === "project")!;
    const by = (l1: string) => t.rows.filter((r) => r.level1.startsWith(l1)).reduce((s, r) => s + r.weight, 0);
    expect([by("产出"), by("效益"), by("满意度"), by("预算执行率")]).toEqual([50, 30, 10, 10]);
    expect(t.columns.some((c) => c.role === "rule")).toBe(false);
  });

  it("an unknown id is a Chinese error listing the templates", async () => {
    await expect(buildTemplate("nope", { formulas: "native", example: false })).rejects.toThrow(TemplateError);
    await expect(buildTemplate("nope", { formulas: "native", example: false })).rejects.toThrow(/没有编号为“nope”的标准模板.*dept-self/);
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s as a workbook", (id, def) => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  const L = computeLayout(def);
  beforeAll(async () => {
    wb = await loadWorkbook(await buildTemplate(id, { formulas: "native", example: false }));
    ws = wb.worksheets[0];
  });

  it("has the headers officials expect and merged level-1 cells", () => {
    const header = L.headerRows[L.headerRows.length - 1];
    for (const c of def.columns) {
      const col = def.columns.indexOf(c) + 1;
      const text = c.group ? plain(ws.getCell(header, col).value) : plain(ws.getCell(L.headerRows[0], col).value);
      expect(text).toBe(c.header);
    }
    const first = L.firstDataRow;
    const run = def.rows.filter((r) => r.level1 === def.rows[0].level1).length;
    if (run > 1) expect(ws.getCell(first + run - 1, 1).isMerged).toBe(true);
  });

  it("is protected without a password, with inputs unlocked and structure and formulas locked", () => {
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    def.rows.forEach((row, i) => {
      const r = L.firstDataRow + i;
      expect(ws.getCell(cellOf(L, "actual", r)).protection?.locked).toBe(row.actualFromBudget ? undefined : false);
      expect(ws.getCell(cellOf(L, "target", r)).protection?.locked).not.toBe(false);
      expect(ws.getCell(cellOf(L, "weight", r)).protection?.locked).not.toBe(false);
      const score = ws.getCell(cellOf(L, scoreRole(def), r));
      if (score.formula) expect(score.protection?.locked).not.toBe(false);
      else expect(score.protection?.locked).toBe(false); // a score only a person can give
    });
    expect(ws.getCell(cellOf(L, scoreRole(def), L.totalRow)).protection?.locked).not.toBe(false);
  });

  it("validates every input 实际值", () => {
    def.rows.forEach((row, i) => {
      if (row.actualFromBudget) return;
      const v = ws.getCell(cellOf(L, "actual", L.firstDataRow + i)).dataValidation;
      expect(v?.type).toBe({ percent: "decimal", number: "decimal", count: "whole", text: "textLength" }[row.actualKind]);
      expect(v?.error).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it("has total and grade formulas and a 说明 sheet with version and source", () => {
    expect(ws.getCell(cellOf(L, scoreRole(def), L.totalRow)).formula).toMatch(/^IF\(COUNT\(.*SUM\(/);
    expect(ws.getCell(cellOf(L, scoreRole(def), L.gradeRow)).formula).toContain("IF(");
    const notes = wb.getWorksheet("说明")!;
    const text: string[] = [];
    notes.eachRow((row) => row.eachCell((c) => text.push(String(plain(c.value)))));
    expect(text.join("\n")).toContain(def.version);
    expect(text.join("\n")).toContain(def.source);
  });

  it("uses only functions Excel, WPS, LibreOffice and HyperFormula all have, within Excel's formula length", () => {
    const used = new Set<string>();
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (!c.formula) return;
        expect(c.formula.length).toBeLessThanOrEqual(8192);
        for (const f of functionNames(c.formula)) used.add(f);
      }),
    );
    expect([...used].filter((f) => !PORTABLE_FUNCTIONS.has(f))).toEqual([]);
    expect(used.has("ROUND")).toBe(true);
  });

  it("shows blanks, not errors, while empty", () => {
    const { read } = toHyperFormula(wb);
    def.rows.forEach((_row, i) => {
      const score = ws.getCell(cellOf(L, scoreRole(def), L.firstDataRow + i));
      if (score.formula) expect(read(ws.name, score.address)).toBe("");
    });
    expect(read(ws.name, cellOf(L, scoreRole(def), L.totalRow))).toBe("");
    expect(read(ws.name, cellOf(L, scoreRole(def), L.gradeRow))).toBe("");
  });
});

describe("--formulas jx", () => {
  beforeAll(() => registerJxScore());

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: =JX.SCORE cells score as the native formulas", async (id, def) => {
    const L = computeLayout(def);
    const jx = await loadWorkbook(await buildTemplate(id, { formulas: "jx", example: true }));
    const native = await loadWorkbook(await buildTemplate(id, { formulas: "native", example: true }));
    const a = toHyperFormula(jx);
    const b = toHyperFormula(native);
    const name = jx.worksheets[0].name;
    def.rows.forEach((_row, i) => {
      const addr = cellOf(L, scoreRole(def), L.firstDataRow + i);
      const f = jx.worksheets[0].getCell(addr).formula;
      if (!f) return;
      expect(f).toContain("JX.SCORE(");
      expect(a.read(name, addr)).toBeCloseTo(b.read(name, addr) as number, 2);
    });
    expect(a.read(name, cellOf(L, scoreRole(def), L.totalRow))).toBeCloseTo(b.read(name, cellOf(L, scoreRole(def), L.totalRow)) as number, 2);
  });
});

describe("for the task pane", () => {
  it("buildTemplateBase64 gives a workbook Excel can insert", async () => {
    const b64 = await buildTemplateBase64("dept-self", { formulas: "native", example: true });
    expect(b64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const wb = await loadWorkbook(Uint8Array.from(Buffer.from(b64, "base64")));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["部门整体支出绩效自评表", "说明"]);
  });
});
