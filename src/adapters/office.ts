/**
 * Office.js host adapter. Reading a sheet costs one context.sync, applying a Plan one more, whatever the
 * size: every proxy call is queued first and synced once. Office.js gives add-ins no undo, so every write
 * returns an UndoRecord built from what the read sync saw.
 *
 * Notes (批注): a cell's own note is kept. JX's text goes after it, from the 【JX校验】 mark on
 * (src/check/notes.ts), cut to fit Excel's 32,767 characters; 清除标注 takes off only that part.
 * Office.js tells a note's cell only through getLocation(), so a sheet that already has notes costs two
 * more syncs before the write (findAnnotatedCells: the notes with their texts, then their cells).
 */
import type { CellRange, CellValue, Grid, GridCell } from "../sheet/types";
import type { Plan, PlanAction } from "../check/types";
import { JX_NOTE_MARK, fitJxPart, jxPartOf, withoutJxNote } from "../check/notes";
import { cellAddress, parseAreas, parseCell } from "./office-a1";
import type { OfficeCapabilities } from "./office-capabilities";

/** Fill of a cell as JX needs to restore it: a colour, or none. */
export type FillState = { color: string } | { color: null };

export interface OfficeSheetRead {
  grid: Grid;
  /** Fill of every cell of the used range ("B3" -> fill); empty when ExcelApi 1.9 is missing. */
  fills: Map<string, FillState>;
  /**
   * Cells that already carry a note or comment, with its text (JX adds its part after it). Known after
   * the read when the sheet has none (the usual case); null when it has some: call findAnnotatedCells
   * before applying.
   */
  annotatedCells: Map<string, ExistingNote> | null;
  /** The selected range ("Sheet1!A5:K40"), when asked for (识别所选区域); read in the same sync. */
  selection?: string;
}

/** A note or comment found on a cell: its text, and the comment's id (notes are keyed by cell). */
export interface ExistingNote {
  text: string;
  id?: string;
}

export type NoteRef = { cell: string; api: "note" } | { cell: string; api: "comment"; id: string };

export interface CellBefore {
  cell: string;
  /** What the cell held, when JX wrote a value or formula into it. Formula without "=". */
  content?: { value: CellValue; formula: string | null };
  /** The fill before, when JX changed the fill. */
  fill?: FillState;
}

/** Exactly what one JX action changed, so one click puts it back. */
export interface UndoRecord {
  sheet: string;
  cells: CellBefore[];
  notesAdded: NoteRef[];
  notesRemoved: { cell: string; text: string }[];
  /** Notes whose text JX changed (its part added to, or taken off, an own note): the text before. */
  notesChanged?: { ref: NoteRef; before: string }[];
}

/** What JX added, kept in the document so 清除标注 removes only that. */
export interface Annotation {
  cell: string;
  color: string;
  fillBefore: FillState;
  note: NoteRef | null;
  /** JX's part of the note as written (from the 【JX校验】 mark on; the whole note when JX made it). */
  noteText: string | null;
}

export interface ApplyResult {
  undo: UndoRecord;
  annotations: Annotation[];
  /**
   * Cells whose existing note/comment JX left alone (its explanation is in the pane): it already holds a
   * JX part, or its own text leaves no room within 32,767 characters.
   */
  skippedNotes: string[];
  /** Cells where JX's part was added after the cell's own note. */
  appendedNotes?: string[];
  /** Note actions dropped because this Excel has neither notes nor comments. */
  droppedNotes: number;
}

type Ctx = Excel.RequestContext;

