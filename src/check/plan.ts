/** A checked workbook -> the writes a host applies in one go: missing scores, fills, notes (批注). */
import { DEFAULT_OPTIONS } from "../rules/options";
import type { ScoringOptions } from "../rules/types";
import type { CellRef } from "../sheet/model";
import type { WorkbookCheck, CheckedUnit } from "./check-workbook";
import { SEVERITY_COLORS, SEVERITY_RANK } from "./labels";
import { jxNoteText } from "./notes";
import type { Finding, Plan, PlanAction, Severity } from "./types";

export interface PlanOptions {
  /** Write the computed score into empty score cells. */
  fillMissing: boolean;
  /** Colour the cells of findings by severity and leave a note with the explanation. */
  annotate: boolean;
  /** Replace reported scores that diverge (error severity only); never without this explicit choice. */
  overwriteDiverging: boolean;
  /** Write numbers, or live =JX.SCORE(...) formulas over the row's cells where the unit is one row. */
  formulas: "values" | "jx";
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { fillMissing: true, annotate: true, overwriteDiverging: false, formulas: "values" };

/** "stepCounting=nearest;rounding=half-up-1": the options that differ from the defaults, for =JX.SCORE's 5th argument. */
export function optionsText(options: ScoringOptions): string {
  return (Object.keys(DEFAULT_OPTIONS) as (keyof ScoringOptions)[])
    .filter((k) => options[k] !== DEFAULT_OPTIONS[k])
    .map((k) => `${k}=${options[k]}`)
    .join(";");
}

/**
 * =JX.SCORE(rule, target, actual, weight[, options]) over the row's own cells; "" where the table has no
 * rule column; the check's non-default options ride along so the formula gives the same score.
 */
export function scoreFormula(unit: CheckedUnit, options?: ScoringOptions): string | null {
  if (unit.scored.length !== 1 || unit.rows.length !== 1) return null;
  const row = unit.rows[0];
  const weight = unit.block.weightSource === "column" ? unit.block.weightCell : null;
  if (!row.cells.target || !row.cells.actual || !weight) return null;
  const rule = row.rule !== null && row.cells.rule ? row.cells.rule.address : '""';
  const extra = options ? optionsText(options) : "";
  return `JX.SCORE(${rule},${row.cells.target.address},${row.cells.actual.address},${weight.address}${extra ? `,"${extra}"` : ""})`;
}

function scoreWrite(sheet: string, cell: CellRef, unit: CheckedUnit, computed: number, options: PlanOptions, scoring: ScoringOptions): PlanAction {
  const formula = options.formulas === "jx" ? scoreFormula(unit, scoring) : null;
  if (formula) return { kind: "set-formula", sheet, cell: cell.address, formula };
  return { kind: "set-value", sheet, cell: cell.address, value: computed };
}

export function buildPlan(result: WorkbookCheck, options: Partial<PlanOptions> = {}): Plan {
  const opts = { ...DEFAULT_PLAN_OPTIONS, ...options };
  const actions: PlanAction[] = [];
  for (const detail of result.details) {
    for (const unit of detail.units) {
      const cell = unit.block.scoreCell;
      if (!cell || unit.computed === null) continue;
      const missing = unit.findings.some((f) => f.kind === "score-missing" && f.cell === cell.address);
      const diverging = unit.findings.some(
        (f) => (f.kind === "score-diverges" || f.kind === "score-exceeds-weight") && f.severity === "error" && f.cell === cell.address,
      );
      if ((missing && opts.fillMissing) || (diverging && opts.overwriteDiverging)) {
        actions.push(scoreWrite(detail.table.sheet, cell, unit, unit.computed, opts, result.options));
      }
    }
    if (opts.fillMissing) {
      const total = detail.table.total;
      const missingTotal = detail.findings.find((f) => f.kind === "score-missing" && total?.scoreCell?.address === f.cell);
      if (total?.scoreCell && missingTotal && typeof missingTotal.computed === "number") {
        actions.push({ kind: "set-value", sheet: detail.table.sheet, cell: total.scoreCell.address, value: missingTotal.computed });
      }
    }
  }
  if (opts.annotate) actions.push(...annotations(result.findings));
  // A cell holding a formula is never given a value or another formula, whatever the options.
  const formulas = result.formulaCells ?? new Set<string>();
  return { actions: actions.filter((a) => (a.kind !== "set-value" && a.kind !== "set-formula") || !formulas.has(`${a.sheet}\u0000${a.cell}`)), tables: result.tables };
}

/** One fill (the most severe) and one note (all messages) per cell. */
function annotations(findings: Finding[]): PlanAction[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  const actions: PlanAction[] = [];
  for (const group of byCell.values()) {
    const { sheet, cell } = group[0];
    const severity = group.reduce<Severity>((s, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[s] ? f.severity : s), "info");
    actions.push({ kind: "fill", sheet, cell, color: SEVERITY_COLORS[severity], severity });
    actions.push({ kind: "note", sheet, cell, text: jxNoteText(group.map((f) => f.message)) });
  }
  return actions;
}
