/** Grid -> indicator tables: header (searched), rows (levels forward-filled), blocks, level weights, total, grade. */
import { a1, columnLetters, rangeA1 } from "./address";
import { bandPaths, emptyColumnMap, finishMap, findHeaders, rawColumns, sameHeader, usedColumns, type HeaderInfo } from "./columns";
import { gradeWord, isGradeLabel, isSubtotalLabel, isTerminatorLabel, isTotalLabel, isWeakGradeLabel } from "./headers";
import { MergeIndex } from "./merges";
import { findBudgetExecution, type BudgetExecution } from "./budget";
import { applyColumns, overrideRange, ROLE_NAMES, type TableOverride } from "./override";
import { cellText, cleanName, isBlank, isDashOrBlank, normalizeLabel } from "./text";
import { numberFromCell, splitWeightFromName } from "./weights";
import type { CellRange, CellValue, Grid } from "./types";
import type {
  CellRef,
  ColumnMap,
  ColumnReading,
  IndicatorBlock,
  IndicatorRow,
  IndicatorTable,
  LevelWeight,
  ReadingRole,
  SkippedRow,
  TableReading,
  TotalRow,
  GradeRow,
} from "./model";

/**
 * The indicator tables of a sheet. `overrides` are the user's corrections (src/sheet/override.ts): those
 * naming this sheet replace the reading of the tables they cover.
 */
export function detectTables(grid: Grid, overrides: TableOverride[] = []): IndicatorTable[] {
  const merges = new MergeIndex(grid);
  let headers = findHeaders(grid, merges);
  for (const o of overrides.filter((x) => !x.sheet || x.sheet === grid.name)) {
    const range = overrideRange(o);
    if (range) {
      const given = headerInRange(grid, merges, o, range);
      headers = headers.filter((h) => h.bottom < range.top || h.top > range.bottom);
      if (given) headers.push(given);
    } else if (o.columns) {
      headers = headers.flatMap((h) => {
        const map = finishMap(applyColumns(h.columns, o.columns));
        return map ? [{ ...h, columns: map, source: "override" as const, ...spanOf(map, h) }] : [];
      });
    }
  }
  headers.sort((a, b) => a.top - b.top);
  const tables: IndicatorTable[] = [];
  let floor = 0;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i];
    if (header.top < floor) continue;
    // Later headers with the same texts are this table's header repeated after a page break.
    const repeats: HeaderInfo[] = [];
    let next: HeaderInfo | null = null;
    for (let j = i + 1; j < headers.length; j++) {
      if (sameHeader(header, headers[j])) repeats.push(headers[j]);
      else {
        next = headers[j];
        break;
      }
    }
    const stop = Math.min(next ? next.top - 1 : grid.rowCount - 1, header.limit);
    const table = new TableReader(grid, merges, header, stop, repeats).read();
    if (table.rows.length > 0) {
      if (!table.total) table.total = headerBlockTotal(grid, merges, header, floor);
      const above = tables[tables.length - 1];
      if (above && onlyHeadingsBetween(grid, merges, above.range.bottom + 1, header.top - 1)) table.continuesAbove = true;
      tables.push(table);
      floor = Math.max(table.range.bottom, header.bottom) + 1;
    }
  }
  for (const budget of findBudgetExecution(grid, merges)) attachBudget(tables, budget);
  for (const t of tables) finishReading(t);
  return tables;
}

const MAX_ROWS_BETWEEN_BLOCKS = 3;

/** Rows between two tables holding nothing but blank rows and one-cell headings (项目年度目标 1:…, 二、绩效指标). */
function onlyHeadingsBetween(grid: Grid, merges: MergeIndex, top: number, bottom: number): boolean {
  if (bottom - top + 1 > MAX_ROWS_BETWEEN_BLOCKS) return false;
  for (let r = top; r <= bottom; r++) {
    let own = 0;
    for (let c = 0; c < grid.colCount; c++) {
      if (merges.isOrigin(r, c) && !isBlank(grid.cells[r]?.[c]?.value ?? null)) own++;
    }
    if (own > 1) return false;
  }
  return true;
}

