/** Grid[] -> tables, findings and per-table summaries: the one-click "validate sheet". */
import { resolveOptions } from "../rules/options";
import type { ScoringOptions } from "../rules/types";
import { detectTables } from "../sheet/detect";
import type { IndicatorTable } from "../sheet/model";
import type { Grid } from "../sheet/types";
import { round2 } from "./labels";
import { noTableFinding, readingFindings, tableReport } from "./reading";
import { leafWeights, totalFindings, weightFindings } from "./table-findings";
import type { CheckOptions, CheckResult, Finding, TableSummary } from "./types";
import { RuleCache, scoreUnit, type ScoredUnit } from "./unit";
import { unitFindings } from "./unit-findings";
import { calculateUncached, type UncalculatedCell } from "./uncalculated";
import { joinContinuedTables } from "./continued";
import Decimal from "decimal.js";

export const DEFAULT_TOLERANCE = 0.005;

export interface CheckedUnit extends ScoredUnit {
  findings: Finding[];
}

export interface CheckedTable {
  table: IndicatorTable;
  units: CheckedUnit[];
  summary: TableSummary;
  /** Findings about the whole table (weights, total, grade). */
  findings: Finding[];
}

export interface WorkbookCheck extends CheckResult {
  /** What the plan builder and the task pane need: tables with their scored units. */
  details: CheckedTable[];
  options: ScoringOptions;
  tolerance: number;
  /** "sheet\u0000A1" of every cell holding a formula: a plan never writes a value or formula into them. */
  formulaCells: Set<string>;
}

export function checkWorkbook(sheets: Grid[], options?: Partial<ScoringOptions & CheckOptions>): WorkbookCheck {
  const { tolerance = DEFAULT_TOLERANCE, tables: overrides = [], ...scoring } = options ?? {};
  const resolved = resolveOptions(scoring);
  const details: CheckedTable[] = [];
  const rules = RuleCache.shared;
  // Formulas saved without a result are evaluated where JX can; the score cells among them are 未计算.
  const calculated = calculateUncached(sheets);
  for (const grid of calculated.grids) {
    const checked = detectTables(grid, overrides).map((table) => checkTable(table, resolved, tolerance, rules));
    joinContinuedTables(checked, tolerance, resolved.gradeScheme);
    details.push(...checked);
  }
  const uncalculated = uncalculatedFindings(details, calculated.cells);
  const findings = details.flatMap((d) => [...d.units.flatMap((u) => u.findings), ...d.findings]);
  // No table anywhere: said as a finding (counted in the summary; `jx check` exits 1), never "0 problems".
  if (details.length === 0) findings.push(noTableFinding(sheets));
  const formulaCells = new Set<string>();
  for (const grid of sheets) grid.cells.forEach((row, r) => row.forEach((cell, c) => cell?.formula && formulaCells.add(`${grid.name}\u0000${a1(r, c)}`)));
  return { tables: details.map((d) => d.summary), findings: sortFindings([...findings, ...uncalculated]), details, options: resolved, tolerance, formulaCells };
}

/**
 * A score or total cell whose formula has no saved result: never "missing". Evaluated, it is checked with
 * JX's value and an info says so; not evaluable, its score-missing finding becomes a 未计算 warning.
 */
function uncalculatedFindings(details: CheckedTable[], cells: UncalculatedCell[]): Finding[] {
  const byCell = new Map(cells.map((c) => [`${c.sheet}\u0000${c.cell}`, c]));
  const extra: Finding[] = [];
  const seen = new Set<string>();
  const shown = (f: string) => (f.length > 60 ? `${f.slice(0, 60)}…` : f);
  const visit = (sheet: string, address: string | undefined, list: Finding[]) => {
    const u = address ? byCell.get(`${sheet}\u0000${address}`) : undefined;
    if (!u || seen.has(`${sheet}\u0000${address}`)) return;
    seen.add(`${sheet}\u0000${address}`);
    if (u.value === undefined) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i].kind === "score-missing" && list[i].cell === address) list.splice(i, 1);
      extra.push({
        sheet, cell: u.cell, kind: "score-uncalculated", severity: "warning", reported: null, computed: null,
        message: `单元格${u.cell}的公式（=${shown(u.formula)}）在文件中没有计算结果，JX 无法计算该公式，未核对这一得分。请先在 Excel 或 WPS 中打开该文件并保存（会计算全部公式），再校验。`,
      });
    } else {
      extra.push({
        sheet, cell: u.cell, kind: "score-uncalculated", severity: "info", reported: typeof u.value === "number" ? u.value : String(u.value ?? ""), computed: null,
        message: `单元格${u.cell}的公式（=${shown(u.formula)}）在文件中未计算；JX 按公式算得${typeof u.value === "number" ? String(Number(u.value.toFixed(2))) : `“${String(u.value)}”`}并据此核对。在 Excel 或 WPS 中打开并保存即可写入计算结果。`,
      });
    }
  };
  for (const d of details) {
    for (const unit of d.units) visit(d.table.sheet, unit.block.scoreCell?.address, unit.findings);
    visit(d.table.sheet, d.table.total?.scoreCell?.address, d.findings);
  }
  return extra;
}

function a1(row: number, col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

function checkTable(table: IndicatorTable, options: ScoringOptions, tolerance: number, rules: RuleCache): CheckedTable {
  const units: CheckedUnit[] = table.blocks.map((block) => {
    // The scored unit itself gains its findings (a copy of every unit would only feed the garbage collector).
    const unit = scoreUnit(table, block, options, rules) as CheckedUnit;
    unit.findings = unitFindings(unit, tolerance);
    return unit;
  });
  const totals = totalFindings(table, units, tolerance, options.gradeScheme);
  const findings = [...readingFindings(table, units), ...weightFindings(table, units, tolerance), ...totals.findings];
  const weightSum = leafWeights(units);
  return {
    table,
    units,
    findings,
    summary: {
      sheet: table.sheet,
      range: table.rangeA1,
      indicators: table.rows.length,
      weightSum: round2(weightSum),
      ...totals.summary,
      reading: tableReport(table, units),
    },
  };
}

/** Sheet order is kept by the caller's order; within a sheet, top to bottom, left to right. */
function sortFindings(findings: Finding[]): Finding[] {
  const sheetOrder = new Map<string, number>();
  findings.forEach((f) => sheetOrder.has(f.sheet) || sheetOrder.set(f.sheet, sheetOrder.size));
  const pos = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  // Each finding's place computed once, not at every comparison; the sort is stable, as before.
  const keyed = findings.map((f) => {
    const [row, col] = pos(f.cell);
    return { f, sheet: sheetOrder.get(f.sheet) ?? 0, row, col };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col);
  return keyed.map((k) => k.f);
}
