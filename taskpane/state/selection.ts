/**
 * 识别所选区域 in a host (Excel, WPS): the sheet read with its selected range; the range read as a table (its
 * header searched inside it), or, when it does not read as one, its columns with JX's guesses for the user
 * to give roles. The same in every host once the sheet and the selection are read.
 */
import { rangeA1 } from "../../src/sheet/address";
import { parseTableSpec, type TableOverride } from "../../src/sheet/override";
import type { Grid } from "../../src/sheet/types";
import { runCheck, type WorkbookCheck } from "./engine";
import type { PaneSettings } from "./settings";
import { editableFromRange, overlapping, replaceOverride, type EditableTable } from "./tables";

/** 识别所选区域: the check with the selected range read as a table, or the range to give roles to when it is not one. */
export interface SelectionCheck {
  result: WorkbookCheck;
  /** The table read from the range (its index in result.tables), or null. */
  found: number | null;
  /** The range's columns with JX's guesses, for the user to give roles when no table was read from it. */
  candidate: EditableTable | null;
}

export const SELECT_A_RANGE = "请先在工作表中选中整张指标表（含表头）的单元格区域，再点“识别所选区域”。";

/**
 * The selection ("A5:K40", "Sheet1!$A$5:$K$40") of `grid` checked as a table with the corrections `kept`.
 * `keep`: the corrections to keep with the workbook when the range gave a table, else null (nothing kept
 * until it reads). A single cell or no range: SELECT_A_RANGE.
 */
export function checkSelected(grid: Grid, selection: string | null, settings: PaneSettings, kept: TableOverride[]): SelectionCheck & { keep: TableOverride[] | null } {
  let range;
  try {
    range = parseTableSpec(selection ?? "").range;
  } catch {
    throw new Error(SELECT_A_RANGE);
  }
  if (range.bottom - range.top < 1) throw new Error(SELECT_A_RANGE);
  const sheet = grid.name;
  const tables = replaceOverride(kept, sheet, rangeA1(range), { sheet, range: rangeA1(range) });
  const result = runCheck([grid], settings, tables);
  const found = result.tables.findIndex((t) => t.sheet === sheet && overlapping(t.range, rangeA1(range)));
  if (found >= 0) return { result, found, candidate: null, keep: tables };
  return { result: runCheck([grid], settings, kept), found: null, candidate: editableFromRange(grid, range), keep: null };
}
