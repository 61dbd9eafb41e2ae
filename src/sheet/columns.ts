/**
 * Header recognition as a search. Every band of 1–4 consecutive rows around a row that names indicator
 * names and a weight, score or rule is a candidate header; each column gets its header path (texts top to
 * bottom, merged areas filled: 评价指标 › 一级指标 › 权重(%)) and a role from the path's keyword features
 * (classify.ts). Among the candidates the band and mapping that best explain the rows below win: names are
 * text, weights numbers adding up to a plausible total, scores numbers within their weights.
 */
import { classifyCell, classifyPath, isVocabularyCell, type PathRole } from "./classify";
import { isTotalLabel } from "./headers";
import { MergeIndex } from "./merges";
import { cleanName, isBlank, isDashOrBlank, normalizeLabel } from "./text";
import { numberFromCell } from "./weights";
import type { CellRange, CellValue, Grid } from "./types";
import type { ColumnMap } from "./model";

export interface HeaderInfo {
  top: number;
  bottom: number;
  columns: ColumnMap;
  left: number;
  right: number;
  /** Header path of every column of the sheet (texts top to bottom, repeats removed); [] where none. */
  paths: string[][];
  /** How well the band explains the rows below (higher is better); 0 for a header given by the user. */
  fit: number;
  /** The last row the table may take (a range given by the user); the sheet's end otherwise. */
  limit: number;
  /** Found by the search, or given (in part) by the user's TableOverride. */
  source: "detected" | "override";
}

export const MAX_HEADER_ROWS = 4;
const DATA_ROWS_LOOKED_AT = 30;
const MIN_MAPPED_COLUMNS = 3;

