/**
 * An Excel RequestContext built on Microsoft's office-addin-mock: a sheet with given cells, merged areas,
 * fills and notes. Loaded properties only read back after sync(), as in Excel; every write is recorded.
 */
import type { OfficeMockObject as MockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose dependency tree now
// ships ESM that jest (CommonJS) cannot load; under jest give the mock the enum itself. The bench (tsx)
// loads the real package.
if (typeof jest !== "undefined") {
  jest.mock(require.resolve("office-addin-manifest", { paths: [require.resolve("office-addin-mock")] }), () => ({
    OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
  }));
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { OfficeMockObject } = require("office-addin-mock") as { OfficeMockObject: typeof MockObject };

export interface MockSheetSpec {
  name: string;
  /**
   * Used range origin (0-based) and its rows as Excel's `formulas` shows them; "" = empty. A text "=100%"
   * stays text; a formula needs its computed value in formulaValues.
   */
  top?: number;
  left?: number;
  rows: (string | number | boolean)[][];
  /** Computed values for formula cells, "B3" -> value. */
  formulaValues?: Record<string, string | number | boolean>;
  numberFormats?: Record<string, string>;
  merged?: string | null;
  fills?: Record<string, string>;
  /** Existing notes "B3" -> text. */
  notes?: Record<string, string>;
  /** Existing comments (Excel before notes) "B3" -> text; their ids are "k1", "k2", … in this order. */
  comments?: Record<string, string>;
  /** The selected range ("A5:K40", on this sheet); default A1. */
  selection?: string;
}

export interface RangeWrite {
  address: string;
  values?: unknown[][];
  formulas?: unknown[][];
  cellProperties?: unknown[][];
  fillCleared?: boolean;
  selected?: boolean;
}

export interface MockExcel {
  context: Excel.RequestContext;
  syncCount: () => number;
  writes: RangeWrite[];
  notesAdded: { address: string; text: string }[];
  commentsAdded: { address: string; text: string }[];
  /** Texts set on existing notes (by cell) or comments (by id), in order. */
  contentSet: { key: string; text: string }[];
  deleted: string[];
  suspendCalls: () => number;
  changeHandlers: (() => unknown)[];
}

function col(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function addr(row: number, c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
}

export function mockExcel(spec: MockSheetSpec): MockExcel {
  const top = spec.top ?? 0;
  const left = spec.left ?? 0;
  const width = Math.max(0, ...spec.rows.map((r) => r.length));
  const at = (r: number, c: number) => addr(top + r, left + c);
  const values = spec.rows.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c] ?? "";
      return spec.formulaValues?.[at(r, c)] ?? v;
    }),
  );
  const formulas = spec.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
  const numberFormat = spec.rows.map((_, r) => Array.from({ length: width }, (_, c) => spec.numberFormats?.[at(r, c)] ?? "General"));
  const cellProps = spec.rows.map((_, r) =>
    Array.from({ length: width }, (_, c) => {
      const color = spec.fills?.[at(r, c)];
      return { format: { fill: color ? { color, pattern: "Solid" } : { color: "#FFFFFF", pattern: "None" } } };
    }),
  );
  const lastCell = addr(top + spec.rows.length - 1, left + width - 1);
  const state = {
    writes: [] as RangeWrite[],
    notesAdded: [] as { address: string; text: string }[],
    commentsAdded: [] as { address: string; text: string }[],
    contentSet: [] as { key: string; text: string }[],
    deleted: [] as string[],
    suspend: 0,
    handlers: [] as (() => unknown)[],
  };
  const noteEntries = Object.entries(spec.notes ?? {});
  const commentEntries = Object.entries(spec.comments ?? {});
  const commentId = (cell: string) => `k${commentEntries.findIndex(([c]) => c === cell) + 1}`;
  /** An existing note (by cell) or comment (by id): content readable, settable (recorded), deletable. */
  const existingItem = (key: string, text: string | undefined, deleted: string) => ({
    isNullObject: text === undefined,
    get content() {
      return text;
    },
    set content(v: string | undefined) {
      state.contentSet.push({ key, text: v ?? "" });
    },
    load() {
      return this;
    },
    delete: () => state.deleted.push(deleted),
  });

  const rangeProxy = (address: string) => {
    const w: RangeWrite = { address };
    state.writes.push(w);
    const target = {
      address,
      setCellProperties: (m: unknown[][]) => (w.cellProperties = m),
      select: () => (w.selected = true),
      format: { fill: { clear: () => (w.fillCleared = true) } },
      getCellProperties: () => {
        const color = spec.fills?.[address];
        return { value: [[{ format: { fill: color ? { color, pattern: "Solid" } : { color: "#FFFFFF", pattern: "None" } } }]] };
      },
    };
    return new Proxy(target as Record<string, unknown>, {
      set(_t, key, value) {
        if (key === "values") w.values = value;
        if (key === "formulas") w.formulas = value;
        return true;
      },
    });
  };

  let root: MockObject;
  const sheetData = {
    name: spec.name,
    usedRange: { address: `${spec.name}!${addr(top, left)}:${lastCell}`, values, formulas, numberFormat, rowIndex: top, columnIndex: left },
    merged: { address: spec.merged ?? "" },
    notes: {
      items: noteEntries.map(([cell, text]) => ({ content: text, getLocation: () => ({ address: `${spec.name}!${cell}`, load() { return this; } }) })),
      getCount: () => ({ value: noteEntries.length }),
      add: (range: { address: string }, text: string) => state.notesAdded.push({ address: range.address, text }),
      getItemOrNullObject: (cell: string) => existingItem(cell, spec.notes?.[cell], cell),
      getItem: (cell: string) => {
        if (spec.notes?.[cell] === undefined) throw new Error(`ItemNotFound: ${cell}`);
        return existingItem(cell, spec.notes[cell], cell);
      },
    },
    comments: {
      items: commentEntries.map(([cell, text]) => ({ id: commentId(cell), content: text, getLocation: () => ({ address: `${spec.name}!${cell}`, load() { return this; } }) })),
      getCount: () => ({ value: commentEntries.length }),
    },
    getUsedRange: () => root.workbook.worksheets.sheet.usedRange,
    getRange: (a: string) => rangeProxy(a),
    activate: () => undefined,
  };
  root = new OfficeMockObject({
    workbook: {
      selectedRange: { address: `${spec.name}!${spec.selection ?? "A1"}` },
      getSelectedRange: () => root.workbook.selectedRange,
      worksheets: {
        sheet: sheetData,
        getActiveWorksheet: () => root.workbook.worksheets.sheet,
        getItem: () => root.workbook.worksheets.sheet,
        onChanged: { add: (h: () => unknown) => state.handlers.push(h) },
      },
      comments: {
        add: (range: { address: string }, text: string) => {
          state.commentsAdded.push({ address: range.address, text });
          return { id: `c${state.commentsAdded.length}`, load() { return this; } };
        },
        getItem: (id: string) => {
          const entry = commentEntries.find(([cell]) => commentId(cell) === id);
          if (!entry) throw new Error(`ItemNotFound: ${id}`);
          return existingItem(id, entry[1], id);
        },
        getItemOrNullObject: (id: string) => existingItem(id, commentEntries.find(([cell]) => commentId(cell) === id)?.[1], id),
      },
    },
    application: { suspendScreenUpdatingUntilNextSync: () => (state.suspend += 1) },
  });
  const used = root.workbook.worksheets.sheet.usedRange;
  used.isNullObject = false;
  used.getMergedAreasOrNullObject = () => {
    const m = root.workbook.worksheets.sheet.merged;
    m.isNullObject = !spec.merged;
    return m;
  };
  used.getCellProperties = () => ({ value: cellProps });

  let syncs = 0;
  const baseSync = root.sync.bind(root);
  root.sync = async () => {
    syncs += 1;
    await baseSync();
  };
  return {
    context: root as unknown as Excel.RequestContext,
    syncCount: () => syncs,
    writes: state.writes,
    notesAdded: state.notesAdded,
    commentsAdded: state.commentsAdded,
    contentSet: state.contentSet,
    deleted: state.deleted,
    suspendCalls: () => state.suspend,
    changeHandlers: state.handlers,
  };
}

export { col };
