/**
 * The user's correction of what was read, as the pane and the browser page edit it: each table's columns
 * with their roles and its header rows, turned into a TableOverride (src/sheet/override.ts) for the next
 * check. In Excel the overrides are kept with the workbook (document settings, TABLES_KEY); in the browser
 * page for the session.
 */
import type { TableReport } from "../../src/check/reading";
import type { TableSummary } from "../../src/check/types";
import { columnLetters, parseRangeA1, rangeA1 } from "../../src/sheet/address";
import { bandPaths, rawColumns } from "../../src/sheet/columns";
import { MergeIndex } from "../../src/sheet/merges";
import { ROLE_NAMES, columnIndex, columnsAsLetters, parseTableSpec, type OverrideRole, type TableOverride } from "../../src/sheet/override";
import type { CellRange, Grid } from "../../src/sheet/types";

export const TABLES_KEY = "jx.tables";

/**
 * The roles a column can be given in the pane, in the dropdown's order: issue 10's list, and a level's own 权重
 * column (一级指标 | 分值 | 二级指标 | 分值, 海南) after the leaf 权重.
 */
export const PANE_ROLES: OverrideRole[] = ["level1", "level2", "level3", "target", "actual", "weight", "level1Weight", "level2Weight", "level3Weight", "rule", "score", "verified", "explanation", "ignore"];

const OVERRIDE_ROLES = new Set<string>(Object.keys(ROLE_NAMES));

export function roleLabel(role: string): string {
  return (ROLE_NAMES as Record<string, string>)[role] ?? role;
}

export interface EditableColumn {
  /** 0-based column and its letter. */
  index: number;
  column: string;
  /** Header path, top to bottom ("评价指标 › 一级指标 › 权重(%)"). */
  header: string;
  /** An OverrideRole, or a role only detection gives (level1Weight…). */
  role: string;
}

export interface EditableTable {
  sheet: string;
  /** The table's range, header included ("A5:K40"). */
  range: string;
  /** Header rows, 0-based. */
  header: { top: number; bottom: number };
  columns: EditableColumn[];
  /** "selection": a range the user chose that is not (yet) read as a table. */
  source: "detected" | "override" | "selection";
}