function spanOf(map: ColumnMap, h: { left: number; right: number }): { left: number; right: number } {
  const used = usedColumns(map);
  return { left: Math.min(h.left, ...used), right: Math.max(h.right, ...used) };
}

/** The header of a range the user gave: their header rows, or the best band inside the range, or its first row. */
function headerInRange(grid: Grid, merges: MergeIndex, o: TableOverride, range: CellRange): HeaderInfo | null {
  let top = range.top;
  let bottom = range.top;
  if (o.headerRows) {
    top = Math.max(range.top, o.headerRows.top);
    bottom = Math.min(range.bottom, Math.max(top, o.headerRows.bottom));
  } else {
    const found = findHeaders(grid, merges, range)[0];
    if (found) {
      top = found.top;
      bottom = found.bottom;
    }
  }
  const paths = bandPaths(grid, merges, top, bottom, range.left, range.right);
  const raw = rawColumns(paths);
  const map = finishMap(applyColumns(raw ?? emptyColumnMap(), o.columns));
  if (!map) return null;
  return { top, bottom, columns: map, left: range.left, right: Math.max(range.right, ...usedColumns(map)), paths, fit: 0, limit: range.bottom, source: "override" };
}

/** 总分 / 自评得分 with its number in the rows above the header (beside the title): the table's total. */
const HEADER_TOTAL = /^(自评|项目)?(总分|总得分|得分合计|合计得分|自评得分|自评总分|综合得分|评价得分|自评分)(\(分\))?(:|：)?/;
/** The header block of a national project table runs to about ten rows (项目名称 … 资金 … 年度总体目标). */
const MAX_ROWS_ABOVE = 12;

function headerBlockTotal(grid: Grid, merges: MergeIndex, header: HeaderInfo, floor: number): TotalRow | null {
  for (let r = header.top - 1; r >= Math.max(floor, header.top - MAX_ROWS_ABOVE); r--) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < Math.min(row.length, grid.colCount); c++) {
      if (!merges.isOrigin(r, c)) continue;
      const text = normalizeLabel(row[c]?.value ?? null);
      const m = HEADER_TOTAL.exec(text);
      if (!m) continue;
      const rest = text.slice(m[0].length);
      let score: number | null = rest ? numberFromCell(rest) : null;
      let cell = ref(r, c);
      let raw: CellValue = rest || null;
      if (score === null && !rest) {
        for (let d = c + 1; d < Math.min(row.length, c + 4); d++) {
          // The label's own merged area (自评总分(分) over G2:H2) is not its value.
          if (merges.origin(r, d).col === c) continue;
          const v = merges.cell(r, d)?.value ?? null;
          if (isBlank(v)) continue;
          score = numberFromCell(v);
          cell = ref(merges.origin(r, d).row, merges.origin(r, d).col);
          raw = v;
          break;
        }
      }
      if (score === null) continue;
      return { row: r, label: cleanName(m[0].replace(/[:：]$/, "")), weight: null, weightCell: null, score, scoreRaw: raw, scoreCell: cell, verified: null, verifiedCell: null, position: "header" };
    }
  }
  return null;
}

const ROLE_LABEL: Record<ReadingRole, string> = {
  level1: ROLE_NAMES.level1,
  level2: ROLE_NAMES.level2,
  level3: ROLE_NAMES.level3,
  level1Weight: "一级指标权重",
  level2Weight: "二级指标权重",
  level3Weight: "三级指标权重",
  target: ROLE_NAMES.target,
  actual: ROLE_NAMES.actual,
  weight: ROLE_NAMES.weight,
  rule: ROLE_NAMES.rule,
  score: ROLE_NAMES.score,
  verified: ROLE_NAMES.verified,
  explanation: ROLE_NAMES.explanation,
  note: ROLE_NAMES.note,
};

