/** Grid -> indicator tables: header, rows (levels forward-filled), blocks, level weights, total, grade. */
import { a1, rangeA1 } from "./address";
import { readHeader, isHeaderAnchor, type HeaderInfo } from "./columns";
import { gradeWord, isGradeLabel, isSubtotalLabel, isTerminatorLabel, isTotalLabel, isWeakGradeLabel } from "./headers";
import { MergeIndex } from "./merges";
import { findBudgetExecution, type BudgetExecution } from "./budget";
import { cellText, cleanName, isBlank, isDashOrBlank } from "./text";
import { numberFromCell, splitWeightFromName } from "./weights";
import type { CellValue, Grid } from "./types";
import type { CellRef, IndicatorBlock, IndicatorRow, IndicatorTable, LevelWeight, TotalRow, GradeRow } from "./model";

export function detectTables(grid: Grid): IndicatorTable[] {
  const merges = new MergeIndex(grid);
  const tables: IndicatorTable[] = [];
  let row = 0;
  while (row < grid.rowCount) {
    const header = readHeader(grid, merges, row);
    if (!header) {
      row++;
      continue;
    }
    const table = new TableReader(grid, merges, header).read();
    if (table.rows.length > 0) tables.push(table);
    row = Math.max(table.range.bottom, header.bottom) + 1;
  }
  for (const budget of findBudgetExecution(grid, merges)) attachBudget(tables, budget);
  return tables;
}

function ref(row: number, col: number): CellRef {
  return { row, col, address: a1(row, col) };
}

const MAX_GAP_ROWS = 2;
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

  constructor(
    private readonly grid: Grid,
    private readonly merges: MergeIndex,
    private readonly header: HeaderInfo,
  ) {
    this.lastRow = header.bottom;
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
    if (n === null) return null;
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
    for (let r = this.header.bottom + 1; r < this.grid.rowCount; r++) {
      if (isHeaderAnchor(this.grid, this.merges, r)) break;
      const label = this.rowLabel(r);
      if (label !== null && isTerminatorLabel(label)) break;
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
      if (this.readIndicator(r)) {
        gap = 0;
        this.lastRow = r;
        continue;
      }
      if (this.readLevelOnlyRow(r)) continue;
      if (++gap >= MAX_GAP_ROWS) break;
    }
    // 小计 rows are group subtotals; a single one at the top or the bottom is the table's total.
    if (!this.total && this.subtotal && this.subtotals === 1 && (this.subtotal.position === "top" || this.subtotal.row === this.lastRow)) {
      this.total = this.subtotal;
    }
    const range = { top: this.header.top, left: this.header.left, bottom: this.lastRow, right: this.header.right };
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
    };
  }

  /** First text written in this row left of the first non-level column (labels like 合计, 评价结论). */
  private rowLabel(r: number): string | null {
    const cols = this.header.columns;
    const levelCols = cols.level.filter((c): c is number => c !== null);
    const limit = Math.max(...levelCols, this.header.left);
    for (let c = 0; c <= limit; c++) {
      const o = this.merges.origin(r, c);
      if (o.row !== r) continue;
      const text = cellText(this.grid.cells[o.row]?.[o.col]?.value ?? null).trim();
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
      const o = this.merges.origin(r, c);
      if (o.row !== r || o.col !== c) continue;
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
    const hasData = dataCols.some((c) => this.hasOwn(r, c));
    const inMergedBlock = [cols.weight, cols.score].some((c) => {
      if (c === null) return false;
      const area = this.merges.areaAt(r, c);
      return area !== null && area.top < r && this.blockByMerge.has(`${area.top}:${area.left}`);
    });
    if (!hasData && !inMergedBlock) return false;
    const saved = this.current;
    const lp = this.levelPath(r);
    if (!lp) {
      this.current = saved;
      return false;
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
    const scoreRaw = cols.score !== null ? this.value(r, cols.score) : null;
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
