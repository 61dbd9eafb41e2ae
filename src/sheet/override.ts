/**
 * The user's correction of a reading: which range is the table, which rows are its header, which column
 * holds what. The same input comes from the task pane's mapping editor (kept in the document settings),
 * the browser page, `jx check --table "Sheet1!A5:K40" --columns 权重=F,自评得分=I` and jx-defaults.json.
 *
 * The API a mapping editor needs, and nothing else:
 * - Show: `checkWorkbook(...).details[i].table.reading` (src/sheet/model.ts TableReading) — `header` rows
 *   (0-based top/bottom), `columns` (role, Chinese label, letter, 0-based index, header path text),
 *   `unmapped` header columns, rows read/with weight/with score, `skipped` rows with the reason; and
 *   `.summary.reading` (src/check/reading.ts TableReport) adds rows computed and why the rest not.
 * - Edit: one dropdown per column with the labels of ROLE_NAMES (一级/二级/三级指标, 一级/二级/三级指标权重, 目标值,
 *   实际值, 权重, 评分规则, 自评得分, 核查得分, 偏差原因, 指标解释, 忽略); header rows as {top, bottom}.
 * - Send back: a TableOverride {sheet, range?, headerRows?, columns?} — e.g. for 识别所选区域 the selected
 *   address as `range` — in `checkWorkbook(grids, { tables: [override] })` (CheckOptions.tables). It is
 *   plain JSON: keep it as is in the document settings and pass it again at the next check. A column named
 *   in `columns` loses any role it had; `ignore` takes columns out; roles not named keep what was detected.
 */
import { columnLetters, parseA1, parseRangeA1 } from "./address";
import type { ColumnMap } from "./model";
import type { CellRange } from "./types";
import type { IndicatorRole } from "./headers";

/** Roles a column can be given: a level's own 权重 column (一级指标 | 分值 | 二级指标 | 分值 …) too; "ignore" takes a column out. */
export type OverrideRole = IndicatorRole | "level1Weight" | "level2Weight" | "level3Weight" | "ignore";

/** The Chinese names of the roles, as the pane's dropdown and `--columns` write them. */
export const ROLE_NAMES: Record<OverrideRole, string> = {
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  level1Weight: "一级指标权重",
  level2Weight: "二级指标权重",
  level3Weight: "三级指标权重",
  target: "目标值",
  actual: "实际值",
  weight: "权重",
  rule: "评分规则",
  score: "自评得分",
  verified: "核查得分",
  explanation: "偏差原因",
  note: "指标解释",
  ignore: "忽略",
};

/** Other spellings accepted on the command line and in jx-defaults.json. */
const ROLE_ALIASES: Record<string, OverrideRole> = {
  分值: "weight",
  得分: "score",
  评分标准: "rule",
  指标值: "target",
  完成值: "actual",
  复核得分: "verified",
  未完成原因: "explanation",
  指标名称: "level3",
  名称: "level3",
};

export interface TableOverride {
  /** Worksheet name; absent: every sheet (a bureau's own template in jx-defaults.json, --columns alone). */
  sheet?: string | null;
  /** The table, header included, as "A5:K40" (or a 0-based range); absent: the tables found on the sheet. */
  range?: string | CellRange | null;
  /** Header rows, 0-based, inside the range; absent: searched inside the range. */
  headerRows?: { top: number; bottom: number } | null;
  /** Role -> column letter ("F") or 0-based index; a column given here loses any other role it had. */
  columns?: Partial<Record<OverrideRole, string | number | (string | number)[]>>;
}

export function roleFromName(name: string): OverrideRole | null {
  const text = name.replace(/[\s\u3000]+/g, "");
  for (const [role, label] of Object.entries(ROLE_NAMES) as [OverrideRole, string][]) if (label === text || role === text) return role;
  return ROLE_ALIASES[text] ?? null;
}

export function columnIndex(column: string | number): number | null {
  if (typeof column === "number") return Number.isInteger(column) && column >= 0 ? column : null;
  const p = parseA1(`${column.trim()}1`);
  return p ? p.col : null;
}