/** The reading of a table: its mapping with header texts, the rows with a weight and a score. */
function readingOf(header: HeaderInfo, table: Pick<IndicatorTable, "rows" | "blocks">, skipped: SkippedRow[]): TableReading {
  const cols = header.columns;
  const roles: [ReadingRole, number | null][] = [
    ["level1", cols.level[0]],
    ["level2", cols.level[1]],
    ["level3", cols.level[2]],
    ["level1Weight", cols.levelWeight[0]],
    ["level2Weight", cols.levelWeight[1]],
    ["level3Weight", cols.levelWeight[2]],
    ["target", cols.target],
    ["actual", cols.actual],
    ["weight", cols.weight],
    ["rule", cols.rule],
    ["score", cols.score],
    ["verified", cols.verified],
    ["explanation", cols.explanation],
    ["note", cols.note],
  ];
  const headerText = (c: number) => (header.paths[c] ?? []).join(" › ");
  const columns: ColumnReading[] = roles
    .filter((x): x is [ReadingRole, number] => x[1] !== null)
    .map(([role, index]) => ({ role, label: ROLE_LABEL[role], column: columnLetters(index), index, header: headerText(index) }))
    .sort((a, b) => a.index - b.index);
  const used = new Set(columns.map((c) => c.index));
  const unmapped: TableReading["unmapped"] = [];
  for (let c = header.left; c <= header.right; c++) {
    if (!used.has(c) && (header.paths[c] ?? []).length > 0) unmapped.push({ column: columnLetters(c), index: c, header: headerText(c) });
  }
  return {
    source: header.source,
    header: { top: header.top, bottom: header.bottom, rows: header.top === header.bottom ? `${header.top + 1}` : `${header.top + 1}-${header.bottom + 1}` },
    columns,
    unmapped,
    rowsRead: table.rows.length,
    rowsWithWeight: 0,
    rowsWithScore: 0,
    skipped,
  };
}

/** Counts after the 预算执行率 row has joined: rows with a weight (their block's or their own) and with a score. */
function finishReading(t: IndicatorTable): void {
  t.reading.rowsRead = t.rows.length;
  t.reading.rowsWithWeight = t.rows.filter((r) => (r.ownWeight ?? t.blocks[r.block]?.weight ?? null) !== null).length;
  t.reading.rowsWithScore = t.rows.filter((r) => t.blocks[r.block]?.score !== null && t.blocks[r.block]?.score !== undefined).length;
}

function ref(row: number, col: number): CellRef {
  return { row, col, address: a1(row, col) };
}

const MAX_GAP_ROWS = 2;

/** Template prompts left in cells: 请填写…, 对照年度目标,说明…(100字以内). */
function isPrompt(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  const t = normalizeLabel(value);
  return /^[(（]?(请|须|需)?(填写|填报|输入|选择)/.test(t) || /\(\d+字以内\)|字以内\)?$/.test(t) || /^(对照|结合|针对)[^,，]{0,12}[,，]?(说明|分析|提出)/.test(t);
}
const MAX_NAME_CHARS = 40;

class TableReader {
  private readonly rows: IndicatorRow[] = [];
  private readonly blocks: IndicatorBlock[] = [];
  private readonly levelWeights = new Map<string, LevelWeight>();
  private readonly blockByMerge = new Map<string, number>();
  private total: TotalRow | null = null;
  private subtotal: TotalRow | null = null;
  private subtotals = 0;
  private grade: GradeRow | null = null;
  private current: (string | null)[] = [null, null, null];
  private lastRow: number;
  private readonly skipped: SkippedRow[] = [];
  /** The deepest names column, and the last column a row label may stand in (asked of every row). */
  private readonly leafCol: number | null;
  private readonly labelLimit: number;

  constructor(
    private readonly grid: Grid,
    private readonly merges: MergeIndex,
    private readonly header: HeaderInfo,
    /** The last row this table may take: the row before the next table's header, or the user's range. */
    private readonly stop: number,
    /** This header repeated further down (after a page break): skipped, the table goes on. */
    private readonly repeats: HeaderInfo[],
  ) {
    this.lastRow = header.bottom;
    const levelCols = header.columns.level.filter((c): c is number => c !== null);
    this.leafCol = levelCols.length ? levelCols[levelCols.length - 1] : null;
    this.labelLimit = Math.max(...levelCols, header.left);
  }

  private value(row: number, col: number | null): CellValue {
    if (col === null) return null;
    return this.merges.cell(row, col)?.value ?? null;
  }

