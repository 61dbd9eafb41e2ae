/** What detection finds in a Grid: indicator tables, their rows, blocks, level weights, total and grade. */
import type { CellRange, CellValue } from "./types";
import type { IndicatorRole } from "./headers";

/** A cell of the sheet: 0-based position and its A1 address. */
export interface CellRef {
  row: number;
  col: number;
  address: string;
}

/** Which column holds what (0-based column indices); levelWeight[n] is the 权重 column under level n. */
export interface ColumnMap {
  level: [number | null, number | null, number | null];
  levelWeight: [number | null, number | null, number | null];
  target: number | null;
  actual: number | null;
  weight: number | null;
  rule: number | null;
  score: number | null;
  verified: number | null;
  explanation: number | null;
  note: number | null;
}

export interface IndicatorRow {
  /** 0-based sheet row. */
  row: number;
  /** Level names from level 1 down, without weights written in them ("投入"). */
  path: string[];
  /** The deepest level name. */
  name: string;
  target: CellValue;
  targetFormat: string | null;
  actual: CellValue;
  actualFormat: string | null;
  /** 评分规则 text; null when the table has no rule column or the cell is empty. */
  rule: string | null;
  /** 指标解释 text, when the table has that column. */
  note: string | null;
  cells: {
    target: CellRef | null;
    actual: CellRef | null;
    rule: CellRef | null;
    name: CellRef | null;
  };
  /** Index into IndicatorTable.blocks. */
  block: number;
  /** The row's own weight when it has one inside a block whose score is merged (rows weighted unequally). */
  ownWeight?: number | null;
}

/** One scoring unit: a row, or several rows sharing one merged weight (and one score). */
export interface IndicatorBlock {
  /** Indices into IndicatorTable.rows. */
  rows: number[];
  weight: number | null;
  weightCell: CellRef | null;
  /**
   * Where the weight came from: the 权重 column, a name such as "职责明确 (1分)", or the parent: a leaf with no
   * weight of its own, the only one under a weighted parent ("数量指标 15 分" over one indicator) — an assumption, said.
   */
  weightSource: "column" | "name" | "parent" | null;
  /** For a weight taken from the parent: the parent's names. */
  weightFrom?: string[];
  /** The reported (self) score, its cell (the cell to fill when empty) and the raw value. */
  score: number | null;
  scoreRaw: CellValue;
  scoreCell: CellRef | null;
  verified: number | null;
  verifiedCell: CellRef | null;
  explanation: string | null;
  explanationCell: CellRef | null;
}

/** A weight stated for a parent node: level1/level2 names or per-level 权重 columns. */
export interface LevelWeight {
  level: 1 | 2 | 3;
  path: string[];
  weight: number;
  cell: CellRef;
}

export interface TotalRow {
  row: number;
  label: string;
  weight: number | null;
  weightCell: CellRef | null;
  score: number | null;
  scoreRaw: CellValue;
  scoreCell: CellRef | null;
  verified: number | null;
  verifiedCell: CellRef | null;
  /** Where the row sits: 合计 on top of the indicators, under them, or 总分 written in the header block beside the title. */
  position: "top" | "bottom" | "header";
}

export interface GradeRow {
  row: number;
  /** The grade word written (优/良/中/差/优秀/良好/较差), null when the cell is empty or not a grade. */
  grade: string | null;
  cell: CellRef;
}

export interface IndicatorTable {
  sheet: string;
  range: CellRange;
  /** "A20:I48" */
  rangeA1: string;
  header: { top: number; bottom: number };
  columns: ColumnMap;
  rows: IndicatorRow[];
  blocks: IndicatorBlock[];
  levelWeights: LevelWeight[];
  total: TotalRow | null;
  grade: GradeRow | null;
  /** No 评分规则 column: the national default rule applies (项目支出绩效自评表). */
  hasRuleColumn: boolean;
  /** The national project table's 预算执行率 row was found in the 项目资金 block above. */
  budgetExecution: boolean;
  /**
   * The next block of the table above on this sheet (its own header and columns, nothing between but a section
   * heading): the two may make one self-evaluation table with one 总分 (src/check/continued.ts).
   */
  continuesAbove?: boolean;
  /** What was read: the column mapping with each column's header text, the header rows, rows read and skipped. */
  reading: TableReading;
}

/** A column's role in a reading: a ColumnMap key, or a level's names / weight column. */
export type ReadingRole = IndicatorRole | "level1Weight" | "level2Weight" | "level3Weight";

export interface ColumnReading {
  role: ReadingRole;
  /** The role in Chinese (一级指标, 权重, 自评得分…). */
  label: string;
  /** Column letter ("F") and 0-based index. */
  column: string;
  index: number;
  /** The column's header path, top to bottom: "评价指标 › 一级指标 › 权重(%)". */
  header: string;
}

/** A row inside the table that was not read as an indicator, and why (Chinese). */
export interface SkippedRow {
  row: number;
  reason: string;
}

/**
 * What detection read of one table, for the user to see and correct (the pane's mapping editor, the CLI,
 * the 校验结果 sheet). Its `columns` and `header` are what a TableOverride (src/sheet/override.ts) changes.
 */
export interface TableReading {
  /** "detected" by the header search, or "override": the user's range/columns were applied. */
  source: "detected" | "override";
  /** Header rows, 0-based, and as sheet rows ("5-7"). */
  header: { top: number; bottom: number; rows: string };
  /** Mapped columns, left to right. */
  columns: ColumnReading[];
  /** Header columns JX gave no role (指标性质, 度量单位, 序号…). */
  unmapped: { column: string; index: number; header: string }[];
  /** Indicator rows read, rows of them with a weight, rows with a reported score. */
  rowsRead: number;
  rowsWithWeight: number;
  rowsWithScore: number;
  /** Rows inside the table not read as indicators (section headings, 可选项 left unused, repeated headers). */
  skipped: SkippedRow[];
}