export function emptyColumnMap(): ColumnMap {
  return {
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
}

/** The column indices a map uses. */
export function usedColumns(columns: ColumnMap): number[] {
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

/** Cells written in this row itself (not shown from a merge that starts above or to the left). */
function ownCells(grid: Grid, merges: MergeIndex, row: number): { col: number; value: CellValue }[] {
  const out: { col: number; value: CellValue }[] = [];
  const cells = grid.cells[row];
  if (!cells) return out;
  for (let c = 0; c < Math.min(cells.length, grid.colCount); c++) {
    const v = cells[c]?.value ?? null;
    if (isBlank(v)) continue;
    if (!merges.isOrigin(row, c)) continue;
    out.push({ col: c, value: v });
  }
  return out;
}

/** A row that can be part of a header: short texts only, no numbers, no 合计. */
function isHeaderLikeRow(grid: Grid, merges: MergeIndex, row: number): boolean {
  if (row < 0 || row >= grid.rowCount) return false;
  const cells = grid.cells[row];
  if (!cells) return false;
  // Asked of every row of a sheet: the first cell that is not a short header text settles it (most rows hold numbers).
  let any = false;
  for (let c = 0; c < Math.min(cells.length, grid.colCount); c++) {
    const value = cells[c]?.value ?? null;
    if (isBlank(value)) continue;
    if (!merges.isOrigin(row, c)) continue;
    if (typeof value !== "string" || numberFromCell(value) !== null || classifyCell(value) === null || isTotalLabel(value)) return false;
    any = true;
  }
  return any;
}

/** Share of a row's own cells that are header words (roles, level words, group words). */
function vocabularyShare(grid: Grid, merges: MergeIndex, row: number): { share: number; count: number } {
  const own = ownCells(grid, merges, row);
  if (own.length === 0) return { share: 0, count: 0 };
  const count = own.filter(({ value }) => isVocabularyCell(value)).length;
  return { share: count / own.length, count };
}

/** A row naming indicator names and at least one of weight, score, rule, target or actual (merged areas filled). */
function isAnchor(grid: Grid, merges: MergeIndex, row: number): boolean {
  const cells = grid.cells[row];
  if (!cells && !grid.merges.length) return false;
  if (anchorOver(grid, merges, row, row)) return true;
  // A header split over two rows (一级 › 指标, 自评 › 得分): the names and the roles only show in the paths.
  if (!isHeaderLikeRow(grid, merges, row - 1) || !isHeaderLikeRow(grid, merges, row)) return false;
  const upper = vocabularyShare(grid, merges, row - 1);
  return upper.share === 1 && upper.count >= 2 && anchorOver(grid, merges, row - 1, row);
}

/** Columns that, beside the names, make a row a table's header. */
const ANCHOR_KEYS: ReadonlySet<string> = new Set(["weight", "score", "verified", "rule", "target", "actual"]);

function anchorOver(grid: Grid, merges: MergeIndex, top: number, bottom: number): boolean {
  let names = false;
  let other = false;
  for (let c = 0; c < grid.colCount; c++) {
    // A column without a single header-like text has no role (the cells of data rows, asked of every row).
    let words = false;
    for (let r = top; r <= bottom && !words; r++) words = classifyCell(merges.cell(r, c)?.value ?? null) !== null;
    if (!words) continue;
    const texts: CellValue[] = [];
    for (let r = top; r <= bottom; r++) texts.push(merges.cell(r, c)?.value ?? null);
    const role = classifyPath(texts);
    if (role) {
      if (role.kind === "level") names = true;
      else if (role.kind === "levelWeight" || (role.kind === "column" && ANCHOR_KEYS.has(role.key))) other = true;
    }
    if (names && other) return true;
  }
  return false;
}

/** Per column: the texts shown in the band's rows, top to bottom, a text repeated by a vertical merge once. */
export function bandPaths(grid: Grid, merges: MergeIndex, top: number, bottom: number, left = 0, right = grid.colCount - 1): string[][] {
  const paths: string[][] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const path: string[] = [];
    // A label merged down into the rows below (绩效指标 standing vertically beside the table) heads no column.
    const area = merges.areaAt(bottom, c);
    if (c >= left && c <= right && !(area && area.bottom > bottom)) {
      let lastOrigin = "";
      for (let r = top; r <= bottom; r++) {
        const o = merges.origin(r, c);
        const key = `${o.row}:${o.col}`;
        const text = cleanName(grid.cells[o.row]?.[o.col]?.value ?? null);
        if (!text || key === lastOrigin) continue;
        lastOrigin = key;
        if (path[path.length - 1] !== text) path.push(text);
      }
    }
    paths.push(path);
  }
  return paths;
}

type ColumnKey = "target" | "actual" | "weight" | "rule" | "score" | "verified" | "explanation" | "note";

/** Column roles from the paths, before the rules of finishMap. `others` collects the further columns a role's words also head. */
export function rawColumns(paths: string[][], others?: Map<ColumnKey, number[]>): ColumnMap {
  const map = emptyColumnMap();
  const unleveledNames: number[] = [];
  const weightCols: number[] = [];
  paths.forEach((path, c) => {
    if (path.length === 0) return;
    const role: PathRole | null = classifyPath(path);
    if (!role || role.kind === "ignore") return;
    if (role.kind === "column" && role.key === "weight") weightCols.push(c);
    if (role.kind === "level") {
      if (role.level !== null) {
        if (map.level[role.level - 1] === null) map.level[role.level - 1] = c;
      } else unleveledNames.push(c);
      return;
    }
    if (role.kind === "levelWeight") {
      if (map.levelWeight[role.level - 1] === null) map.levelWeight[role.level - 1] = c;
      return;
    }
    // Two score columns side by side (县级评分 | 市级评分, 自评 | 核查): the second is the verified score.
    if (role.key === "score" && map.score !== null && map.verified === null) map.verified = c;
    else if (map[role.key] === null) map[role.key] = c;
    else if (others) others.set(role.key, [...(others.get(role.key) ?? []), c]);
  });
  const distinct = new Set(unleveledNames.map((c) => paths[c].join("›"))).size === unleveledNames.length;
  if (map.level.every((col) => col === null) && unleveledNames.length > 1 && distinct) {
    // 评价指标 | 评价内容 | 指标名称 (河北宁晋 高中助学金项目绩效评价指标表): names columns without level words are
    // the levels from left to right, the last one the leaf. (指标 | 指标 | 指标 is the lower row of a split header.)
    unleveledNames.slice(-3).reverse().forEach((col, i) => (map.level[2 - i] = col));
  } else if (unleveledNames.length > 0) {
    const unleveledName = unleveledNames[0];
    const free = map.level.findIndex((col, i) => col === null && map.level.slice(i + 1).every((d) => d === null));
    const slot = map.level.every((col) => col === null) ? 2 : free;
    if (slot >= 0 && (map.level.every((col) => col === null) || unleveledName > Math.max(...map.level.filter((x): x is number => x !== null)))) {
      map.level[slot] = unleveledName;
    }
  }
  pairLevelWeights(paths, map, weightCols, others);
  return map;
}

/**
 * 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 (海南 服务贸易项目绩效自评表): plain weight columns each standing
 * right of a level's names are that level's weights; the deepest is the leaf weight (finishMap).
 */
function pairLevelWeights(paths: string[][], map: ColumnMap, weightCols: number[], others?: Map<ColumnKey, number[]>): void {
  if (weightCols.length < 2) return;
  const levels: number[] = [];
  for (const col of weightCols) {
    let left = col - 1;
    while (left >= 0 && paths[left].length === 0) left--;
    const level = map.level.indexOf(left);
    if (level < 0 || levels.includes(level) || map.levelWeight[level] !== null) return;
    levels.push(level);
  }
  weightCols.forEach((col, i) => (map.levelWeight[levels[i]] = col));
  map.weight = null;
  others?.delete("weight");
}

/** The rules every map obeys, detected or given: a 核查表 with only the verified score checks it; a level weight stands in for a missing weight column. */
export function finishMap(map: ColumnMap): ColumnMap | null {
  if (map.level.every((c) => c === null)) return null;
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

function value(merges: MergeIndex, row: number, col: number | null): CellValue {
  return col === null ? null : merges.cell(row, col)?.value ?? null;
}

/** How well a band and its mapping explain the rows below it. */
function bandFit(grid: Grid, merges: MergeIndex, top: number, bottom: number, anchor: number, map: ColumnMap): number {
  let fit = usedColumns(map).length;
  for (let r = top; r <= bottom; r++) {
    if (r === anchor) continue;
    const { share } = vocabularyShare(grid, merges, r);
    fit += share === 1 ? 0.25 : share >= 0.5 ? -0.5 : -3;
  }
  // A band that cuts a merged header cell (一级指标 merged over two rows, the band starting at its second).
  for (let c = 0; c < grid.colCount; c++) {
    const area = merges.areaAt(top, c);
    if (area && area.top < top) {
      fit -= 3;
      break;
    }
  }
  // A header row left out: the first row under the band reads as header words.
  if (isHeaderLikeRow(grid, merges, bottom + 1) && vocabularyShare(grid, merges, bottom + 1).count >= 2) fit -= 4;
  const nameCol = [...map.level].reverse().find((c) => c !== null) ?? null;
  let blanks = 0;
  let weightSum = 0;
  let weights = 0;
  for (let r = bottom + 1; r < Math.min(grid.rowCount, bottom + 1 + DATA_ROWS_LOOKED_AT); r++) {
    if (ownCells(grid, merges, r).length === 0) {
      if (++blanks >= 3) break;
      continue;
    }
    blanks = 0;
    const first = ownCells(grid, merges, r)[0]?.value;
    if (isTotalLabel(first)) {
      const stated = numberFromCell(value(merges, r, map.weight));
      if (stated !== null && weights > 1 && Math.abs(stated - weightSum) < 0.01) fit += 2;
      continue;
    }
    const name = value(merges, r, nameCol);
    if (typeof name === "string" && !isDashOrBlank(name) && numberFromCell(name) === null) fit += 0.3;
    else if (typeof name === "number") fit -= 0.5;
    const w = numberFromCell(value(merges, r, map.weight));
    const wRaw = value(merges, r, map.weight);
    if (map.weight !== null) {
      if (w !== null) {
        fit += 0.5;
        if (merges.origin(r, map.weight).row === r) {
          weightSum += w;
          weights++;
        }
      } else if (!isDashOrBlank(wRaw)) fit -= 0.5;
    }
    const sRaw = value(merges, r, map.score);
    const s = numberFromCell(sRaw);
    if (map.score !== null) {
      if (s !== null) fit += w !== null && s > w + 0.01 ? -0.3 : 0.3;
      else if (!isDashOrBlank(sRaw)) fit -= 0.3;
    }
    for (const c of map.levelWeight) {
      if (c === null) continue;
      const lw = value(merges, r, c);
      if (numberFromCell(lw) !== null) fit += 0.2;
      else if (!isDashOrBlank(lw) && typeof lw === "string" && !/\d/.test(lw)) fit -= 0.3;
    }
  }
  if (weights > 1 && (Math.abs(weightSum - 100) < 0.01 || Math.abs(weightSum - 90) < 0.01)) fit += 2;
  return fit;
}

const RULE_TEXT = /(得|扣|加)\s*\d+(\.\d+)?\s*分|不得分|得满分|扣完为止|权重分/;

/**
 * What the rows say about ambiguous headers: a 指标说明 column whose cells are scoring rules (得2分…扣1分)
 * is the rule column when the table has none.
 */
function refineByRows(grid: Grid, merges: MergeIndex, bottom: number, map: ColumnMap, paths: string[][]): void {
  // Two plain score columns (县级评分 | 市级评分): the one filled in is the self score, the empty one the verified.
  if (map.score !== null && map.verified !== null) {
    const plain = (c: number) => {
      const role = classifyPath(paths[c] ?? []);
      return role?.kind === "column" && role.key === "score";
    };
    const numbers = (c: number) => {
      let n = 0;
      for (let r = bottom + 1; r < Math.min(grid.rowCount, bottom + 1 + DATA_ROWS_LOOKED_AT); r++) if (numberFromCell(value(merges, r, c)) !== null) n++;
      return n;
    };
    if (plain(map.score) && plain(map.verified) && numbers(map.score) === 0 && numbers(map.verified) > 0) [map.score, map.verified] = [map.verified, map.score];
  }
  if (map.rule !== null || map.note === null) return;
  let texts = 0;
  let rules = 0;
  for (let r = bottom + 1; r < Math.min(grid.rowCount, bottom + 1 + DATA_ROWS_LOOKED_AT); r++) {
    const v = value(merges, r, map.note);
    if (typeof v !== "string" || isDashOrBlank(v)) continue;
    texts++;
    if (RULE_TEXT.test(v)) rules++;
  }
  if (texts > 0 && rules / texts > 0.5) {
    map.rule = map.note;
    map.note = null;
  }
}

/**
 * The mappings a band's paths allow: the first column a role's words head, and for a role headed twice
 * (项目权重 | 分值, 湖北广水) the other column in its place. A displaced column left of the names whose cells are
 * texts is the names of the level above ("项目管理 13 分" under 项目权重): the rows decide which reading wins.
 */
function mappingsOf(grid: Grid, merges: MergeIndex, bottom: number, paths: string[][]): ColumnMap[] {
  const others = new Map<ColumnKey, number[]>();
  const first = rawColumns(paths, others);
  if (others.size === 0) {
    const map = finishMap(first);
    return map ? [map] : [];
  }
  const out: ColumnMap[] = [];
  for (const [key, cols] of others) {
    const all = [first[key] as number, ...cols];
    for (const col of all) {
      const raw: ColumnMap = { ...first, level: [...first.level], levelWeight: [...first.levelWeight] };
      raw[key] = col;
      // Only a weight word heads names in real tables (项目权重 over "项目管理 13 分"): a second 指标值 is a value column.
      if (key === "weight") for (const other of all) if (other !== col) placeAsNames(grid, merges, bottom, raw, other);
      const map = finishMap(raw);
      if (map) out.push(map);
    }
  }
  return out;
}

/**
 * A displaced column as the names of the level above the highest one used: its cells are texts, and it groups
 * the rows (fewer own cells than that level's names: "项目管理 13 分" merged over four 评价内容).
 */
function placeAsNames(grid: Grid, merges: MergeIndex, bottom: number, map: ColumnMap, col: number): void {
  const topLevel = map.level.findIndex((c) => c !== null);
  if (topLevel <= 0) return;
  const names = map.level[topLevel] as number;
  let texts = 0;
  let numbers = 0;
  let named = 0;
  for (let r = bottom + 1; r < Math.min(grid.rowCount, bottom + 1 + DATA_ROWS_LOOKED_AT); r++) {
    const name = value(merges, r, names);
    if (merges.origin(r, names).row === r && typeof name === "string" && !isDashOrBlank(name)) named++;
    const v = value(merges, r, col);
    if (merges.origin(r, col).row !== r || isDashOrBlank(v)) continue;
    if (typeof v === "string" && /^\D*[\u4e00-\u9fff]{2}/.test(v) && numberFromCell(v) === null) texts++;
    else numbers++;
  }
  if (texts > 0 && numbers === 0 && texts < named) map.level[topLevel - 1] = col;
}

/** The best band around an anchor row; null when none maps a usable table. */
function bestBandAt(grid: Grid, merges: MergeIndex, anchor: number, rows: { top: number; bottom: number }): HeaderInfo | null {
  let best: HeaderInfo | null = null;
  const lowestTop = Math.max(rows.top, anchor - (MAX_HEADER_ROWS - 1));
  for (let top = anchor; top >= lowestTop; top--) {
    if (top < anchor && !isHeaderLikeRow(grid, merges, top)) break;
    // A lone cell above the header (a title) belongs to it only when it is a group word such as 评价指标.
    if (top < anchor) {
      const own = ownCells(grid, merges, top);
      if (own.length === 1 && !classifyCell(own[0].value)?.group) break;
    }
    for (let bottom = anchor; bottom - top < MAX_HEADER_ROWS && bottom <= rows.bottom; bottom++) {
      if (bottom > anchor && !isHeaderLikeRow(grid, merges, bottom)) break;
      if (bottom > anchor) {
        const own = ownCells(grid, merges, bottom);
        if (own.length === 1 && !classifyCell(own[0].value)?.group) break;
      }
      const paths = bandPaths(grid, merges, top, bottom);
      for (const map of mappingsOf(grid, merges, bottom, paths)) {
        if (usedColumns(map).length < MIN_MAPPED_COLUMNS) continue;
        refineByRows(grid, merges, bottom, map, paths);
        const fit = bandFit(grid, merges, top, bottom, anchor, map);
        if (!best || fit > best.fit + 1e-9) {
          const used = usedColumns(map);
          best = { top, bottom, columns: map, left: Math.min(...used), right: Math.max(...used), paths, fit, limit: grid.rowCount - 1, source: "detected" };
        }
      }
    }
  }
  return best;
}

/** All indicator-table headers of a sheet, top to bottom: the best-fitting bands that do not overlap. */
export function findHeaders(grid: Grid, merges: MergeIndex, within?: CellRange): HeaderInfo[] {
  const rows = { top: within?.top ?? 0, bottom: within?.bottom ?? grid.rowCount - 1 };
  const candidates: HeaderInfo[] = [];
  for (let r = rows.top; r <= rows.bottom; r++) {
    if (!isAnchor(grid, merges, r)) continue;
    const band = bestBandAt(grid, merges, r, rows);
    if (band) candidates.push(band);
  }
  candidates.sort((a, b) => b.fit - a.fit || a.top - b.top);
  const chosen: HeaderInfo[] = [];
  for (const c of candidates) {
    if (chosen.some((h) => c.top <= h.bottom + 1 && h.top <= c.bottom + 1)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.top - b.top);
}

/** Two headers with the same texts in the same columns: a header repeated after a page break. */
export function sameHeader(a: HeaderInfo, b: HeaderInfo): boolean {
  if (a.bottom - a.top !== b.bottom - b.top) return false;
  const key = (h: HeaderInfo) => h.paths.map((p) => p.map((t) => normalizeLabel(t)).join("›")).join("|");
  return key(a) === key(b);
}