/** "权重=F,自评得分=I,核查得分=J" -> columns; throws a Chinese message naming what is wrong. */
export function parseColumnsSpec(spec: string): NonNullable<TableOverride["columns"]> {
  const out: NonNullable<TableOverride["columns"]> = {};
  for (const part of spec.split(/[,，;；]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[=:：＝]\s*([A-Za-z]{1,3})$/.exec(part);
    if (!m) throw new Error(`无法识别列对应“${part}”：应写成 角色=列字母，如 权重=F`);
    const role = roleFromName(m[1]);
    if (!role) throw new Error(`未知的列角色“${m[1]}”：可用 ${Object.values(ROLE_NAMES).join("、")}`);
    const col = m[2].toUpperCase();
    const prev = out[role];
    if (role === "ignore") out.ignore = [...(Array.isArray(prev) ? prev : prev !== undefined ? [prev] : []), col];
    else out[role] = col;
  }
  return out;
}

/** "Sheet1!A5:K40", "'表 1'!A5:K40" or "A5:K40" (sheet given elsewhere) -> sheet and range. */
export function parseTableSpec(spec: string): { sheet: string | null; range: CellRange } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(spec.trim());
  const sheet = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : null;
  const rangeText = m ? m[3] : spec.trim();
  const plain = rangeText.replace(/\$/g, "").trim();
  const range = /^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(plain) ? parseRangeA1(plain) : null;
  if (!range) throw new Error(`无法识别表格范围“${spec}”：应写成 工作表名!A5:K40`);
  return { sheet, range };
}

export function overrideRange(o: TableOverride): CellRange | null {
  if (!o.range) return null;
  if (typeof o.range === "string") return parseTableSpec(o.range).range;
  return o.range;
}

/** The map with the user's columns put in: a column given a role loses any other; "ignore" removes it. */
export function applyColumns(map: ColumnMap, columns: TableOverride["columns"]): ColumnMap {
  if (!columns) return map;
  const out: ColumnMap = { ...map, level: [...map.level] as ColumnMap["level"], levelWeight: [...map.levelWeight] as ColumnMap["levelWeight"] };
  const given = new Map<number, OverrideRole>();
  for (const [role, value] of Object.entries(columns) as [OverrideRole, string | number | (string | number)[]][]) {
    for (const v of Array.isArray(value) ? value : [value]) {
      const c = columnIndex(v);
      if (c !== null) given.set(c, role);
    }
  }
  const clear = (c: number) => {
    out.level = out.level.map((x) => (x === c ? null : x)) as ColumnMap["level"];
    out.levelWeight = out.levelWeight.map((x) => (x === c ? null : x)) as ColumnMap["levelWeight"];
    for (const k of ["target", "actual", "weight", "rule", "score", "verified", "explanation", "note"] as const) if (out[k] === c) out[k] = null;
  };
  for (const c of given.keys()) clear(c);
  for (const [c, role] of given) {
    if (role === "ignore") continue;
    if (role === "level1" || role === "level2" || role === "level3") out.level[Number(role.slice(5)) - 1] = c;
    else if (role === "level1Weight" || role === "level2Weight" || role === "level3Weight") out.levelWeight[Number(role.charAt(5)) - 1] = c;
    else out[role] = c;
  }
  return out;
}

/** The columns of a map as role -> letter, for messages and the pane. */
export function columnsAsLetters(map: ColumnMap): Partial<Record<OverrideRole, string>> {
  const out: Partial<Record<OverrideRole, string>> = {};
  map.level.forEach((c, i) => c !== null && (out[`level${i + 1}` as OverrideRole] = columnLetters(c)));
  map.levelWeight.forEach((c, i) => c !== null && (out[`level${i + 1}Weight` as OverrideRole] = columnLetters(c)));
  for (const k of ["target", "actual", "weight", "rule", "score", "verified", "explanation", "note"] as const) if (map[k] !== null) out[k] = columnLetters(map[k]!);
  return out;
}