/** Plans carry colours as exceljs ARGB ("FFFFC7CE") or CSS hex; Office.js wants "#FFC7CE". */
export function officeColor(color: string): string {
  const hex = color.replace(/^#/, "");
  if (/^[0-9a-f]{8}$/i.test(hex)) return `#${hex.slice(2).toUpperCase()}`;
  if (/^[0-9a-f]{6}$/i.test(hex)) return `#${hex.toUpperCase()}`;
  return color;
}

function sheetOf(context: Ctx, name: string | null): Excel.Worksheet {
  return name === null ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(name);
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * Reads the used range of one sheet (the active one when `sheetName` is null): values, number formats,
 * formulas, merged areas, fills and the count of notes — all in ONE context.sync. `onChanged`, when given,
 * is registered in the same batch (worksheets.onChanged) so the pane knows when what it read is stale.
 * `withSelection`: the selected range's address too (识别所选区域), in the same sync. Excel refuses the
 * whole batch when the selection is not cells (a chart, a shape): only asked for on that button.
 */
export async function readSheet(
  context: Ctx,
  sheetName: string | null,
  caps: OfficeCapabilities,
  onChanged?: () => void,
  withSelection = false,
): Promise<OfficeSheetRead> {
  const sheet = sheetOf(context, sheetName);
  sheet.load("name");
  // getUsedRange (not …OrNullObject): a blank sheet gives A1, so the calls queued on it below stay valid.
  const used = sheet.getUsedRange(true);
  used.load(["address", "values", "formulas", "numberFormat", "rowIndex", "columnIndex"]);
  const merged = caps.mergedAreas ? used.getMergedAreasOrNullObject() : null;
  merged?.load("address");
  const fills = caps.cellProperties ? used.getCellProperties({ format: { fill: { color: true, pattern: true } } }) : null;
  const noteCount = caps.notes ? sheet.notes.getCount() : caps.comments ? sheet.comments.getCount() : null;
  // One workbook-level handler (ExcelApi 1.9) covers every sheet; the caller registers it once per session.
  if (onChanged && caps.events && caps.cellProperties) context.workbook.worksheets.onChanged.add(async () => onChanged());
  const selected = withSelection ? context.workbook.getSelectedRange() : null;
  selected?.load("address");
  await context.sync();

  const name = sheet.name;
  const annotatedCells = noteCount === null || noteCount.value === 0 ? new Map<string, ExistingNote>() : null;
  const top = used.rowIndex;
  const left = used.columnIndex;
  const values = used.values as unknown[][];
  const formulas = used.formulas as unknown[][];
  const formats = used.numberFormat as unknown[][];
  // Grid rows/cols are absolute (A1 = [0][0]) so findings' A1 addresses need no offset.
  const cells: (GridCell | undefined)[][] = [];
  for (let r = 0; r < top; r++) cells.push([]);
  for (let r = 0; r < values.length; r++) {
    const row: (GridCell | undefined)[] = new Array(left + values[r].length);
    for (let c = 0; c < values[r].length; c++) {
      const f = formulas[r]?.[c];
      // A text constant such as "=100%" (a target typed as text) reads back the same in values and formulas.
      const formula = typeof f === "string" && f.startsWith("=") && f !== values[r][c] ? f.slice(1) : null;
      const value = toCellValue(values[r][c]);
      if (value === null && formula === null) continue;
      const fmt = formats[r]?.[c];
      row[left + c] = { value, numFmt: typeof fmt === "string" ? fmt : null, formula };
    }
    cells.push(row);
  }
  const colCount = left + (values[0]?.length ?? 0);
  const merges: CellRange[] = merged && !merged.isNullObject ? parseAreas(merged.address) : [];

  const fillMap = new Map<string, FillState>();
  if (fills) {
    fills.value.forEach((row, r) =>
      row.forEach((p, c) => {
        const fill = p.format?.fill;
        const none = !fill || fill.pattern === "None" || !fill.color;
        fillMap.set(cellAddress(top + r, left + c), none ? { color: null } : { color: fill.color as string });
      }),
    );
  }
  const read: OfficeSheetRead = { grid: { name, rowCount: cells.length, colCount, cells, merges }, fills: fillMap, annotatedCells };
  if (selected) read.selection = selected.address;
  return read;
}

/**
 * Where the sheet's existing notes (or comments) are, with their texts. Only needed when readSheet counted
 * some: Office.js gives a note's cell only through getLocation(), so this takes two syncs (the items with
 * their scalar properties — content, a comment's id — then their cells).
 */
export async function findAnnotatedCells(context: Ctx, sheetName: string, caps: OfficeCapabilities): Promise<Map<string, ExistingNote>> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const collection: Excel.NoteCollection | Excel.CommentCollection | null = caps.notes ? sheet.notes : caps.comments ? sheet.comments : null;
  if (!collection) return new Map();
  collection.load("items");
  await context.sync();
  const items = collection.items as (Excel.Note | Excel.Comment)[];
  const locations = items.map((item) => item.getLocation().load("address"));
  await context.sync();
  const out = new Map<string, ExistingNote>();
  locations.forEach((loc, i) => {
    const item = items[i] as { content?: string; id?: string };
    const note: ExistingNote = { text: typeof item.content === "string" ? item.content : "" };
    if (!caps.notes && typeof item.id === "string") note.id = item.id;
    for (const area of parseAreas(loc.address)) out.set(cellAddress(area.top, area.left), note);
  });
  return out;
}

function contentBefore(read: OfficeSheetRead, cell: string): CellBefore["content"] {
  const pos = parseCell(cell);
  const g = pos ? read.grid.cells[pos.row]?.[pos.col] : undefined;
  return { value: g?.value ?? null, formula: g?.formula ?? null };
}

/** Bounding box of some cells, with each cell's payload in place and {} (no change) elsewhere. */
function bulkProperties<T extends object>(items: { cell: string; props: T }[]): { address: string; matrix: (T | {})[][] } | null {
  const placed = items.map((i) => ({ pos: parseCell(i.cell), props: i.props })).filter((i) => i.pos !== null) as { pos: { row: number; col: number }; props: T }[];
  if (placed.length === 0) return null;
  const top = Math.min(...placed.map((p) => p.pos.row));
  const left = Math.min(...placed.map((p) => p.pos.col));
  const bottom = Math.max(...placed.map((p) => p.pos.row));
  const right = Math.max(...placed.map((p) => p.pos.col));
  const matrix: (T | {})[][] = [];
  for (let r = top; r <= bottom; r++) matrix.push(new Array(right - left + 1).fill(null).map(() => ({})));
  for (const p of placed) matrix[p.pos.row - top][p.pos.col - left] = p.props;
  return { address: `${cellAddress(top, left)}:${cellAddress(bottom, right)}`, matrix };
}

type CellWrite = { kind: "values" | "formulas"; input: string | number | boolean };

/**
 * Score writes in bulk: cells in consecutive rows of one column, all values or all formulas, become one
 * range assignment (a column of 10,000 filled scores is one proxy call, not 10,000).
 */
function columnRuns(writes: Map<string, CellWrite>): { address: string; kind: CellWrite["kind"]; inputs: CellWrite["input"][] }[] {
  const cells = [...writes]
    .map(([cell, w]) => ({ pos: parseCell(cell), w }))
    .filter((x): x is { pos: { row: number; col: number }; w: CellWrite } => x.pos !== null)
    .sort((a, b) => a.pos.col - b.pos.col || a.pos.row - b.pos.row);
  const runs: { top: number; col: number; bottom: number; kind: CellWrite["kind"]; inputs: CellWrite["input"][] }[] = [];
  for (const { pos, w } of cells) {
    const last = runs[runs.length - 1];
    if (last && last.col === pos.col && last.bottom + 1 === pos.row && last.kind === w.kind) {
      last.bottom = pos.row;
      last.inputs.push(w.input);
    } else runs.push({ top: pos.row, col: pos.col, bottom: pos.row, kind: w.kind, inputs: [w.input] });
  }
  return runs.map((r) => ({
    address: r.top === r.bottom ? cellAddress(r.top, r.col) : `${cellAddress(r.top, r.col)}:${cellAddress(r.bottom, r.col)}`,
    kind: r.kind,
    inputs: r.inputs,
  }));
}

/**
 * Applies the Plan's actions for the read sheet in ONE context.sync: values and formulas in column runs,
 * fills in bulk with setCellProperties, notes (or comments on older Excel), screen updating suspended once.
 */
export async function applyPlan(context: Ctx, plan: Plan, read: OfficeSheetRead, caps: OfficeCapabilities): Promise<ApplyResult> {
  const sheetName = read.grid.name;
  const actions = plan.actions.filter((a) => a.sheet === sheetName);
  const sheet = context.workbook.worksheets.getItem(sheetName);
  if (caps.cellProperties) context.application.suspendScreenUpdatingUntilNextSync();

  const touched = new Map<string, CellBefore>();
  const touch = (cell: string) => {
    let b = touched.get(cell);
    if (!b) touched.set(cell, (b = { cell }));
    return b;
  };
  const fills: { cell: string; props: Excel.SettableCellProperties }[] = [];
  const annotations = new Map<string, Annotation>();
  const annotationFor = (cell: string, color: string) => {
    let a = annotations.get(cell);
    if (!a) annotations.set(cell, (a = { cell, color, fillBefore: read.fills.get(cell) ?? { color: null }, note: null, noteText: null }));
    return a;
  };
  const skippedNotes: string[] = [];
  const appendedNotes: string[] = [];
  let droppedNotes = 0;
  const addedComments: { cell: string; comment: Excel.Comment }[] = [];
  const contents = new Map<string, CellWrite>();
  const notesAdded: NoteRef[] = [];
  const notesChanged: { ref: NoteRef; before: string }[] = [];

  for (const action of actions as PlanAction[]) {
    switch (action.kind) {
      case "set-value":
        touch(action.cell).content ??= contentBefore(read, action.cell);
        contents.set(action.cell, { kind: "values", input: action.value === null ? "" : (action.value as string | number | boolean) });
        break;
      case "set-formula":
        touch(action.cell).content ??= contentBefore(read, action.cell);
        contents.set(action.cell, { kind: "formulas", input: action.formula.startsWith("=") ? action.formula : `=${action.formula}` });
        break;
      case "fill": {
        if (!caps.cellProperties) break;
        touch(action.cell).fill ??= read.fills.get(action.cell) ?? { color: null };
        const color = officeColor(action.color);
        annotationFor(action.cell, color).color = color;
        fills.push({ cell: action.cell, props: { format: { fill: { color } } } });
        break;
      }
      case "note": {
        if (read.annotatedCells === null) throw new Error("内部错误：应用标注前须先查明已有批注的单元格（findAnnotatedCells）。");
        const existing = read.annotatedCells.get(action.cell);
        if (existing) {
          // The cell's own note: JX's part after it. One already holding a JX part is left (清除标注 first).
          const part = existing.text.includes(JX_NOTE_MARK) ? null : fitJxPart(existing.text, action.text);
          const ref: NoteRef | null = caps.notes ? { cell: action.cell, api: "note" } : caps.comments && existing.id ? { cell: action.cell, api: "comment", id: existing.id } : null;
          if (part === null || ref === null) {
            skippedNotes.push(action.cell);
            break;
          }
          const proxy = ref.api === "note" ? sheet.notes.getItem(action.cell) : context.workbook.comments.getItem(ref.id);
          proxy.content = existing.text ? `${existing.text}\n${part}` : part;
          notesChanged.push({ ref, before: existing.text });
          appendedNotes.push(action.cell);
          const a = annotationFor(action.cell, "");
          a.noteText = part;
          a.note = ref;
          break;
        }
        const text = fitJxPart("", action.text)!;
        const range = sheet.getRange(action.cell);
        const a = annotationFor(action.cell, "");
        a.noteText = text;
        if (caps.notes) {
          sheet.notes.add(range, text);
          a.note = { cell: action.cell, api: "note" };
          notesAdded.push(a.note);
        } else if (caps.comments) {
          const comment = context.workbook.comments.add(range, text);
          comment.load("id");
          addedComments.push({ cell: action.cell, comment });
        } else {
          droppedNotes++;
        }
        break;
      }
    }
  }
  for (const run of columnRuns(contents)) {
    const range = sheet.getRange(run.address);
    if (run.kind === "values") range.values = run.inputs.map((v) => [v]);
    else range.formulas = run.inputs.map((v) => [v]);
  }
  const bulk = bulkProperties(fills);
  if (bulk) sheet.getRange(bulk.address).setCellProperties(bulk.matrix as Excel.SettableCellProperties[][]);
  await context.sync();

  for (const { cell, comment } of addedComments) {
    const ref: NoteRef = { cell, api: "comment", id: comment.id };
    notesAdded.push(ref);
    const a = annotations.get(cell);
    if (a) a.note = ref;
  }
  return {
    undo: { sheet: sheetName, cells: [...touched.values()], notesAdded, notesRemoved: [], notesChanged },
    annotations: [...annotations.values()],
    skippedNotes,
    appendedNotes,
    droppedNotes,
  };
}

function restoreCells(sheet: Excel.Worksheet, cells: CellBefore[]): void {
  const colourFills: { cell: string; props: Excel.SettableCellProperties }[] = [];
  for (const b of cells) {
    const range = sheet.getRange(b.cell);
    if (b.content?.formula) range.formulas = [[`=${b.content.formula}`]];
    else if (b.content) range.values = [[b.content.value === null ? "" : (b.content.value as string | number | boolean)]];
    if (b.fill === undefined) continue;
    if (b.fill.color === null) range.format.fill.clear();
    else colourFills.push({ cell: b.cell, props: { format: { fill: { color: b.fill.color } } } });
  }
  const bulk = bulkProperties(colourFills);
  if (bulk) sheet.getRange(bulk.address).setCellProperties(bulk.matrix as Excel.SettableCellProperties[][]);
}

/**
 * Puts back what an UndoRecord describes (of an apply or of a clear): contents, fills, notes. One sync to see which of the notes JX added still exist
 * (deleting a missing one would fail the whole batch), one sync to write.
 */
export async function undo(context: Ctx, record: UndoRecord, caps: OfficeCapabilities): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(record.sheet);
  const existing = findNotes(context, sheet, record.notesAdded, caps);
  const changed = record.notesChanged ?? [];
  const changedNow = findNotes(context, sheet, changed.map((c) => c.ref), caps);
  await context.sync();
  if (caps.cellProperties) context.application.suspendScreenUpdatingUntilNextSync();
  restoreCells(sheet, record.cells);
  for (const n of existing) if (!n.proxy.isNullObject) n.proxy.delete();
  for (const removed of record.notesRemoved) addNote(context, sheet, removed.cell, removed.text, caps);
  // A note JX added to or trimmed gets its text back; one deleted since is written again.
  changedNow.forEach((n, i) => {
    if (!n.proxy.isNullObject) n.proxy.content = changed[i].before;
    else if (changed[i].before) addNote(context, sheet, n.ref.cell, changed[i].before, caps);
  });
  await context.sync();
}

