/**
 * An in-memory stand-in for the part of the WPS 表格 (ET) object model JX uses, behaving as Excel's COM
 * model does: Value2/Formula give a scalar for one cell and rows of cells otherwise; NumberFormat,
 * MergeCells, Interior.ColorIndex and Interior.Color give null when the cells of a range differ; AddComment
 * fails on a cell that has a note. Every property read, property write and method call on an object of the
 * model is counted (calls), the way each is one call into WPS; writes are also logged for the assertions.
 * Shared by the adapter tests (tests/adapters/wps.test.ts) and the pane test in Chromium (tests/e2e).
 */
import type { EtApplication, EtComment, EtRange, EtWorksheet } from "../../src/adapters/wps";

export const XL_NONE = -4142;

export interface StandInSheetSpec {
  name: string;
  /** Origin of `rows` (0-based). */
  top?: number;
  left?: number;
  /** Cells as typed: a string starting with "=" is a formula unless listed in `texts`. "" = empty. */
  rows: (string | number | boolean)[][];
  /** Computed values of formula cells, "B3" -> value. */
  formulaValues?: Record<string, string | number | boolean>;
  /** Cells whose "=…" content is text (typed with an apostrophe). */
  texts?: string[];
  numberFormats?: Record<string, string>;
  /** "B1:F1" areas. */
  merged?: string[];
  /** "#RRGGBB" fills. */
  fills?: Record<string, string>;
  notes?: Record<string, string>;
}

interface Cell {
  value: string | number | boolean | undefined;
  formula: string | null;
  numFmt: string;
  fill: number | null;
  note: string | null;
}

export interface WriteLog {
  address: string;
  property: "Value2" | "Formula" | "Interior.Color" | "Interior.ColorIndex";
  value: unknown;
}

export interface StandIn {
  app: EtApplication;
  calls: () => number;
  resetCalls: () => void;
  writes: WriteLog[];
  commentsAdded: { address: string; text: string }[];
  /** Comment.Text(text…) calls that set a comment's text: the address and the text it then holds. */
  commentsChanged: { address: string; text: string }[];
  commentsDeleted: string[];
  selected: string[];
  screenUpdatingLog: boolean[];
  /** Test-side access, not counted. */
  cell: (sheet: string, address: string) => Cell | undefined;
  sheetNames: () => string[];
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function colLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const a1 = (r: number, c: number) => `${colLetters(c)}${r + 1}`;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseBox(address: string): Box {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.trim());
  if (!m) throw new Error(`stand-in: bad address ${address}`);
  const top = Number(m[2]) - 1;
  const left = colNumber(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? colNumber(m[3]) : left };
}

