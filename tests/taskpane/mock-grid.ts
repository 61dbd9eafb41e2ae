/** An office-addin-mock Excel holding a Grid's cells (values, number formats, merges): the example workbooks in Excel. */
import { rangeA1 } from "../../src/sheet/address";
import type { Grid } from "../../src/sheet/types";
import { mockExcel, type MockExcel } from "../adapters/office-mock";

export function mockFromGrid(grid: Grid, extra: { notes?: Record<string, string>; selection?: string } = {}): MockExcel {
  const rows = Array.from({ length: grid.rowCount }, (_, r) =>
    Array.from({ length: grid.colCount }, (_, c) => {
      const v = grid.cells[r]?.[c]?.value;
      return v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : v;
    }),
  );
  const numberFormats: Record<string, string> = {};
  grid.cells.forEach((row, r) => row.forEach((cell, c) => cell?.numFmt && (numberFormats[rangeA1({ top: r, left: c, bottom: r, right: c }).split(":")[0]] = cell.numFmt)));
  return mockExcel({ name: grid.name, rows, numberFormats, merged: grid.merges.map((m) => `${grid.name}!${rangeA1(m)}`).join(", "), ...extra });
}