  /** A weight cell: 4, "4分", or 4% typed as 0.04 in a percent-formatted 权重(%) cell (4 points). */
  private weightAt(row: number, col: number | null): number | null {
    if (col === null) return null;
    const cell = this.merges.cell(row, col);
    const n = numberFromCell(cell?.value ?? null);
    if (n === null) {
      // "20%" written as text in a 权重 column: 20 points.
      const m = typeof cell?.value === "string" ? /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(cell.value) : null;
      return m ? Number(m[1]) : null;
    }
    return typeof cell?.value === "number" && /%/.test(cell.numFmt ?? "") ? Number((n * 100).toPrecision(12)) : n;
  }

  /** The value only when the cell holds it itself or is the first row of its merged area. */
  private ownValue(row: number, col: number | null): CellValue {
    if (col === null) return null;
    const o = this.merges.origin(row, col);
    if (o.row !== row) return null;
    return this.grid.cells[o.row]?.[o.col]?.value ?? null;
  }

  private originRef(row: number, col: number): CellRef {
    const o = this.merges.origin(row, col);
    return ref(o.row, o.col);
  }

  read(): IndicatorTable {
    const cols = this.header.columns;
    let gap = 0;
    let afterTotal = 0;
    for (let r = this.header.bottom + 1; r <= this.stop; r++) {
      const repeat = this.repeats.find((h) => h.top === r);
      if (repeat) {
        for (let k = repeat.top; k <= repeat.bottom; k++) this.skipped.push({ row: k, reason: "分页后重复的表头" });
        r = repeat.bottom;
        gap = 0;
        continue;
      }
      const label = this.rowLabel(r);
      if (label !== null && isTerminatorLabel(label)) {
        // 总分 may follow a narrative row (其他需要说明事项): still this table's total.
        const after = this.totalAfter(r);
        if (after !== null) {
          this.total = this.total ?? this.readTotal(after, this.rowLabel(after)!);
          this.lastRow = after;
        }
        break;
      }
      const gradeRow = label === null ? null : isGradeLabel(label) ? this.readGrade(r) : isWeakGradeLabel(label) ? this.readGrade(r) : null;
      if (gradeRow && (isGradeLabel(label) || gradeRow.grade !== null)) {
        this.grade = gradeRow;
        this.lastRow = r;
        break;
      }
      if (label !== null && (isTotalLabel(label) || isSubtotalLabel(label))) {
        const total = this.readTotal(r, label);
        if (isSubtotalLabel(label)) {
          this.subtotals++;
          this.subtotal = total;
        }
        else this.total = this.total ?? total;
        this.lastRow = r;
        if (total.position === "bottom" && isTotalLabel(label)) afterTotal = 1;
        continue;
      }
      if (afterTotal > 0) {
        // Past a bottom 合计 only a 评价结论 row (handled above) still belongs to the table.
        if (++afterTotal > MAX_GAP_ROWS + 1) break;
        continue;
      }
      const section = this.sectionHeading(r);
      if (section) {
        this.skipped.push({ row: r, reason: `分节标题“${section}”` });
        continue;
      }
      if (this.readIndicator(r)) {
        gap = 0;
        this.lastRow = r;
        continue;
      }
      if (this.readLevelOnlyRow(r)) continue;
      // A blank row inside a merged level cell (placeholder rows under 部门特性指标) is inside the table.
      if (cols.level.some((c) => c !== null && (this.merges.areaAt(r, c)?.top ?? r) < r)) {
        this.skipped.push({ row: r, reason: "空行（无指标名称、权重和得分）" });
        continue;
      }
      if (++gap >= MAX_GAP_ROWS) break;
    }
    // Rows skipped after the table's last row are not the table's.
    for (let i = this.skipped.length - 1; i >= 0; i--) if (this.skipped[i].row > this.lastRow) this.skipped.splice(i, 1);
    this.inheritSoleChildWeights();
    // 小计 rows are group subtotals; a single one at the top or the bottom is the table's total.
    if (!this.total && this.subtotal && this.subtotals === 1 && (this.subtotal.position === "top" || this.subtotal.row === this.lastRow)) {
      this.total = this.subtotal;
    }
    const range = { top: this.header.top, left: this.header.left, bottom: this.lastRow, right: this.header.right };
    const reading = readingOf(this.header, { rows: this.rows, blocks: this.blocks }, this.skipped);
    return {
      sheet: this.grid.name,
      range,
      rangeA1: rangeA1(range),
      header: { top: this.header.top, bottom: this.header.bottom },
      columns: cols,
      rows: this.rows,
      blocks: this.blocks,
      levelWeights: [...this.levelWeights.values()],
      total: this.total,
      grade: this.grade,
      hasRuleColumn: cols.rule !== null,
      budgetExecution: false,
      reading,
    };
  }

