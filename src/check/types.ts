import type { CellValue } from "../sheet/types";
import type { TableOverride } from "../sheet/override";
import type { TableReport } from "./reading";

export type FindingKind =
  | "weight-sum"
  | "weight-children"
  | "score-exceeds-weight"
  | "score-diverges"
  | "score-missing"
  | "score-uncalculated"
  | "score-out-of-range"
  | "weight-invalid"
  | "deviation-reason-missing"
  | "over-achievement"
  | "total-diverges"
  | "grade-diverges"
  | "rule-unreadable"
  | "value-unreadable"
  | "verified-differs"
  | "table-unchecked"
  | "tables-joined"
  | "no-table";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  sheet: string;
  /** A1 address of the cell the finding is about. */
  cell: string;
  kind: FindingKind;
  severity: Severity;
  reported: number | string | null;
  computed: number | string | null;
  /** Chinese, for a finance officer. */
  message: string;
  /** The other reading the reported score matches, when it does (RULES.md ambiguities). */
  reading?: string;
}

/** Writes a host applies in one go. Built by the engine, applied by src/adapters. */
export type PlanAction =
  | { kind: "set-value"; sheet: string; cell: string; value: CellValue }
  | { kind: "set-formula"; sheet: string; cell: string; formula: string }
  | { kind: "fill"; sheet: string; cell: string; color: string; severity: Severity }
  | { kind: "note"; sheet: string; cell: string; text: string };

export interface Plan {
  actions: PlanAction[];
  /** The tables read, for the 识别情况 rows of the 校验结果 sheet. */
  tables?: TableSummary[];
}

/** Scoring options plus the divergence tolerance (default 0.005). */
export interface CheckOptions {
  tolerance: number;
  /** The user's corrections of the reading (--table/--columns, the pane's mapping editor, jx-defaults.json). */
  tables: TableOverride[];
}

export interface TableSummary {
  sheet: string;
  /** A1 range of the table, header included ("A20:I48"). */
  range: string;
  indicators: number;
  weightSum: number;
  total: { reported: number | null; computed: number | null };
  grade: { reported: string | null; computed: string | null };
  /** What was read: mapping, header rows, rows read/with weight/with score/computed, and why the rest not. */
  reading?: TableReport;
  /**
   * Consecutive blocks checked as one table (src/check/continued.ts): on the block holding the total, the whole
   * table's ranges, indicators and weights; the other blocks name that block in `partOf`.
   */
  joined?: { ranges: string[]; indicators: number; weightSum: number };
  partOf?: string;
}

export interface CheckResult {
  tables: TableSummary[];
  findings: Finding[];
}
