/** Header rows: where a table's header starts and ends, and which column holds what. */
import { headerRole, levelOf, type ColumnRole } from "./headers";
import { MergeIndex } from "./merges";
import { isBlank } from "./text";
import type { Grid } from "./types";
import type { ColumnMap } from "./model";

export interface HeaderInfo {
  top: number;
  bottom: number;
  columns: ColumnMap;
  left: number;
  right: number;
}

const MAX_HEADER_ROWS = 3;

/** Roles named by the cells shown in one row (merged areas filled). */
function rowRoles(grid: Grid, merges: MergeIndex, row: number): Set<ColumnRole> {
  const roles = new Set<ColumnRole>();
  for (let c = 0; c < grid.colCount; c++) {
    const role = headerRole(merges.cell(row, c)?.value);
    if (role) roles.add(role);
  }
  return roles;
}

function hasNameRole(roles: Set<ColumnRole>): boolean {
  return roles.has("level1") || roles.has("level2") || roles.has("level3") || roles.has("name");
}

/** A row that can start a header: indicator names plus at least two other words of the vocabulary. */
export function isHeaderAnchor(grid: Grid, merges: MergeIndex, row: number): boolean {
  const roles = rowRoles(grid, merges, row);
  if (!hasNameRole(roles) || roles.size < 3) return false;
  const others = [...roles].filter((r) => !["level1", "level2", "level3", "name", "note"].includes(r));
  return others.length >= 1 || roles.size >= 4;
}

/** Cells written in this row itself (not shown from a merge that starts above). */
function ownCells(grid: Grid, merges: MergeIndex, row: number): { col: number; value: unknown }[] {
  const out: { col: number; value: unknown }[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const o = merges.origin(row, c);
    if (o.row !== row || o.col !== c) continue;
    const v = grid.cells[row]?.[c]?.value;
    if (!isBlank(v ?? null)) out.push({ col: c, value: v });
  }
  return out;
}

const SUB_HEADER = /^(名称|权重|分值|权重\(%\)|指标名称|序号)$/;

function isHeaderContinuation(grid: Grid, merges: MergeIndex, row: number): boolean {
  if (row >= grid.rowCount) return false;
  const own = ownCells(grid, merges, row);
  if (own.length === 0) return false;
  return own.every(({ value }) => {
    const v = value as string | number | null;
    if (typeof v !== "string") return false;
    const t = v.replace(/[\s\u3000*]+/g, "").replace(/[（]/g, "(").replace(/[）]/g, ")");
    return headerRole(v) !== null || SUB_HEADER.test(t);
  });
}

const GROUP_HEADER = /^(绩效|评价|考核)?指标(体系)?$/;

/** A row above the anchor that belongs to the header: only vocabulary words or a group word such as 绩效指标. */
function isHeaderAbove(grid: Grid, merges: MergeIndex, row: number): boolean {
  if (row < 0) return false;
  const own = ownCells(grid, merges, row);
  if (own.length === 0) return false;
  return own.every(({ value }) => typeof value === "string" && (headerRole(value) !== null || GROUP_HEADER.test(value.replace(/[\s\u3000*]+/g, ""))));
}

/** Reads the header whose first indicator-name row is `row`; null when the row is not a header or names no usable table. */
export function readHeader(grid: Grid, merges: MergeIndex, row: number): HeaderInfo | null {
  if (!isHeaderAnchor(grid, merges, row)) return null;
  let top = row;
  while (row - top + 1 < MAX_HEADER_ROWS && isHeaderAbove(grid, merges, top - 1)) top--;
  let bottom = row;
  while (bottom - top + 1 < MAX_HEADER_ROWS && isHeaderContinuation(grid, merges, bottom + 1)) bottom++;
  const columns = resolveColumns(grid, merges, top, bottom);
  if (!columns) return null;
  const used = usedColumns(columns);
  return { top, bottom, columns, left: Math.min(...used), right: Math.max(...used) };
}

function usedColumns(columns: ColumnMap): number[] {
  const cols: (number | null)[] = [
    ...columns.level,
    ...columns.levelWeight,
    columns.target,
    columns.actual,
    columns.weight,
    columns.rule,
    columns.score,
    columns.verified,
    columns.explanation,
    columns.note,
  ];
  return cols.filter((c): c is number => c !== null);
}

/** Per column: the deepest header word decides, read with the level words above it. */
function resolveColumns(grid: Grid, merges: MergeIndex, top: number, bottom: number): ColumnMap | null {
  const map: ColumnMap = {
    level: [null, null, null],
    levelWeight: [null, null, null],
    target: null,
    actual: null,
    weight: null,
    rule: null,
    score: null,
    verified: null,
    explanation: null,
    note: null,
  };
  let unleveledName: number | null = null;
  for (let c = 0; c < grid.colCount; c++) {
    let level: 1 | 2 | 3 | null = null;
    let role: ColumnRole | null = null;
    for (let r = top; r <= bottom; r++) {
      const found = headerRole(merges.cell(r, c)?.value);
      if (!found) continue;
      role = found;
      level = levelOf(found) ?? level;
    }
    if (!role) continue;
    const lv = levelOf(role);
    if (lv !== null || role === "name") {
      if (level !== null) {
        if (map.level[level - 1] === null) map.level[level - 1] = c;
      } else if (unleveledName === null) unleveledName = c;
      continue;
    }
    if (role === "weight" && level !== null) {
      if (map.levelWeight[level - 1] === null) map.levelWeight[level - 1] = c;
      continue;
    }
    const key = role as Exclude<ColumnRole, "level1" | "level2" | "level3" | "name">;
    if (map[key] === null) map[key] = c;
  }
  if (unleveledName !== null) {
    const free = map.level.findIndex((c, i) => c === null && map.level.slice(i + 1).every((d) => d === null));
    const slot = map.level.every((c) => c === null) ? 2 : free;
    if (slot >= 0) map.level[slot] = unleveledName;
  }
  if (map.level.every((c) => c === null)) return null;
  // A 核查表 with only the verified score: that score is the one to check.
  if (map.score === null && map.verified !== null) {
    map.score = map.verified;
    map.verified = null;
  }
  if (map.weight === null) {
    for (let k = 2; k >= 0; k--) {
      if (map.levelWeight[k] !== null && map.level[k] !== null) {
        map.weight = map.levelWeight[k];
        map.levelWeight[k] = null;
        break;
      }
    }
  }
  if (map.weight === null && map.score === null && map.levelWeight.every((c) => c === null) && map.rule === null) return null;
  return map;
}