  /**
   * Weights only in the names, none on the leaf (湖北广水: 数量指标 15 分 › 乡村道路建设养护里程): a leaf that is
   * the only indicator under its nearest weighted parent, with no weighted level between, weighs the parent's weight.
   */
  private inheritSoleChildWeights(): void {
    if (this.header.columns.weight !== null) return;
    const parents = [...this.levelWeights.values()];
    const under = (path: string[], prefix: string[]) => path.length > prefix.length && prefix.every((p, i) => path[i] === p);
    for (const block of this.blocks) {
      if (block.weight !== null || block.rows.length !== 1) continue;
      const path = this.rows[block.rows[0]].path;
      const parent = parents.filter((w) => under(path, w.path)).sort((a, b) => b.path.length - a.path.length)[0];
      if (!parent) continue;
      const siblings = this.blocks.filter((b) => b.rows.some((i) => under(this.rows[i].path, parent.path)));
      const middle = parents.some((w) => w !== parent && under(w.path, parent.path));
      if (siblings.length !== 1 || middle) continue;
      block.weight = parent.weight;
      block.weightCell = parent.cell;
      block.weightSource = "parent";
      block.weightFrom = parent.path;
    }
  }

  /** A 总分/合计 row within two rows under a narrative row, nothing else between. */
  private totalAfter(r: number): number | null {
    for (let k = r + 1; k <= Math.min(this.stop, r + 2); k++) {
      const label = this.rowLabel(k);
      if (label !== null && isTotalLabel(label)) return k;
    }
    return null;
  }

  /** 一、产出指标 or a text merged across the table: a heading inside the table, not an indicator. */
  private sectionHeading(r: number): string | null {
    const own: { col: number; value: CellValue }[] = [];
    for (let c = 0; c <= this.header.right; c++) {
      if (!this.merges.isOrigin(r, c)) continue;
      const v = this.grid.cells[r]?.[c]?.value ?? null;
      if (!isBlank(v)) own.push({ col: c, value: v });
    }
    if (own.length !== 1 || typeof own[0].value !== "string") return null;
    const text = cleanName(own[0].value);
    const area = this.merges.areaAt(r, own[0].col);
    const wide = area !== null && area.right - area.left + 1 >= Math.max(3, Math.ceil((this.header.right - this.header.left + 1) / 2));
    const numbered = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/.test(text);
    const inLevel = this.header.columns.level.includes(own[0].col);
    if (wide || (numbered && !inLevel)) return text.length > 30 ? `${text.slice(0, 30)}…` : text;
    return null;
  }

  /** First text written in this row up to the last names column (labels like 合计, 评价结论); numbers are no labels. */
  private rowLabel(r: number): string | null {
    for (let c = 0; c <= this.labelLimit; c++) {
      const area = this.merges.areaAt(r, c);
      if (area && area.top !== r) continue;
      const value = (area ? this.grid.cells[r]?.[area.left] : this.grid.cells[r]?.[c])?.value ?? null;
      if (typeof value === "number") continue;
      const text = cellText(value).trim();
      if (text) return text;
    }
    return null;
  }

  private readTotal(r: number, label: string): TotalRow {
    const cols = this.header.columns;
    const scoreRaw = cols.score !== null ? this.value(r, cols.score) : null;
    return {
      row: r,
      label: cleanName(label),
      weight: this.weightAt(r, cols.weight),
      weightCell: cols.weight !== null ? this.originRef(r, cols.weight) : null,
      score: numberFromCell(scoreRaw),
      scoreRaw,
      scoreCell: cols.score !== null ? this.originRef(r, cols.score) : null,
      verified: cols.verified !== null ? numberFromCell(this.value(r, cols.verified)) : null,
      verifiedCell: cols.verified !== null ? this.originRef(r, cols.verified) : null,
      position: this.rows.length === 0 ? "top" : "bottom",
    };
  }

