/** An office-addin-mock Excel holding a Grid's cells (values, number formats, merges): the example workbooks in Excel. */
import { parseRangeA1, rangeA1 } from "../../src/sheet/address";
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

/** The Grid as the sheet holds it after the values written into the mock (what a new read would return). */
export function gridWithWrites(grid: Grid, writes: MockExcel["writes"]): Grid {
  const cells = grid.cells.map((row) => (row ? row.slice() : []));
  for (const w of writes) {
    if (!w.values) continue;
    const range = parseRangeA1(w.address.replace(/^.*!/, ""));
    if (!range) throw new Error(`not a range: ${w.address}`);
    w.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const old = cells[range.top + r]?.[range.left + c];
        (cells[range.top + r] ??= [])[range.left + c] = { value: value === "" ? null : (value as never), numFmt: old?.numFmt ?? null, formula: null };
      }),
    );
  }
  return { ...grid, cells };
}

const cell = (value: string | number) => ({ value, numFmt: null, formula: null });
/** A table whose header words JX does not know: nothing found until the user says what is what. */
export const UNKNOWN_HEADERS: Grid = {
  name: "表1",
  rowCount: 5,
  colCount: 3,
  merges: [],
  cells: [[cell("某项目得分情况")], [cell("项目"), cell("满额"), cell("所得")], [cell("资金到位率"), cell(60), cell(50)], [cell("群众满意度"), cell(40), cell(45)], []],
};
