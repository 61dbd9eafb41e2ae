/**
 * WPS 表格 (ET) host adapter, over the ET object model a WPS 加载项 sees as `window.Application` (or
 * `wps.EtApplication()`): Worksheet.UsedRange, Range.Value2/Formula/NumberFormat, MergeCells/MergeArea,
 * Interior.Color, AddComment. The object model is synchronous and every property read or write is a call
 * into WPS, so the contract of the Office adapter is kept in those terms:
 *
 * - read once: the used range's values and formulas come in two whole-range reads; number formats one per
 *   column (per cell only in a column whose formats differ, and only for its numbers); merged areas only in
 *   rows the sheet reports as holding one; notes from the Comments collection;
 * - write once: scores in column runs (a column of 10,000 scores is one Value2 assignment), fills in column
 *   runs of one colour, one AddComment per note, screen updating off around it all;
 * - undo from a snapshot: before writing, the touched cells' contents (from the read) and fills (read then,
 *   cell by cell — only the cells about to change) are kept in the same UndoRecord the Office adapter returns.
 *
 * Notes (批注): a cell's own comment is kept, as in the Office adapter — JX's text goes after the user's,
 * from the 【JX校验】 mark on (src/check/notes.ts), cut to fit 32,767 characters; 清除标注 takes off only
 * that part (Comment.Text(text) sets the whole text, as in Excel's COM model); 撤销 puts the text back.
 *
 * Types are the part of the object model used here; tests/adapters/et-stand-in.ts implements them in memory.
 */
import type { CellRange, CellValue, Grid, GridCell } from "../sheet/types";
import type { Plan, PlanAction } from "../check/types";
import type { Annotation, ApplyResult, CellBefore, FillState, NoteRef, UndoRecord } from "./office";
import { JX_NOTE_MARK, fitJxPart, jxPartOf, withoutJxNote } from "../check/notes";
import { cellAddress, parseCell, parseRange, rangeAddress } from "./office-a1";

export type { Annotation, ApplyResult, CellBefore, FillState, NoteRef, UndoRecord };

/** xlNone / xlColorIndexNone in the ET (and Excel) object model. */
export const XL_NONE = -4142;

export interface EtInterior {
  Color: number;
  ColorIndex: number;
  Pattern: number;
}

export interface EtComment {
  /** The text; with an argument, sets it (Excel COM: Text(Text, Start, Overwrite), whole text when Start is left out). */
  Text(text?: string): string;
  Delete(): void;
  readonly Parent: EtRange;
}

export interface EtRange {
  Value2: unknown;
  Formula: unknown;
  readonly NumberFormat: unknown;
  readonly MergeCells: unknown;
  readonly MergeArea: EtRange;
  /** A1 address; WPS exposes the parameterised property as a method. */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Interior: EtInterior;
  readonly Comment: EtComment | null;
  AddComment(text: string): EtComment;
  Select(): void;
}

export interface EtWorksheet {
  readonly Name: string;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  readonly Comments: { readonly Count: number; Item(index: number): EtComment };
  Activate(): void;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Worksheets: { readonly Count: number; Item(indexOrName: number | string): EtWorksheet };
}

export interface EtApplication {
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWorkbook: EtWorkbook | null;
  ScreenUpdating: boolean;
  /** What is selected: a Range on the active sheet, or a chart or shape (optional: older stand-ins have none). */
  readonly Selection?: unknown;
}

export interface WpsSheetRead {
  grid: Grid;
  /** Cells that already carry a note (批注), with its text: JX adds its part after it, never over it. */
  annotatedCells: Map<string, string>;
}

/** COM error values as Value2 gives them (CVErr codes) -> the text Excel shows. */
const CV_ERRORS: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