  private readGrade(r: number): GradeRow {
    let labelSeen = false;
    let firstAfter: CellRef | null = null;
    for (let c = 0; c < this.grid.colCount; c++) {
      if (!this.merges.isOrigin(r, c)) continue;
      const v = this.grid.cells[r]?.[c]?.value ?? null;
      if (!labelSeen) {
        if (isGradeLabel(v) || isWeakGradeLabel(v)) labelSeen = true;
        continue;
      }
      if (isBlank(v)) continue;
      firstAfter = firstAfter ?? ref(r, c);
      const word = gradeWord(v);
      if (word) return { row: r, grade: word, cell: ref(r, c) };
    }
    return { row: r, grade: null, cell: firstAfter ?? ref(r, Math.min(this.header.right, this.grid.colCount - 1)) };
  }

  /** Level names of the row, merged cells and blanks above filled in (DESIGN.md: forward-fill). */
  private levelPath(r: number): { path: string[]; deepest: number } | null {
    const cols = this.header.columns.level;
    const shown = cols.map((c) => (c === null ? "" : cleanName(this.value(r, c))));
    let deepest = -1;
    shown.forEach((t, i) => {
      if (t && !isDashOrBlank(t)) deepest = i;
    });
    if (deepest < 0) return null;
    const next: (string | null)[] = [null, null, null];
    for (let k = 0; k <= deepest; k++) {
      next[k] = shown[k] && !isDashOrBlank(shown[k]) ? shown[k] : this.current[k];
    }
    this.current = next;
    const path = next.slice(0, deepest + 1).filter((t): t is string => t !== null);
    return { path, deepest };
  }

  private hasOwn(r: number, col: number | null): boolean {
    return col !== null && !isBlank(this.ownValue(r, col));
  }

  /** A level name standing alone on its row (投入 (15分) as a group header): remember it, keep its weight. */
  private readLevelOnlyRow(r: number): boolean {
    const levelCols = this.header.columns.level;
    const anyOwn = levelCols.some((c) => this.hasOwn(r, c));
    if (!anyOwn) return false;
    // Narrative under a table is not a level name.
    if (levelCols.some((c) => c !== null && cellText(this.ownValue(r, c)).length > MAX_NAME_CHARS)) return false;
    const lp = this.levelPath(r);
    if (!lp) return false;
    this.recordLevelWeights(r, lp.path, lp.deepest + 1);
    return true;
  }

  private recordLevelWeights(r: number, path: string[], levelsAbove: number): void {
    const cols = this.header.columns;
    for (let k = 0; k < Math.min(levelsAbove, path.length); k++) {
      const levelCol = cols.level[k];
      const { weight: fromName } = levelCol !== null ? splitWeightFromName(this.value(r, levelCol)) : { weight: null };
      const weightCol = cols.levelWeight[k];
      const fromColumn = this.weightAt(r, weightCol);
      const weight = fromColumn ?? fromName;
      if (weight === null) continue;
      const names = path.slice(0, k + 1).map((p) => splitWeightFromName(p).name);
      const key = `${k}|${names.join("/")}`;
      if (this.levelWeights.has(key)) continue;
      const cellCol = fromColumn !== null ? weightCol! : levelCol!;
      this.levelWeights.set(key, { level: (k + 1) as 1 | 2 | 3, path: names, weight, cell: this.originRef(r, cellCol) });
    }
  }

