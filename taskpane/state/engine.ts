/** The pane's one door to the engine: check grids with the pane's settings, group findings for display. */
import { buildPlan, checkWorkbook, type PlanOptions, type WorkbookCheck } from "../../src/check";
import type { Finding, FindingKind, Plan, Severity, TableSummary } from "../../src/check/types";
import { parseRangeA1 } from "../../src/sheet/address";
import { parseA1 } from "../../src/sheet/address";
import type { TableOverride } from "../../src/sheet/override";
import type { Grid } from "../../src/sheet/types";
import { scoringOptions, type PaneSettings } from "./settings";

export type { WorkbookCheck, PlanOptions };

/** `tables`: the user's corrections of the reading (the mapping editor, 识别所选区域). */
export function runCheck(grids: Grid[], settings: PaneSettings, tables: TableOverride[] = []): WorkbookCheck {
  return checkWorkbook(grids, { ...scoringOptions(settings), tolerance: settings.tolerance, tables });
}

export function makePlan(result: WorkbookCheck, options: Partial<PlanOptions>): Plan {
  return buildPlan(result, options);
}

/** How many reported scores an overwrite would replace: the cells only the overwrite option writes. */
export function overwriteCount(result: WorkbookCheck, formulas: PlanOptions["formulas"]): number {
  const writes = (p: Plan) => new Set(p.actions.filter((a) => a.kind === "set-value" || a.kind === "set-formula").map((a) => `${a.sheet}!${a.cell}`));
  const without = writes(buildPlan(result, { fillMissing: true, annotate: false, overwriteDiverging: false, formulas }));
  const withOverwrite = writes(buildPlan(result, { fillMissing: true, annotate: false, overwriteDiverging: true, formulas }));
  return [...withOverwrite].filter((k) => !without.has(k)).length;
}

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export interface KindGroup {
  kind: FindingKind;
  findings: Finding[];
}
export interface SeverityGroup {
  severity: Severity;
  count: number;
  kinds: KindGroup[];
}

/** Findings grouped by severity (errors first), then by kind in order of first appearance. */
export function groupFindings(findings: Finding[]): SeverityGroup[] {
  return SEVERITY_ORDER.map((severity) => {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    const kinds = new Map<FindingKind, Finding[]>();
    for (const f of ofSeverity) kinds.set(f.kind, [...(kinds.get(f.kind) ?? []), f]);
    return { severity, count: ofSeverity.length, kinds: [...kinds].map(([kind, list]) => ({ kind, findings: list })) };
  }).filter((g) => g.count > 0);
}

/** The findings whose cell lies in a table's range (a total or grade row lies inside it too). */
export function findingsOfTable(findings: Finding[], table: TableSummary): Finding[] {
  const range = parseRangeA1(table.range);
  if (!range) return findings.filter((f) => f.sheet === table.sheet);
  return findings.filter((f) => {
    if (f.sheet !== table.sheet) return false;
    const p = parseA1(f.cell);
    return p !== null && p.row >= range.top && p.row <= range.bottom && p.col >= range.left && p.col <= range.right;
  });
}
