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
    // Detection asks of every cell, often on sheets with few merges or none.
    if (this.owner.size === 0) return null;
    return this.owner.get(this.key(row, col)) ?? null;
  }

  /** The cell that holds the value shown at (row, col). */
  origin(row: number, col: number): { row: number; col: number } {
    const m = this.areaAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** Whether (row, col) holds its own value: not covered by a merged area that starts above or to the left. */
  isOrigin(row: number, col: number): boolean {
    const m = this.areaAt(row, col);
    return !m || (m.top === row && m.left === col);
  }

  /** The value shown at (row, col), merged areas filled. */
  cell(row: number, col: number): GridCell | undefined {
    const m = this.areaAt(row, col);
    return m ? this.grid.cells[m.top]?.[m.left] : this.grid.cells[row]?.[col];
  }

  /** The raw cell stored at (row, col), ignoring merges. */
  rawCell(row: number, col: number): GridCell | undefined {
    return this.grid.cells[row]?.[col];
  }
}