  private readIndicator(r: number): boolean {
    const cols = this.header.columns;
    const dataCols = [cols.target, cols.actual, cols.weight, cols.rule, cols.score];
    const hasData = dataCols.some((c) => this.hasOwn(r, c) && !isPrompt(this.ownValue(r, c)));
    const inMergedBlock = [cols.weight, cols.score].some((c) => {
      if (c === null) return false;
      const area = this.merges.areaAt(r, c);
      return area !== null && area.top < r && this.blockByMerge.has(`${area.top}:${area.left}`);
    });
    // A leaf named with its weight (相关性(5分)) is an indicator even when nothing else is filled in.
    const leafCol = this.leafCol;
    const namedLeaf = leafCol !== null && this.hasOwn(r, leafCol) && splitWeightFromName(this.ownValue(r, leafCol)).weight !== null;
    if (!hasData && !inMergedBlock && !namedLeaf) return false;
    const saved = this.current;
    const lp = this.levelPath(r);
    if (!lp) {
      this.current = saved;
      return false;
    }
    // 其中… rows under an indicator (其中桃树种植面积) break its figure down: they are not scored on their own.
    const leafName = lp.path[lp.path.length - 1] ?? "";
    // 一、示范区建立 over 1、… 2、… in the same column: a group whose items are scored, not an indicator itself.
    if (cols.level[lp.deepest] !== null && /^[一二三四五六七八九十]+[、.．]/.test(leafName) && /^\d+[、.．]/.test(cellText(this.ownValue(r + 1, cols.level[lp.deepest])).trim())) {
      this.skipped.push({ row: r, reason: "分组行（其下各项分别计分）" });
      this.current = saved;
      return true;
    }
    if (/^其中/.test(leafName) && this.weightAt(r, cols.weight) === null && numberFromCell(this.value(r, cols.score)) === null && this.rows.length > 0) {
      this.skipped.push({ row: r, reason: "“其中”分项，不单独计分" });
      this.current = saved;
      return true;
    }
    // A pick-one group (可选项): an option left unused carries neither weight nor score.
    if (lp.path.some((p) => /可选/.test(p)) && this.weightAt(r, cols.weight) === null && numberFromCell(this.value(r, cols.score)) === null && splitWeightFromName(lp.path[lp.path.length - 1]).weight === null) {
      this.skipped.push({ row: r, reason: "可选项未选用（无权重、无得分）" });
      this.current = saved;
      return true;
    }
    this.recordLevelWeights(r, lp.path, lp.deepest);
    const leaf = splitWeightFromName(lp.path[lp.path.length - 1]);
    const names = lp.path.map((p) => splitWeightFromName(p).name);
    const levelCol = cols.level[lp.deepest];
    const rowIndex = this.rows.length;
    const row: IndicatorRow = {
      row: r,
      path: names,
      name: leaf.name,
      target: this.value(r, cols.target),
      targetFormat: this.format(r, cols.target),
      actual: this.value(r, cols.actual),
      actualFormat: this.format(r, cols.actual),
      rule: this.text(r, cols.rule),
      note: this.text(r, cols.note),
      cells: {
        target: cols.target !== null ? this.originRef(r, cols.target) : null,
        actual: cols.actual !== null ? this.originRef(r, cols.actual) : null,
        rule: cols.rule !== null ? this.originRef(r, cols.rule) : null,
        name: levelCol !== null ? this.originRef(r, levelCol) : null,
      },
      block: -1,
    };
    this.rows.push(row);
    row.block = this.assignBlock(r, rowIndex, leaf.weight);
    return true;
  }

  private format(r: number, col: number | null): string | null {
    if (col === null) return null;
    return this.merges.cell(r, col)?.numFmt ?? null;
  }

  private text(r: number, col: number | null): string | null {
    if (col === null) return null;
    const t = cellText(this.value(r, col)).trim();
    return t ? t : null;
  }

