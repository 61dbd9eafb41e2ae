/** A sheet as every host reads it: values, number formats, formulas and merged areas. 0-based. */
export type CellValue = string | number | boolean | Date | null;

export interface GridCell {
  value: CellValue;
  /** Excel number format ("0.0%", "General"). */
  numFmt?: string | null;
  /** Formula without the leading "=", when the cell holds one. */
  formula?: string | null;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Worksheet name. */
  name: string;
  rowCount: number;
  colCount: number;
  /** cells[row][col]; a missing entry is an empty cell. */
  cells: (GridCell | undefined)[][];
  merges: CellRange[];
}