type NoteProxy = { ref: NoteRef; proxy: Excel.Note | Excel.Comment };

function findNotes(context: Ctx, sheet: Excel.Worksheet, refs: NoteRef[], caps: OfficeCapabilities): NoteProxy[] {
  const out: NoteProxy[] = [];
  for (const ref of refs) {
    if (ref.api === "note" && caps.notes) {
      const proxy = sheet.notes.getItemOrNullObject(ref.cell);
      proxy.load("content");
      out.push({ ref, proxy });
    } else if (ref.api === "comment" && caps.comments) {
      const proxy = context.workbook.comments.getItemOrNullObject(ref.id);
      proxy.load("content");
      out.push({ ref, proxy });
    }
  }
  return out;
}

function addNote(context: Ctx, sheet: Excel.Worksheet, cell: string, text: string, caps: OfficeCapabilities): void {
  const range = sheet.getRange(cell);
  if (caps.notes) sheet.notes.add(range, text);
  else if (caps.comments) context.workbook.comments.add(range, text);
}

/**
 * 清除标注: removes only what JX added — its fills where the cell still shows JX's colour, its part of a
 * note where that part still holds JX's text: a note that is only JX's is deleted, the user's own text
 * before the 【JX校验】 mark stays. Returns what it changed, for 撤销. Two syncs (look, then write).
 */
