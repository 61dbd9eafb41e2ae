/** Looks cells up through merged areas: a merged area's value lives in its top-left cell. */
import type { CellRange, Grid, GridCell } from "./types";

export class MergeIndex {
  private readonly owner = new Map<number, CellRange>();

  constructor(private readonly grid: Grid) {
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.owner.set(this.key(r, c), m);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  /** The merged area covering the cell, if any. */
  areaAt(row: number, col: number): CellRange | null {
    return this.owner.get(this.key(row, col)) ?? null;
  }

  /** The cell that holds the value shown at (row, col). */
  origin(row: number, col: number): { row: number; col: number } {
    const m = this.areaAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The value shown at (row, col), merged areas filled. */
  cell(row: number, col: number): GridCell | undefined {
    const o = this.origin(row, col);
    return this.grid.cells[o.row]?.[o.col];
  }

  /** The raw cell stored at (row, col), ignoring merges. */
  rawCell(row: number, col: number): GridCell | undefined {
    return this.grid.cells[row]?.[col];
  }
}