  /** Rows sharing a merged weight (or score) cell are one block; so are rows left blank under a weighted row. */
  private assignBlock(r: number, rowIndex: number, nameWeight: number | null): number {
    const cols = this.header.columns;
    for (const c of [cols.weight, cols.score]) {
      if (c === null) continue;
      const area = this.merges.areaAt(r, c);
      if (!area || area.bottom === area.top) continue;
      const key = `${area.top}:${area.left}`;
      const existing = this.blockByMerge.get(key);
      if (existing !== undefined) {
        const block = this.blocks[existing];
        block.rows.push(rowIndex);
        // One score merged over rows that each keep their own weight: the block weighs their sum.
        const weightArea = cols.weight !== null ? this.merges.areaAt(r, cols.weight) : null;
        const own = weightArea && weightArea.bottom > weightArea.top ? null : this.weightAt(r, cols.weight);
        if (own !== null && block.weight !== null) {
          const first = this.rows[block.rows[0]];
          if (first.ownWeight === undefined) first.ownWeight = block.weight;
          this.rows[rowIndex].ownWeight = own;
          block.weight = Number((block.weight + own).toPrecision(12));
        }
        return existing;
      }
    }
    const weightBlank = cols.weight === null || isBlank(this.value(r, cols.weight));
    const scoreBlank = cols.score === null || isBlank(this.value(r, cols.score));
    const previous = this.blocks.length - 1;
    if (cols.weight !== null && weightBlank && scoreBlank && nameWeight === null && previous >= 0) {
      const prevBlock = this.blocks[previous];
      const prevRow = this.rows[prevBlock.rows[prevBlock.rows.length - 1]];
      if (prevRow && prevRow.row === r - 1 && prevBlock.weightSource === "column") {
        prevBlock.rows.push(rowIndex);
        return previous;
      }
    }
    const block = this.newBlock(r, rowIndex, nameWeight);
    this.blocks.push(block);
    const index = this.blocks.length - 1;
    for (const c of [cols.weight, cols.score]) {
      if (c === null) continue;
      const area = this.merges.areaAt(r, c);
      if (area && area.bottom > area.top) this.blockByMerge.set(`${area.top}:${area.left}`, index);
    }
    return index;
  }

  private newBlock(r: number, rowIndex: number, nameWeight: number | null): IndicatorBlock {
    const cols = this.header.columns;
    const columnWeight = this.weightAt(r, cols.weight);
    const weight = columnWeight ?? nameWeight;
    const shownScore = cols.score !== null ? this.value(r, cols.score) : null;
    // A template prompt left in the score cell (填写自评得分) is an empty score.
    const scoreRaw = isPrompt(shownScore) ? null : shownScore;
    return {
      rows: [rowIndex],
      weight,
      weightCell: columnWeight !== null ? this.originRef(r, cols.weight!) : nameWeight !== null ? this.rows[rowIndex].cells.name : cols.weight !== null ? this.originRef(r, cols.weight) : null,
      weightSource: columnWeight !== null ? "column" : nameWeight !== null ? "name" : null,
      score: numberFromCell(scoreRaw),
      scoreRaw,
      scoreCell: cols.score !== null ? this.originRef(r, cols.score) : null,
      verified: cols.verified !== null ? numberFromCell(this.value(r, cols.verified)) : null,
      verifiedCell: cols.verified !== null ? this.originRef(r, cols.verified) : null,
      explanation: this.text(r, cols.explanation),
      explanationCell: cols.explanation !== null ? this.originRef(r, cols.explanation) : null,
    };
  }
}

/** The national project table's 预算执行率 sits in the 项目资金 block: it joins the nearest indicator table. */
function attachBudget(tables: IndicatorTable[], budget: BudgetExecution): void {
  const candidates = tables.filter((t) => !t.rows.some((r) => /预算执行率|资金执行率/.test(r.name)));
  if (candidates.length === 0) return;
  const following = candidates.filter((t) => t.range.top > budget.row);
  const table = following.length > 0 ? following[0] : candidates[candidates.length - 1];
  const rowIndex = table.rows.length;
  table.rows.unshift({
    row: budget.row,
    path: ["预算执行率"],
    name: "预算执行率",
    target: budget.budget,
    targetFormat: null,
    actual: budget.spent,
    actualFormat: null,
    rule: null,
    note: null,
    cells: { target: budget.budgetCell, actual: budget.spentCell, rule: null, name: budget.labelCell },
    block: 0,
  });
  // Existing rows shift by one; their blocks' row indices too.
  for (const block of table.blocks) block.rows = block.rows.map((i) => i + 1);
  for (let i = 1; i <= rowIndex; i++) table.rows[i].block += 1;
  table.blocks.unshift({
    rows: [0],
    weight: budget.weight,
    weightCell: budget.weightCell,
    weightSource: "column",
    score: budget.score,
    scoreRaw: budget.scoreRaw,
    scoreCell: budget.scoreCell,
    verified: null,
    verifiedCell: null,
    explanation: null,
    explanationCell: null,
  });
  table.budgetExecution = true;
}
