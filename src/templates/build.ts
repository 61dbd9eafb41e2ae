import ExcelJS from "exceljs";
import type { Cell, Worksheet } from "exceljs";
import type { BuildOptions, TemplateDef, TemplateRow } from "./types";
import { findTemplate, unknownTemplateMessage } from "./registry";
import { cellOf, columnLetter, computeLayout, type Layout } from "./layout";
import { scoreCell } from "./scoreFormula";
import { gradeFormula } from "./grade";
import { writeNotesSheet } from "./notesSheet";
import { validationFor, scoreValidation } from "./validation";
import { BORDER, CENTER, FILL_HEADER, FILL_INPUT, FILL_MANUAL, FILL_TOTAL, FONT, FONT_BOLD, FONT_TITLE, FORMAT_PERCENT, FORMAT_SCORE, LEFT } from "./styles";

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

/** Sheet names are at most 31 characters in Excel. */
export function sheetName(t: TemplateDef): string {
  return t.name.length <= 31 ? t.name : t.name.slice(0, 31);
}

function input(cell: Cell, fill = FILL_INPUT): void {
  cell.protection = { locked: false };
  cell.fill = fill;
}

function framed(cell: Cell, bold = false, align = CENTER): void {
  cell.border = BORDER;
  cell.font = bold ? FONT_BOLD : FONT;
  cell.alignment = align;
}

function writeTitleAndInfo(ws: Worksheet, t: TemplateDef, L: Layout, example: boolean): void {
  ws.mergeCells(L.titleRow, 1, L.titleRow, L.lastCol);
  const title = ws.getCell(L.titleRow, 1);
  title.value = t.title;
  title.font = FONT_TITLE;
  title.alignment = CENTER;
  ws.getRow(L.titleRow).height = 30;
  t.infoFields.forEach((f, i) => {
    const r = L.infoRows[i];
    ws.mergeCells(r, 1, r, 2);
    ws.mergeCells(r, 3, r, L.lastCol);
    const label = ws.getCell(r, 1);
    label.value = f.label;
    framed(label, true);
    const value = ws.getCell(r, 3);
    if (example) value.value = f.example;
    framed(value, false, LEFT);
    input(value);
  });
}

/** 预算执行情况: 年初预算数 / 全年预算数 / 全年执行数 typed, 执行率 computed. Returns the 执行率 cell. */
function writeBudget(ws: Worksheet, t: TemplateDef, L: Layout, example: boolean): string | null {
  if (!L.budget || !t.budget) return null;
  const { labelRow, valueRow } = L.budget;
  ws.mergeCells(labelRow, 1, valueRow, 2);
  const head = ws.getCell(labelRow, 1);
  head.value = "预算执行情况（万元）";
  framed(head, true);
  const labels = ["年初预算数", "全年预算数", "全年执行数", "执行率"];
  labels.forEach((text, i) => {
    const c = ws.getCell(labelRow, 3 + i);
    c.value = text;
    framed(c, true);
    c.fill = FILL_HEADER;
  });
  const budgetRef = `${columnLetter(4)}${valueRow}`;
  const spentRef = `${columnLetter(5)}${valueRow}`;
  const values: (number | null)[] = example ? [t.budget.exampleBudget, t.budget.exampleBudget, t.budget.exampleSpent] : [null, null, null];
  values.forEach((v, i) => {
    const c = ws.getCell(valueRow, 3 + i);
    c.value = v;
    c.numFmt = "#,##0.00";
    framed(c);
    input(c);
    c.dataValidation = { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, showErrorMessage: true, errorTitle: "金额无效", error: "请填写不小于0的金额（万元）" };
  });
  const rate = ws.getCell(valueRow, 6);
  rate.value = { formula: `IF(OR(${budgetRef}="",${spentRef}=""),"",IF(${budgetRef}<=0,NA(),${spentRef}/${budgetRef}))` } as ExcelJS.CellFormulaValue;
  rate.numFmt = FORMAT_PERCENT;
  framed(rate);
  return rate.address;
}

