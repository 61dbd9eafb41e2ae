/** Grid[] -> tables, findings and per-table summaries: the one-click "validate sheet". */
import { resolveOptions } from "../rules/options";
import type { ScoringOptions } from "../rules/types";
import { detectTables } from "../sheet/detect";
import type { IndicatorTable } from "../sheet/model";
import type { Grid } from "../sheet/types";
import { round2 } from "./labels";
import { totalFindings, weightFindings } from "./table-findings";
import type { CheckOptions, CheckResult, Finding, TableSummary } from "./types";
import { RuleCache, scoreUnit, type ScoredUnit } from "./unit";
import { unitFindings } from "./unit-findings";
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
}

export function checkWorkbook(sheets: Grid[], options?: Partial<ScoringOptions & CheckOptions>): WorkbookCheck {
  const { tolerance = DEFAULT_TOLERANCE, ...scoring } = options ?? {};
  const resolved = resolveOptions(scoring);
  const details: CheckedTable[] = [];
  const rules = new RuleCache();
  for (const grid of sheets) {
    for (const table of detectTables(grid)) details.push(checkTable(table, resolved, tolerance, rules));
  }
  const findings = details.flatMap((d) => [...d.units.flatMap((u) => u.findings), ...d.findings]);
  return { tables: details.map((d) => d.summary), findings: sortFindings(findings), details, options: resolved, tolerance };
}

function checkTable(table: IndicatorTable, options: ScoringOptions, tolerance: number, rules: RuleCache): CheckedTable {
  const units: CheckedUnit[] = table.blocks.map((block) => {
    const unit = scoreUnit(table, block, options, rules);
    return { ...unit, findings: unitFindings(unit, tolerance) };
  });
  const totals = totalFindings(table, units, tolerance, options.gradeScheme);
  const findings = [...weightFindings(table, units, tolerance), ...totals.findings];
  const weightSum = units.reduce((s, u) => (u.block.weight === null ? s : s.plus(u.block.weight)), new Decimal(0));
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
  return [...findings].sort((a, b) => {
    const s = (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0);
    if (s !== 0) return s;
    const [ra, ca] = pos(a.cell);
    const [rb, cb] = pos(b.cell);
    return ra - rb || ca - cb;
  });
}
