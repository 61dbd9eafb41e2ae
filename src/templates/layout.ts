import type { ColumnRole, TemplateDef } from "./types";

/** Where everything sits on the sheet (1-based rows and columns, as exceljs counts). */
export interface Layout {
  col: Partial<Record<ColumnRole, number>>;
  lastCol: number;
  titleRow: number;
  infoRows: number[];
  /** Budget block (项目支出): label row and value row. */
  budget: { labelRow: number; valueRow: number } | null;
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
  totalRow: number;
  gradeRow: number;
}

export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function computeLayout(t: TemplateDef): Layout {
  const col: Partial<Record<ColumnRole, number>> = {};
  t.columns.forEach((c, i) => (col[c.role] = i + 1));
  let row = 1;
  const titleRow = row++;
  const infoRows = t.infoFields.map(() => row++);
  let budget: Layout["budget"] = null;
  if (t.budget) {
    budget = { labelRow: row, valueRow: row + 1 };
    row += 2;
  }
  row++; // a blank row before the table, as on the printed forms
  const twoHeaderRows = t.columns.some((c) => c.group);
  const headerRows = twoHeaderRows ? [row, row + 1] : [row];
  row += headerRows.length;
  const firstDataRow = row;
  const lastDataRow = firstDataRow + t.rows.length - 1;
  return { col, lastCol: t.columns.length, titleRow, infoRows, budget, headerRows, firstDataRow, lastDataRow, totalRow: lastDataRow + 1, gradeRow: lastDataRow + 2 };
}

/** A1 address of a role's cell on a row. */
export function cellOf(layout: Layout, role: ColumnRole, row: number): string {
  const c = layout.col[role];
  if (!c) throw new Error(`模板缺少“${role}”列`);
  return `${columnLetter(c)}${row}`;
}