function writeHeader(ws: Worksheet, t: TemplateDef, L: Layout): void {
  const [top, second] = L.headerRows;
  t.columns.forEach((c, i) => {
    const col = i + 1;
    if (second === undefined) {
      ws.getCell(top, col).value = c.header;
    } else if (c.group) {
      ws.getCell(second, col).value = c.header;
      ws.getCell(top, col).value = c.group;
    } else {
      ws.mergeCells(top, col, second, col);
      ws.getCell(top, col).value = c.header;
    }
    ws.getColumn(col).width = c.width;
  });
  // Merge each group's top cells ("三级指标" over 指标名称 | 指标解释说明 | 评分标准).
  if (second !== undefined) {
    let i = 0;
    while (i < t.columns.length) {
      const g = t.columns[i].group;
      let j = i;
      while (g && j + 1 < t.columns.length && t.columns[j + 1].group === g) j++;
      if (g && j > i) ws.mergeCells(top, i + 1, top, j + 1);
      i = j + 1;
    }
  }
  for (const r of L.headerRows) {
    for (let col = 1; col <= L.lastCol; col++) {
      const c = ws.getCell(r, col);
      framed(c, true);
      c.fill = FILL_HEADER;
    }
  }
}

/** Merge runs of equal level-1 (and level-2 within level-1) names, as officials lay out the tree. */
function mergeLevels(ws: Worksheet, t: TemplateDef, L: Layout): void {
  const runs = (key: (r: TemplateRow) => string, col: number | undefined) => {
    if (!col) return;
    let start = 0;
    for (let i = 1; i <= t.rows.length; i++) {
      if (i === t.rows.length || key(t.rows[i]) !== key(t.rows[start])) {
        if (i - 1 > start) ws.mergeCells(L.firstDataRow + start, col, L.firstDataRow + i - 1, col);
        start = i;
      }
    }
  };
  runs((r) => r.level1, L.col.level1);
  runs((r) => `${r.level1}\u0000${r.level2}`, L.col.level2);
}

function numberFormatFor(row: TemplateRow): string | undefined {
  if (row.actualKind === "percent") return FORMAT_PERCENT;
  if (row.actualKind === "count") return "0";
  if (row.actualKind === "number") return "#,##0.##";
  return undefined;
}

interface RowOutcome {
  scoreRef: string | null;
  manualReason: string | null;
}

function writeRow(ws: Worksheet, t: TemplateDef, L: Layout, row: TemplateRow, r: number, opts: BuildOptions, rateRef: string | null): RowOutcome {
  const set = (role: keyof Layout["col"], value: ExcelJS.CellValue, align = CENTER) => {
    if (!L.col[role]) return null;
    const c = ws.getCell(r, L.col[role]!);
    c.value = value;
    framed(c, false, align);
    return c;
  };
  set("level1", row.level1);
  set("level2", row.level2);
  set("level3", row.level3, LEFT);
  set("explanation", row.explanation ?? "", LEFT);
  set("rule", row.rule ?? "", LEFT);
  set("target", row.target);
  set("weight", row.weight);

  const actual = set("actual", null)!;
  actual.numFmt = numberFormatFor(row) ?? "General";
  if (row.actualFromBudget && rateRef) {
    actual.value = { formula: `IF(${rateRef}="","",${rateRef})` } as ExcelJS.CellFormulaValue;
  } else {
    input(actual);
    actual.dataValidation = validationFor(row);
    if (opts.example) actual.value = row.exampleActual;
  }

  const refs = { rule: L.col.rule ? cellOf(L, "rule", r) : null, target: cellOf(L, "target", r), actual: cellOf(L, "actual", r), weight: cellOf(L, "weight", r) };
  const scoreRole = L.col.score ? "score" : "verifiedScore";
  const score = set(scoreRole, null)!;
  score.numFmt = FORMAT_SCORE;
  const content = scoreCell(row, refs, opts.formulas);
  let manualReason: string | null = null;
  if (content.kind === "formula") {
    score.value = { formula: content.formula } as ExcelJS.CellFormulaValue;
  } else {
    manualReason = content.reason;
    input(score, FILL_MANUAL);
    score.dataValidation = scoreValidation(refs.weight);
    score.note = `此评分规则无法写成公式：${content.reason}。请手工填写得分。`;
    if (opts.example && row.exampleManualScore !== undefined) score.value = row.exampleManualScore;
  }

  if (L.col.selfScore) {
    const self = set("selfScore", opts.example ? row.exampleSelfScore ?? null : null)!;
    self.numFmt = FORMAT_SCORE;
    input(self);
    self.dataValidation = scoreValidation(refs.weight);
  }
  if (L.col.difference && L.col.selfScore && L.col.verifiedScore) {
    const s = cellOf(L, "selfScore", r);
    const v = cellOf(L, "verifiedScore", r);
    const diff = set("difference", { formula: `IF(OR(${s}="",${v}=""),"",ROUND(${s}-${v},2))` } as ExcelJS.CellFormulaValue)!;
    diff.numFmt = FORMAT_SCORE;
  }
  if (L.col.note) {
    const note = set("note", opts.example ? row.exampleNote ?? "" : "", LEFT)!;
    input(note);
  }
  return { scoreRef: score.address, manualReason };
}