/** "12-13" / "14" (sheet rows) -> 0-based rows. */
export function parseHeaderRows(text: string): { top: number; bottom: number } | null {
  const m = /^(\d+)(?:\s*[-–~]\s*(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const top = Number(m[1]) - 1;
  const bottom = Number(m[2] ?? m[1]) - 1;
  return top >= 0 && bottom >= top ? { top, bottom } : null;
}

/** A table as read, in the editor's terms: every header column with its role (one JX left unused: 忽略). */
export function editableFromSummary(table: TableSummary): EditableTable | null {
  const r: TableReport | undefined = table.reading;
  const header = r ? parseHeaderRows(r.headerRows) : null;
  if (!r || !header) return null;
  const columns: EditableColumn[] = [];
  for (const c of r.columns) {
    const index = columnIndex(c.column);
    if (index !== null && !columns.some((x) => x.index === index)) columns.push({ index, column: c.column, header: c.header, role: c.role });
  }
  for (const u of r.unmapped) {
    const index = columnIndex(u.column);
    if (index !== null && !columns.some((x) => x.index === index)) columns.push({ index, column: u.column, header: u.header, role: "ignore" });
  }
  columns.sort((a, b) => a.index - b.index);
  return { sheet: table.sheet, range: table.range, header, columns, source: r.source };
}

/** A range the user chose, read as a header band (its first row unless given) with JX's first guesses. */
export function editableFromRange(grid: Grid, range: CellRange, header?: { top: number; bottom: number }): EditableTable {
  const merges = new MergeIndex(grid);
  const band = header ?? { top: range.top, bottom: range.top };
  const paths = bandPaths(grid, merges, band.top, band.bottom, range.left, range.right);
  const guess = columnsAsLetters(rawColumns(paths));
  const byLetter = new Map(Object.entries(guess).map(([role, letter]) => [letter, role]));
  const columns: EditableColumn[] = [];
  for (let c = range.left; c <= range.right; c++) {
    const column = columnLetters(c);
    columns.push({ index: c, column, header: (paths[c] ?? []).join(" › "), role: byLetter.get(column) ?? "ignore" });
  }
  return { sheet: grid.name, range: rangeA1(range), header: band, columns, source: "selection" };
}

/**
 * The override that reads `table` as the editor shows it, with `changes` (column -> role) put in. Every
 * column the pane offers a role for is named, so nothing but the user's change moves; a column given a role
 * another column had takes it, and that one is left out (忽略). A level's own weight column stays the
 * header's reading.
 */
export function overrideFor(table: EditableTable, changes: ReadonlyMap<number, OverrideRole> = new Map(), header = table.header): TableOverride {
  const roleOf = (c: EditableColumn) => changes.get(c.index) ?? c.role;
  const taken = new Map<string, number>();
  for (const c of table.columns) if (changes.has(c.index) && changes.get(c.index) !== "ignore") taken.set(changes.get(c.index)!, c.index);
  const columns: NonNullable<TableOverride["columns"]> = {};
  const ignore: string[] = [];
  for (const c of table.columns) {
    const role = roleOf(c);
    if (!OVERRIDE_ROLES.has(role)) continue;
    const owner = taken.get(role);
    if (role === "ignore" || (owner !== undefined && owner !== c.index) || (owner === undefined && (columns as Record<string, unknown>)[role] !== undefined)) {
      ignore.push(c.column);
      continue;
    }
    (columns as Record<string, string>)[role] = c.column;
  }
  if (ignore.length) columns.ignore = ignore;
  return { sheet: table.sheet, range: table.range, headerRows: { ...header }, columns };
}

function rangeOf(o: TableOverride): CellRange | null {
  if (!o.range) return null;
  if (typeof o.range !== "string") return o.range;
  try {
    return parseTableSpec(o.range).range;
  } catch {
    return null;
  }
}

const overlaps = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Whether two A1 ranges share a cell. */
export function overlapping(a: string, b: string): boolean {
  const ra = parseRangeA1(a);
  const rb = parseRangeA1(b);
  return ra !== null && rb !== null && overlaps(ra, rb);
}

/** The overrides with the one for `sheet`!`range` replaced by `next` (or taken out when next is null). */
export function replaceOverride(list: TableOverride[], sheet: string, range: string, next: TableOverride | null): TableOverride[] {
  const r = parseRangeA1(range);
  const kept = list.filter((o) => {
    if ((o.sheet ?? null) !== sheet) return true;
    const or = rangeOf(o);
    return !(or && r && overlaps(or, r));
  });
  return next ? [...kept, next] : kept;
}

/** The override list kept in the document, checked: a hand-edited or older setting never breaks the pane. */
export function sanitizeOverrides(raw: unknown): TableOverride[] {
  if (!Array.isArray(raw)) return [];
  const out: TableOverride[] = [];
  for (const item of raw.slice(0, 50)) {
    if (!item || typeof item !== "object") continue;
    const o = item as Record<string, unknown>;
    if (typeof o.sheet !== "string" || typeof o.range !== "string" || !parseRangeA1(o.range)) continue;
    const next: TableOverride = { sheet: o.sheet, range: o.range };
    const h = o.headerRows as Record<string, unknown> | undefined;
    if (h && Number.isInteger(h.top) && Number.isInteger(h.bottom) && (h.top as number) >= 0 && (h.bottom as number) >= (h.top as number)) {
      next.headerRows = { top: h.top as number, bottom: h.bottom as number };
    }
    if (o.columns && typeof o.columns === "object") {
      const columns: NonNullable<TableOverride["columns"]> = {};
      const letter = (v: unknown) => typeof v === "string" && /^[A-Z]{1,3}$/.test(v);
      for (const [role, v] of Object.entries(o.columns as Record<string, unknown>)) {
        if (!OVERRIDE_ROLES.has(role)) continue;
        if (role === "ignore" && Array.isArray(v)) columns.ignore = v.filter(letter) as string[];
        else if (letter(v)) (columns as Record<string, string>)[role] = v as string;
      }
      next.columns = columns;
    }
    out.push(next);
  }
  return out;
}

/** The editor's table with `role` given to one column (a column that had the role before: 忽略). */
export function withRole(table: EditableTable, index: number, role: OverrideRole): EditableTable {
  return {
    ...table,
    columns: table.columns.map((c) => (c.index === index ? { ...c, role } : role !== "ignore" && c.role === role ? { ...c, role: "ignore" } : c)),
  };
}

export interface CorrectionHost {
  /** The corrections in force. */
  current: () => TableOverride[];
  /** Checks with `tables`; keeps them (document settings, session) when `keep`. */
  apply: (tables: TableOverride[], keep: boolean) => Promise<{ tables: TableSummary[]; findings: { severity: string }[] }>;
  /** Shows the result: the table the correction gave (index), or the chosen range still to be given roles. */
  show: (found: number | null, candidate: EditableTable | null) => void;
  keptWhere: string;
}

/** What the mapping editor asks for: a column's role, the header rows, or back to automatic reading. */
export type Correction = { role: [number, OverrideRole] } | { header: { top: number; bottom: number } } | { reset: true };

/**
 * One correction, the same in the pane and the browser page: a role, the header rows or back to automatic
 * reading. A chosen range is kept only once it reads as a table. Returns the status line.
 */
export async function correct(host: CorrectionHost, table: EditableTable, change: Correction): Promise<string> {
  const next =
    "reset" in change
      ? null
      : "role" in change
        ? overrideFor(table, new Map([change.role]))
        : overrideFor(table, new Map(), change.header);
  const tables = replaceOverride(host.current(), table.sheet, table.range, next);
  const trial = table.source === "selection";
  let r = await host.apply(tables, !trial);
  const found = r.tables.findIndex((t) => t.sheet === table.sheet && overlapping(t.range, table.range));
  if (trial && found < 0) {
    const pending = "role" in change ? withRole(table, ...change.role) : "header" in change ? { ...table, header: change.header } : table;
    host.show(null, pending);
    return "所选区域仍未能读作指标表：至少需要一列指标名称（一级、二级或三级指标），以及权重、自评得分或评分规则列。";
  }
  if (trial) r = await host.apply(tables, true);
  host.show(found >= 0 ? found : r.tables.length ? 0 : null, null);
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const counts = `${r.findings.length} 个问题，其中错误 ${errors} 个`;
  if (!next) return `已恢复自动识别并重新校验：${counts}。`;
  return `已按更正重新校验：${counts}；更正${host.keptWhere}，下次校验沿用。`;
}

/** "A–C" for adjacent columns, "B、D、F" otherwise (the columns in sheet order). */
function lettersText(columns: EditableColumn[]): string {
  const sorted = [...columns].sort((a, b) => a.index - b.index);
  const adjacent = sorted.length > 2 && sorted.every((c, i) => i === 0 || c.index === sorted[i - 1].index + 1);
  return adjacent ? `${sorted[0].column}–${sorted[sorted.length - 1].column}` : sorted.map((c) => c.column).join("、");
}

/** What the one-line summary names, in this order: the columns that decide what is checked. */
const SUMMARY_ROLES: { label: string; roles: string[] }[] = [
  { label: "名称", roles: ["level1", "level2", "level3"] },
  { label: "权重", roles: ["weight", "level1Weight", "level2Weight", "level3Weight"] },
  { label: "评分规则", roles: ["rule"] },
  { label: "自评得分", roles: ["score"] },
  { label: "核查得分", roles: ["verified"] },
];

/**
 * The mapping in one line, for the editor when it is folded: "已识别：名称 A–C，权重 F，自评得分 I；读取 27 行"
 * (按更正读取 when the user's correction is in force); a column that is needed and missing is said so.
 */
export function readingSummary(table: EditableTable, report?: Pick<TableReport, "rowsRead" | "rowsWithWeight">): string {
  if (table.source === "selection") return "所选区域未能读作指标表：请为各列指定角色";
  const parts: string[] = [];
  for (const { label, roles } of SUMMARY_ROLES) {
    const columns = table.columns.filter((c) => roles.includes(c.role));
    if (columns.length) parts.push(`${label} ${lettersText(columns)}`);
    else if (label === "权重" && report && report.rowsWithWeight > 0) parts.push("权重写在名称中");
    else if (label === "名称" || label === "权重" || label === "自评得分") parts.push(`未识别${label}列`);
  }
  const rows = report ? `；读取 ${report.rowsRead} 行` : "";
  return `${table.source === "override" ? "按更正读取" : "已识别"}：${parts.join("，")}${rows}`;
}