/** Plan colours (exceljs ARGB "FFFFC7CE" or CSS "#FFC7CE") -> the object model's BGR integer. */
export function etColor(color: string): number {
  const hex = color.replace(/^#/, "");
  const rgb = /^[0-9a-f]{8}$/i.test(hex) ? hex.slice(2) : /^[0-9a-f]{6}$/i.test(hex) ? hex : null;
  if (!rgb) throw new Error(`内部错误：无法识别的颜色 ${color}`);
  const r = parseInt(rgb.slice(0, 2), 16);
  const g = parseInt(rgb.slice(2, 4), 16);
  const b = parseInt(rgb.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

/** BGR integer -> "#RRGGBB" (the FillState form the Office adapter uses). */
export function cssColor(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

function sheetOf(app: EtApplication, name: string | null): EtWorksheet {
  if (name === null) {
    const active = app.ActiveSheet;
    if (!active) throw new Error("WPS 中没有打开的工作表。请先打开一份绩效自评表。");
    return active;
  }
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error("WPS 中没有打开的工作簿。");
  return wb.Worksheets.Item(name);
}

/** Value2 of a range is a scalar for one cell and a 2-D array (rows of cells) otherwise. */
function matrix(v: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(v)) return [[v]];
  if (!Array.isArray(v)) return Array.from({ length: rows }, () => new Array(cols).fill(v));
  // Some hosts give one row as a flat array.
  if (rows === 1 && !Array.isArray(v[0])) return [v as unknown[]];
  return v as unknown[][];
}

function toCellValue(v: unknown, hasFormula: boolean): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number") return hasFormula && CV_ERRORS[v] ? CV_ERRORS[v] : v;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

const stripDollars = (a: string) => a.replace(/\$/g, "");

/**
 * Reads the used range of one sheet (the active one when `sheetName` is null) into a Grid at absolute
 * positions (A1 = [0][0]), with the cells that already hold a note.
 */
export function readSheet(app: EtApplication, sheetName: string | null): WpsSheetRead {
  const sheet = sheetOf(app, sheetName);
  const name = sheet.Name;
  const used = sheet.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const values = matrix(used.Value2, rows, cols);
  const formulas = matrix(used.Formula, rows, cols);

  const cells: (GridCell | undefined)[][] = [];
  for (let r = 0; r < top; r++) cells.push([]);
  let any = false;
  for (let r = 0; r < rows; r++) {
    const row: (GridCell | undefined)[] = [];
    for (let c = 0; c < cols; c++) {
      const f = formulas[r]?.[c];
      const raw = values[r]?.[c];
      const formula = typeof f === "string" && f.startsWith("=") && f !== raw ? f.slice(1) : null;
      const value = toCellValue(raw, formula !== null);
      if (value === null && formula === null) continue;
      row[left + c] = { value, numFmt: null, formula };
      any = true;
    }
    cells.push(row);
  }

  // Number formats: one read per run of numbers in a column; cell by cell only where a run's formats differ.
  for (let c = 0; c < cols && any; c++) {
    const numeric: number[] = [];
    for (let r = 0; r < rows; r++) if (typeof cells[top + r][left + c]?.value === "number") numeric.push(r);
    // Runs of consecutive numeric rows: a header's text format above the numbers does not split them.
    for (let i = 0; i < numeric.length; ) {
      let j = i;
      while (j + 1 < numeric.length && numeric[j + 1] === numeric[j] + 1) j++;
      const first = top + numeric[i];
      const last = top + numeric[j];
      const run = sheet.Range(first === last ? cellAddress(first, left + c) : `${cellAddress(first, left + c)}:${cellAddress(last, left + c)}`).NumberFormat;
      for (let r = first; r <= last; r++) {
        const fmt = typeof run === "string" ? run : sheet.Range(cellAddress(r, left + c)).NumberFormat;
        (cells[r][left + c] as GridCell).numFmt = typeof fmt === "string" ? fmt : null;
      }
      i = j + 1;
    }
  }

  const merges = readMerges(sheet, used, top, left, rows, cols);

  const annotatedCells = new Map<string, string>();
  const comments = sheet.Comments;
  const count = comments.Count;
  for (let i = 1; i <= count; i++) {
    const comment = comments.Item(i);
    const at = parseRange(stripDollars(comment.Parent.Address(false, false)));
    if (at) annotatedCells.set(cellAddress(at.top, at.left), String(comment.Text() ?? ""));
  }
  const empty = !any && merges.length === 0;
  return {
    grid: { name, rowCount: empty ? 1 : cells.length, colCount: empty ? 0 : left + cols, cells: empty ? [[]] : cells, merges },
    annotatedCells,
  };
}

/** Merged areas: none when the used range says so (one read); else row by row, cell by cell in rows that hold one. */
function readMerges(sheet: EtWorksheet, used: EtRange, top: number, left: number, rows: number, cols: number): CellRange[] {
  if (used.MergeCells === false) return [];
  const merges: CellRange[] = [];
  const covered = new Set<string>();
  for (let r = 0; r < rows; r++) {
    const rowRange = sheet.Range(`${cellAddress(top + r, left)}:${cellAddress(top + r, left + cols - 1)}`);
    if (rowRange.MergeCells === false) continue;
    for (let c = 0; c < cols; c++) {
      const key = cellAddress(top + r, left + c);
      if (covered.has(key)) continue;
      const cell = sheet.Range(key);
      if (cell.MergeCells !== true) continue;
      const area = parseRange(stripDollars(cell.MergeArea.Address(false, false)));
      if (!area) continue;
      merges.push(area);
      for (let rr = area.top; rr <= area.bottom; rr++) for (let cc = area.left; cc <= area.right; cc++) covered.add(cellAddress(rr, cc));
    }
  }
  return merges;
}

type Run<T> = { address: string; key: string; items: T[] };

/** Cells in consecutive rows of one column with the same key become one range: "E2:E10001". */
function columnRuns<T>(cells: { cell: string; key: string; item: T }[]): Run<T>[] {
  const placed = cells
    .map((x) => ({ ...x, pos: parseCell(x.cell) }))
    .filter((x): x is typeof x & { pos: { row: number; col: number } } => x.pos !== null)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.pos.col - b.pos.col || a.pos.row - b.pos.row);
  const runs: { top: number; bottom: number; col: number; key: string; items: T[] }[] = [];
  for (const x of placed) {
    const last = runs[runs.length - 1];
    if (last && last.key === x.key && last.col === x.pos.col && last.bottom + 1 === x.pos.row) {
      last.bottom = x.pos.row;
      last.items.push(x.item);
    } else runs.push({ top: x.pos.row, bottom: x.pos.row, col: x.pos.col, key: x.key, items: [x.item] });
  }
  return runs.map((r) => ({ address: rangeAddress({ top: r.top, left: r.col, bottom: r.bottom, right: r.col }), key: r.key, items: r.items }));
}

function fillOf(range: EtRange): FillState {
  const interior = range.Interior;
  if (interior.ColorIndex === XL_NONE || interior.Pattern === XL_NONE) return { color: null };
  return { color: cssColor(interior.Color) };
}

/** The fill every cell of a range has, or null when they differ (the object model then reports null). */
function sharedFill(range: EtRange): FillState | null {
  const interior = range.Interior;
  const index = interior.ColorIndex;
  if (index === XL_NONE) return { color: null };
  if (typeof index !== "number") return null;
  const color = interior.Color;
  return typeof color === "number" ? { color: cssColor(color) } : null;
}

function contentBefore(read: WpsSheetRead, cell: string): CellBefore["content"] {
  const pos = parseCell(cell);
  const g = pos ? read.grid.cells[pos.row]?.[pos.col] : undefined;
  return { value: g?.value ?? null, formula: g?.formula ?? null };
}

function withScreenOff<T>(app: EtApplication, fn: () => T): T {
  const was = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    return fn();
  } finally {
    app.ScreenUpdating = was;
  }
}

/**
 * Applies the Plan's actions for the read sheet: scores in column runs, fills in column runs of one colour,
 * one note per cell without one. The fills of the cells about to be coloured are read first, for 撤销.
 */
export function applyPlan(app: EtApplication, plan: Plan, read: WpsSheetRead): ApplyResult {
  const sheetName = read.grid.name;
  const sheet = sheetOf(app, sheetName);
  const actions = plan.actions.filter((a) => a.sheet === sheetName) as PlanAction[];
  const touched = new Map<string, CellBefore>();
  const touch = (cell: string) => {
    let b = touched.get(cell);
    if (!b) touched.set(cell, (b = { cell }));
    return b;
  };
  const contents: { cell: string; key: string; item: string | number | boolean }[] = [];
  const fills: { cell: string; key: string; item: string }[] = [];
  const notes: { cell: string; text: string; before: string | null }[] = [];
  const skippedNotes: string[] = [];
  const appendedNotes: string[] = [];
  const annotations = new Map<string, Annotation>();
  const fillBefore = new Map<string, FillState>();

  for (const action of actions) {
    switch (action.kind) {
      case "set-value":
        touch(action.cell).content ??= contentBefore(read, action.cell);
        contents.push({ cell: action.cell, key: "values", item: action.value === null ? "" : (action.value as string | number | boolean) });
        break;
      case "set-formula":
        touch(action.cell).content ??= contentBefore(read, action.cell);
        contents.push({ cell: action.cell, key: "formulas", item: action.formula.startsWith("=") ? action.formula : `=${action.formula}` });
        break;
      case "fill": {
        const color = cssColor(etColor(action.color));
        fills.push({ cell: action.cell, key: color, item: color });
        break;
      }
      case "note": {
        const own = read.annotatedCells.get(action.cell);
        if (own === undefined) {
          notes.push({ cell: action.cell, text: fitJxPart("", action.text)!, before: null });
          break;
        }
        // The cell's own comment: JX's part after it. One already holding a JX part is left (清除标注 first),
        // and one whose own text leaves no room within 32,767 characters.
        const part = own.includes(JX_NOTE_MARK) ? null : fitJxPart(own, action.text);
        if (part === null) skippedNotes.push(action.cell);
        else notes.push({ cell: action.cell, text: part, before: own });
        break;
      }
    }
  }
  // The snapshot: fills of exactly the cells about to be coloured (a later fill of the same cell wins).
  const lastFill = new Map(fills.map((f) => [f.cell, f]));
  // One read per column run when its cells share a fill (the usual case: none), cell by cell otherwise.
  for (const run of columnRuns([...lastFill.keys()].map((cell) => ({ cell, key: "", item: cell })))) {
    const shared = sharedFill(sheet.Range(run.address));
    for (const cell of run.items) {
      const before = shared ?? fillOf(sheet.Range(cell));
      fillBefore.set(cell, before);
      touch(cell).fill = before;
    }
  }
  const annotationFor = (cell: string) => {
    let a = annotations.get(cell);
    if (!a) annotations.set(cell, (a = { cell, color: "", fillBefore: fillBefore.get(cell) ?? { color: null }, note: null, noteText: null }));
    return a;
  };
  for (const f of lastFill.values()) annotationFor(f.cell).color = f.item;
  const notesAdded: NoteRef[] = [];
  const notesChanged: { ref: NoteRef; before: string }[] = [];

  withScreenOff(app, () => {
    // Later writes of one cell replace earlier ones: keep the last per cell, as the Office adapter's map does.
    const lastContent = new Map(contents.map((c) => [c.cell, c]));
    for (const run of columnRuns([...lastContent.values()])) {
      const range = sheet.Range(run.address);
      const column = run.items.map((v) => [v]);
      if (run.key === "formulas") range.Formula = column;
      else range.Value2 = column;
    }
    for (const run of columnRuns([...lastFill.values()])) sheet.Range(run.address).Interior.Color = etColor(run.items[0]);
    for (const n of notes) {
      const range = sheet.Range(n.cell);
      const a = annotationFor(n.cell);
      a.note = { cell: n.cell, api: "note" };
      a.noteText = n.text;
      if (n.before === null) {
        range.AddComment(n.text);
        notesAdded.push(a.note);
      } else {
        const comment = range.Comment;
        if (comment) {
          comment.Text(n.before ? `${n.before}\n${n.text}` : n.text);
          notesChanged.push({ ref: a.note, before: n.before });
          appendedNotes.push(n.cell);
        } else {
          range.AddComment(n.text); // deleted since the read: JX's part alone
          notesAdded.push(a.note);
        }
      }
    }
  });

  return {
    undo: { sheet: sheetName, cells: [...touched.values()], notesAdded, notesRemoved: [], notesChanged },
    annotations: [...annotations.values()],
    skippedNotes,
    appendedNotes,
    droppedNotes: 0,
  };
}

function setFill(range: EtRange, fill: FillState): void {
  if (fill.color === null) range.Interior.ColorIndex = XL_NONE;
  else range.Interior.Color = etColor(fill.color);
}

/** Puts back what an UndoRecord describes (of an apply or of a clear): contents, fills, notes. */
export function undo(app: EtApplication, record: UndoRecord): void {
  const sheet = sheetOf(app, record.sheet);
  withScreenOff(app, () => {
    for (const b of record.cells) {
      const range = sheet.Range(b.cell);
      if (b.content?.formula) range.Formula = `=${b.content.formula}`;
      else if (b.content) range.Value2 = b.content.value === null ? "" : b.content.value instanceof Date ? b.content.value.toISOString() : b.content.value;
      if (b.fill) setFill(range, b.fill);
    }
    for (const ref of record.notesAdded) {
      const comment = sheet.Range(ref.cell).Comment;
      if (comment) comment.Delete();
    }
    for (const removed of record.notesRemoved) {
      const range = sheet.Range(removed.cell);
      const comment = range.Comment;
      if (comment) comment.Text(removed.text);
      else range.AddComment(removed.text);
    }
    // A comment JX added its part to, or took it off: its text before; written again if deleted since.
    for (const changed of record.notesChanged ?? []) {
      const range = sheet.Range(changed.ref.cell);
      const comment = range.Comment;
      if (comment) comment.Text(changed.before);
      else if (changed.before) range.AddComment(changed.before);
    }
  });
}

/**
 * 清除标注: removes only what JX added — its fills where the cell still shows JX's colour, its part of a
 * note where that part still holds JX's text: a note that is only JX's is deleted, the user's own text
 * before the 【JX校验】 mark stays. Returns what it changed, for 撤销.
 */
export function clearAnnotations(app: EtApplication, sheetName: string, annotations: Annotation[]): UndoRecord {
  const sheet = sheetOf(app, sheetName);
  const record: UndoRecord = { sheet: sheetName, cells: [], notesRemoved: [], notesAdded: [], notesChanged: [] };
  withScreenOff(app, () => {
    for (const a of annotations) {
      const range = sheet.Range(a.cell);
      if (a.color) {
        const now = fillOf(range);
        // The official recoloured it: leave it.
        if (now.color !== null && now.color.toUpperCase() === a.color.toUpperCase()) {
          setFill(range, a.fillBefore);
          record.cells.push({ cell: a.cell, fill: { color: a.color } });
        }
      }
      if (a.note) {
        const comment = range.Comment;
        if (!comment) continue;
        const text = String(comment.Text() ?? "");
        // JX's part: from the mark on (a note made before the mark existed: the whole note).
        const jxPart = jxPartOf(text) ?? text;
        if (a.noteText !== null && jxPart !== a.noteText) continue; // edited by a person: keep
        const own = jxPartOf(text) === null ? "" : withoutJxNote(text);
        if (own) {
          comment.Text(own);
          record.notesChanged!.push({ ref: a.note, before: text });
        } else {
          comment.Delete();
          record.notesRemoved.push({ cell: a.cell, text });
        }
      }
    }
  });
  return record;
}

/** Selects a finding's cell (or a table's range), activating its sheet. */
export function selectCell(app: EtApplication, sheetName: string, cell: string): void {
  const sheet = sheetOf(app, sheetName);
  sheet.Activate();
  sheet.Range(cell).Select();
}

/** The selected range's address ("A5:K40"), or null when the selection is no range (a chart, a shape, nothing). */
export function selectionAddress(app: EtApplication): string | null {
  const selection = app.Selection as Partial<EtRange> | null | undefined;
  if (!selection || typeof selection.Address !== "function") return null;
  try {
    return String(selection.Address(false, false)).replace(/\$/g, "");
  } catch {
    return null;
  }
}

/** The active sheet's name. */
export function activeSheetName(app: EtApplication): string {
  return sheetOf(app, null).Name;
}