/** 合计 and 评价结论 rows: sums, and the grade of each score column by the template's scheme. */
function writeTotals(ws: Worksheet, t: TemplateDef, L: Layout): void {
  const n = t.rows.length;
  const labelEnd = Math.max(1, (L.col.target ?? 4) - 1);
  for (const [row, label] of [[L.totalRow, "合计"], [L.gradeRow, "评价结论"]] as const) {
    ws.mergeCells(row, 1, row, labelEnd);
    const c = ws.getCell(row, 1);
    c.value = label;
    framed(c, true);
    for (let col = 1; col <= L.lastCol; col++) {
      const cell = ws.getCell(row, col);
      if (col > labelEnd) framed(cell, true);
      cell.fill = FILL_TOTAL;
    }
  }
  const range = (role: keyof Layout["col"]) => `${cellOf(L, role, L.firstDataRow)}:${cellOf(L, role, L.lastDataRow)}`;
  ws.getCell(cellOf(L, "weight", L.totalRow)).value = { formula: `SUM(${range("weight")})` } as ExcelJS.CellFormulaValue;
  for (const role of ["score", "selfScore", "verifiedScore"] as const) {
    if (!L.col[role]) continue;
    // Blank until every row has a number: a blank or failed row must not give a silently lower total.
    const total = ws.getCell(cellOf(L, role, L.totalRow));
    total.value = { formula: `IF(COUNT(${range(role)})<${n},"",ROUND(SUM(${range(role)}),2))` } as ExcelJS.CellFormulaValue;
    total.numFmt = FORMAT_SCORE;
    ws.getCell(cellOf(L, role, L.gradeRow)).value = { formula: gradeFormula(cellOf(L, role, L.totalRow), t.gradeScheme) } as ExcelJS.CellFormulaValue;
  }
  if (L.col.difference && L.col.selfScore && L.col.verifiedScore) {
    const s = cellOf(L, "selfScore", L.totalRow);
    const v = cellOf(L, "verifiedScore", L.totalRow);
    const d = ws.getCell(cellOf(L, "difference", L.totalRow));
    d.value = { formula: `IF(OR(${s}="",${v}=""),"",ROUND(${s}-${v},2))` } as ExcelJS.CellFormulaValue;
    d.numFmt = FORMAT_SCORE;
  }
}

/**
 * The template as an .xlsx (a Buffer in Node, a Uint8Array-like in the browser). Structure and formula
 * cells are locked, inputs unlocked (sheet protection without a password: 审阅 > 撤销工作表保护).
 */
export async function buildTemplate(id: string, opts: BuildOptions): Promise<Uint8Array> {
  const t = findTemplate(id);
  if (!t) throw new TemplateError(unknownTemplateMessage(id));
  const wb = new ExcelJS.Workbook();
  wb.creator = "JX";
  wb.title = t.name;
  // Formulas carry no cached results: every spreadsheet computes them on opening.
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(opts.sheetNames?.template ?? sheetName(t), { views: [{ state: "frozen", ySplit: 0 }] });
  const L = computeLayout(t);
  writeTitleAndInfo(ws, t, L, opts.example);
  const rateRef = writeBudget(ws, t, L, opts.example);
  writeHeader(ws, t, L);
  const manual: { name: string; reason: string }[] = [];
  t.rows.forEach((row, i) => {
    const out = writeRow(ws, t, L, row, L.firstDataRow + i, opts, rateRef);
    if (out.manualReason) manual.push({ name: row.level3, reason: out.manualReason });
  });
  mergeLevels(ws, t, L);
  writeTotals(ws, t, L);
  ws.views = [{ state: "frozen", ySplit: L.headerRows[L.headerRows.length - 1] }];
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  writeNotesSheet(wb, t, opts, manual);
  const buffer = await wb.xlsx.writeBuffer();
  return buffer as unknown as Uint8Array;
}