export async function clearAnnotations(context: Ctx, sheetName: string, annotations: Annotation[], caps: OfficeCapabilities): Promise<UndoRecord> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const withFill = caps.cellProperties ? annotations.filter((a) => a.color) : [];
  const currentFills = withFill.map((a) => ({ a, props: sheet.getRange(a.cell).getCellProperties({ format: { fill: { color: true } } }) }));
  const notes = findNotes(context, sheet, annotations.flatMap((a) => (a.note ? [a.note] : [])), caps);
  await context.sync();

  if (caps.cellProperties) context.application.suspendScreenUpdatingUntilNextSync();
  const record: UndoRecord = { sheet: sheetName, cells: [], notesAdded: [], notesRemoved: [], notesChanged: [] };
  for (const { a, props } of currentFills) {
    const now = props.value[0]?.[0]?.format?.fill?.color;
    if (!now || now.toUpperCase() !== a.color.toUpperCase()) continue; // the official recoloured it: leave it
    const range = sheet.getRange(a.cell);
    if (a.fillBefore.color === null) range.format.fill.clear();
    else range.format.fill.color = a.fillBefore.color;
    record.cells.push({ cell: a.cell, fill: { color: a.color } });
  }
  for (const n of notes) {
    if (n.proxy.isNullObject) continue;
    const content = n.proxy.content;
    const text = annotations.find((a) => a.note === n.ref)?.noteText;
    // JX's part: from the mark on (a note made before the mark existed: the whole note).
    const jxPart = jxPartOf(content) ?? content;
    if (text !== null && text !== undefined && jxPart !== text) continue; // edited by a person: keep
    const own = jxPartOf(content) === null ? "" : withoutJxNote(content);
    if (own) {
      n.proxy.content = own;
      record.notesChanged!.push({ ref: n.ref, before: content });
    } else {
      record.notesRemoved.push({ cell: n.ref.cell, text: content });
      n.proxy.delete();
    }
  }
  await context.sync();
  return record;
}

/** Selects a finding's cell (activating its sheet). One sync. */
export async function selectCell(context: Ctx, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}