function hexToBgr(hex: string): number {
  const h = hex.replace(/^#/, "");
  return parseInt(h.slice(0, 2), 16) + parseInt(h.slice(2, 4), 16) * 256 + parseInt(h.slice(4, 6), 16) * 65536;
}

/** Wraps an object so that every property read, write and method call counts as one call into the model. */
function counted<T extends object>(target: T, counter: { n: number }): T {
  return new Proxy(target, {
    get(t, p, r) {
      counter.n++;
      const v = Reflect.get(t, p, r);
      return typeof v === "function" ? v.bind(t) : v;
    },
    set(t, p, v, r) {
      counter.n++;
      return Reflect.set(t, p, v, r);
    },
  });
}

export function etStandIn(specs: StandInSheetSpec[]): StandIn {
  const counter = { n: 0 };
  const writes: WriteLog[] = [];
  const commentsAdded: { address: string; text: string }[] = [];
  const commentsChanged: { address: string; text: string }[] = [];
  const commentsDeleted: string[] = [];
  const selected: string[] = [];
  const screenUpdatingLog: boolean[] = [];
  const books = new Map<string, { cells: Map<string, Cell>; merges: Box[] }>();
  let active = specs[0]?.name ?? "Sheet1";

  for (const spec of specs) {
    const cells = new Map<string, Cell>();
    const top = spec.top ?? 0;
    const left = spec.left ?? 0;
    const get = (addr: string) => {
      let c = cells.get(addr);
      if (!c) cells.set(addr, (c = { value: undefined, formula: null, numFmt: "General", fill: null, note: null }));
      return c;
    };
    spec.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "") return;
        const addr = a1(top + r, left + c);
        const cell = get(addr);
        if (typeof v === "string" && v.startsWith("=") && !spec.texts?.includes(addr)) {
          cell.formula = v;
          cell.value = spec.formulaValues?.[addr];
        } else cell.value = v;
      }),
    );
    for (const [addr, f] of Object.entries(spec.numberFormats ?? {})) get(addr).numFmt = f;
    for (const [addr, f] of Object.entries(spec.fills ?? {})) get(addr).fill = hexToBgr(f);
    for (const [addr, t] of Object.entries(spec.notes ?? {})) get(addr).note = t;
    books.set(spec.name, { cells, merges: (spec.merged ?? []).map(parseBox) });
  }

  const book = (name: string) => {
    const b = books.get(name);
    if (!b) throw new Error(`stand-in: no sheet ${name}`);
    return b;
  };

  function makeComment(sheet: string, addr: string): EtComment {
    return counted(
      {
        // Excel COM: Text() reads; Text(t) sets the whole text; Text(t, start) inserts at start (1-based),
        // Text(t, start, true) overwrites from there.
        Text: (text?: string, start?: number, overwrite = false) => {
          const c = book(sheet).cells.get(addr);
          const now = c?.note ?? "";
          if (text === undefined) return now;
          if (!c || c.note === null) throw new Error("stand-in: the comment was deleted");
          const at = start === undefined ? null : Math.max(0, Math.min(now.length, start - 1));
          c.note = at === null ? text : now.slice(0, at) + text + now.slice(overwrite ? at + text.length : at);
          commentsChanged.push({ address: addr, text: c.note });
          return c.note;
        },
        Delete: () => {
          const c = book(sheet).cells.get(addr);
          if (c) c.note = null;
          commentsDeleted.push(addr);
        },
        get Parent() {
          return makeRange(sheet, parseBox(addr));
        },
      },
      counter,
    );
  }

  function makeRange(sheet: string, box: Box): EtRange {
    const b = book(sheet);
    const addrs: string[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: string[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(a1(r, c));
      addrs.push(row);
    }
    const single = box.top === box.bottom && box.left === box.right;
    const address = single ? a1(box.top, box.left) : `${a1(box.top, box.left)}:${a1(box.bottom, box.right)}`;
    const cellAt = (addr: string) => {
      let c = b.cells.get(addr);
      if (!c) b.cells.set(addr, (c = { value: undefined, formula: null, numFmt: "General", fill: null, note: null }));
      return c;
    };
    const peek = (addr: string) => b.cells.get(addr);
    const shape = <T>(f: (addr: string) => T): T | T[][] => (single ? f(addrs[0][0]) : addrs.map((row) => row.map(f)));
    const uniform = <T>(f: (addr: string) => T): T | null => {
      const all = addrs.flat().map(f);
      return all.every((v) => v === all[0]) ? all[0] : null;
    };
    const assign = (property: "Value2" | "Formula", v: unknown) => {
      writes.push({ address, property, value: v });
      addrs.forEach((row, r) =>
        row.forEach((addr, c) => {
          const x = Array.isArray(v) ? (v as unknown[][])[r]?.[c] : v;
          const cell = cellAt(addr);
          if (property === "Formula" && typeof x === "string" && x.startsWith("=")) {
            cell.formula = x;
            cell.value = undefined;
          } else {
            cell.formula = null;
            cell.value = x === "" || x === null ? undefined : (x as Cell["value"]);
          }
        }),
      );
    };
    const inMerge = (addr: string) => {
      const p = parseBox(addr);
      return b.merges.find((m) => p.top >= m.top && p.top <= m.bottom && p.left >= m.left && p.left <= m.right);
    };
    const interior = counted(
      {
        get Color() {
          return uniform((a) => peek(a)?.fill ?? 16777215);
        },
        set Color(v: number | null) {
          writes.push({ address, property: "Interior.Color", value: v });
          addrs.flat().forEach((a) => (cellAt(a).fill = v ?? null));
        },
        get ColorIndex() {
          const none = uniform((a) => (peek(a)?.fill ?? null) === null);
          if (none === true) return XL_NONE;
          if (none === null) return null;
          // Some fill on every cell: an index when they agree, null otherwise (as the object model does).
          return uniform((a) => peek(a)?.fill) === null ? null : 1;
        },
        set ColorIndex(v: number | null) {
          writes.push({ address, property: "Interior.ColorIndex", value: v });
          if (v === XL_NONE) addrs.flat().forEach((a) => (cellAt(a).fill = null));
        },
        get Pattern() {
          const none = uniform((a) => (peek(a)?.fill ?? null) === null);
          return none === true ? XL_NONE : none === false ? 1 : null;
        },
      },
      counter,
    );
    const range = {
      get Value2() {
        return shape((a) => {
          if (inMerge(a) && a !== a1(inMerge(a)!.top, inMerge(a)!.left)) return undefined;
          return peek(a)?.value;
        });
      },
      set Value2(v: unknown) {
        assign("Value2", v);
      },
      get Formula() {
        return shape((a) => {
          const c = peek(a);
          if (!c) return "";
          if (c.formula) return c.formula;
          return c.value === undefined ? "" : String(c.value);
        });
      },
      set Formula(v: unknown) {
        assign("Formula", v);
      },
      get NumberFormat() {
        return uniform((a) => peek(a)?.numFmt ?? "General");
      },
      get MergeCells() {
        return uniform((a) => inMerge(a) !== undefined);
      },
      get MergeArea() {
        const m = inMerge(addrs[0][0]);
        return makeRange(sheet, m ?? box);
      },
      Address: (rowAbs = true, colAbs = true) => {
        const one = (r: number, c: number) => `${colAbs ? "$" : ""}${colLetters(c)}${rowAbs ? "$" : ""}${r + 1}`;
        return single ? one(box.top, box.left) : `${one(box.top, box.left)}:${one(box.bottom, box.right)}`;
      },
      get Row() {
        return box.top + 1;
      },
      get Column() {
        return box.left + 1;
      },
      get Rows() {
        return counted({ Count: box.bottom - box.top + 1 }, counter);
      },
      get Columns() {
        return counted({ Count: box.right - box.left + 1 }, counter);
      },
      get Interior() {
        return interior;
      },
      get Comment() {
        const note = peek(addrs[0][0])?.note;
        return note ? makeComment(sheet, addrs[0][0]) : null;
      },
      AddComment: (text: string) => {
        const cell = cellAt(addrs[0][0]);
        if (cell.note !== null) throw new Error("stand-in: the cell already has a comment");
        cell.note = text;
        commentsAdded.push({ address: addrs[0][0], text });
        return makeComment(sheet, addrs[0][0]);
      },
      Select: () => {
        selected.push(`${sheet}!${address}`);
      },
    };
    return counted(range as unknown as EtRange, counter);
  }

  function makeSheet(name: string): EtWorksheet {
    return counted(
      {
        Name: name,
        get UsedRange() {
          const b = book(name);
          const boxes = [...b.cells.entries()].filter(([, c]) => c.value !== undefined || c.formula || c.fill !== null || c.note).map(([a]) => parseBox(a));
          boxes.push(...b.merges);
          if (boxes.length === 0) return makeRange(name, { top: 0, left: 0, bottom: 0, right: 0 });
          return makeRange(name, {
            top: Math.min(...boxes.map((x) => x.top)),
            left: Math.min(...boxes.map((x) => x.left)),
            bottom: Math.max(...boxes.map((x) => x.bottom)),
            right: Math.max(...boxes.map((x) => x.right)),
          });
        },
        Range: (address: string) => makeRange(name, parseBox(address)),
        get Comments() {
          const noted = [...book(name).cells.entries()].filter(([, c]) => c.note !== null).map(([a]) => a);
          return counted({ Count: noted.length, Item: (i: number) => makeComment(name, noted[i - 1]) }, counter);
        },
        Activate: () => {
          active = name;
        },
      } as unknown as EtWorksheet,
      counter,
    );
  }

  let screenUpdating = true;
  const app = counted(
    {
      get ActiveSheet() {
        return books.has(active) ? makeSheet(active) : null;
      },
      get ActiveWorkbook() {
        return counted(
          {
            Name: "自评表.et",
            FullName: "C:\\绩效\\自评表.et",
            Worksheets: counted({ Count: books.size, Item: (k: number | string) => makeSheet(typeof k === "number" ? [...books.keys()][k - 1] : k) }, counter),
          },
          counter,
        );
      },
      get ScreenUpdating() {
        return screenUpdating;
      },
      set ScreenUpdating(v: boolean) {
        screenUpdating = v;
        screenUpdatingLog.push(v);
      },
    } as unknown as EtApplication,
    counter,
  );

  return {
    app,
    calls: () => counter.n,
    resetCalls: () => {
      counter.n = 0;
    },
    writes,
    commentsAdded,
    commentsChanged,
    commentsDeleted,
    selected,
    screenUpdatingLog,
    cell: (sheet, address) => books.get(sheet)?.cells.get(address),
    sheetNames: () => [...books.keys()],
  };
}
