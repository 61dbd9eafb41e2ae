/**
 * .xlsx bytes -> Grid[] in one bounded pass, without exceljs's object model: the read limits of limits.ts
 * are enforced while the parts are inflated (scanXlsx), and only the parts a Grid needs are kept and read
 * (workbook.xml and its rels, sharedStrings, styles, the worksheets and their rels) by a small
 * non-backtracking XML scanner.
 *
 * The result is exactly what workbookToGrids(exceljs load) gives — exceljs 4.4's readings replicated:
 * shared strings with _xHHHH_ escapes, rich text joined, inline strings, t="str" decoded twice as exceljs
 * does, formula results (a cached 0 included), dates by exceljs's excelToDate (1904 too) where the cell's
 * own style has a date format, built-in formats by exceljs's names, shared formulas slid from their
 * master, hyperlinks' text, merged cells, veryHidden sheets dropped, sheets in workbook order by sheetId.
 * Anything unusual that exceljs reads in a way of its own (or fails on) is not guessed at: the reader
 * throws FastReadUnsupported and the caller loads the file with exceljs instead.
 *
 * No Node modules: usable in the browser page as well.
 */
import type { CellRange, CellValue, Grid, GridCell } from "../sheet/types";
import { DEFAULT_READ_LIMITS, scanXlsx, utf8Text, type ReadLimits } from "./limits";
// exceljs's own tables and formula slider (plain JS, no I/O), so names and translations are its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DEFAULT_NUM_FORMATS = require("exceljs/lib/xlsx/defaultnumformats") as Record<string, { f: string }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slideFormula } = require("exceljs/lib/utils/shared-formula") as { slideFormula: (formula: string, from: string, to: string) => string };

/** The package holds something this reader does not replicate exceljs on: load it with exceljs. */
export class FastReadUnsupported extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "FastReadUnsupported";
  }
}

const unsupported = (detail: string): never => {
  throw new FastReadUnsupported(detail);
};

// ---------------------------------------------------------------------------------------------------
// XML scanning: a forward-only pass over the text, callbacks for start tags, text and end tags (the
// events exceljs's saxes parser gives it: CDATA, comments and processing instructions are not text).

type Attrs = Record<string, string>;
interface Handler {
  open(name: string, attrs: Attrs): void;
  text(text: string): void;
  close(name: string): void;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&([^;&]*);?/g, (m, body: string) => {
    if (!m.endsWith(";")) return unsupported("xml: bare &");
    if (body[0] === "#") {
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff) || !/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(body)) return unsupported("xml: bad character reference");
      return String.fromCodePoint(code);
    }
    return ENTITIES[body] ?? unsupported(`xml: entity &${body};`);
  });
}

const normalizeEol = (s: string) => (s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n"));

/** The characters of the regular expression class \s (the tag name ends at the first of them). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0xa0 &&
      (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff))
  );
}

/** /^[A-Za-z_:][\w.:-]*$/ over xml[from, to), without a regular expression per tag. */
function isElementName(xml: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
    if (!letter && (i === from || !((c >= 48 && c <= 57) || c === 46 || c === 45))) return false;
  }
  return true;
}

/** The attributes in xml[from, to) (a start tag after its name). */
function parseAttrs(s: string, from: number, n: number): Attrs {
  const attrs: Attrs = {};
  let i = from;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const eq = s.indexOf("=", i);
    if (eq < 0 || eq >= n) return unsupported("xml: attribute without value");
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && ((c = s.charCodeAt(q)) === 32 || c === 9 || c === 10 || c === 13)) q++;
    c = q < n ? s.charCodeAt(q) : NaN;
    if (c !== 34 && c !== 39) return unsupported("xml: unquoted attribute");
    const end = s.indexOf(c === 34 ? '"' : "'", q + 1);
    if (end < 0 || end >= n) return unsupported("xml: unterminated attribute");
    let eol = false;
    for (let p = q + 1; p < end; p++) {
      const ch = s.charCodeAt(p);
      if (ch === 60) unsupported("xml: < in attribute");
      if (ch === 9 || ch === 10 || ch === 13) eol = true;
    }
    let v = s.slice(q + 1, end);
    if (eol) v = normalizeEol(v).replace(/[\t\n]/g, " ");
    if (name in attrs) unsupported("xml: duplicate attribute");
    attrs[name] = decodeEntities(v);
    i = end + 1;
  }
  return attrs;
}

function scanXml(xml: string, h: Handler): void {
  const n = xml.length;
  let i = 0;
  let depth = 0;
  let rooted = false;
  const open: string[] = [];
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (depth > 0) h.text(decodeEntities(normalizeEol(raw)));
      else if (raw.trim() && !(raw.charCodeAt(0) === 0xfeff && !raw.slice(1).trim())) unsupported("xml: text outside the root");
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) unsupported("xml: unterminated processing instruction");
      i = e + 2;
    } else if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const e = xml.indexOf("-->", lt + 4);
        if (e < 0) unsupported("xml: unterminated comment");
        i = e + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        if (depth === 0) unsupported("xml: CDATA outside the root");
        const e = xml.indexOf("]]>", lt + 9);
        if (e < 0) unsupported("xml: unterminated CDATA");
        i = e + 3;
      } else {
        return unsupported("xml: DOCTYPE or declaration");
      }
    } else if (c === 47 /* / */) {
      const e = xml.indexOf(">", lt + 2);
      if (e < 0) unsupported("xml: unterminated end tag");
      const name = xml.slice(lt + 2, e).trim();
      depth--;
      if (depth < 0 || open.pop() !== name) unsupported("xml: unbalanced end tag");
      h.close(name);
      i = e + 1;
    } else {
      // A start tag: ">" inside a quoted attribute value is legal, so quotes are skipped over.
      let e = lt + 1;
      for (;;) {
        if (e >= n) unsupported("xml: unterminated start tag");
        const ch = xml.charCodeAt(e);
        if (ch === 62) break;
        if (ch === 34 || ch === 39) {
          const q = xml.indexOf(ch === 34 ? '"' : "'", e + 1);
          if (q < 0) unsupported("xml: unterminated attribute");
          e = q + 1;
        } else e++;
      }
      const selfClosing = xml.charCodeAt(e - 1) === 47;
      // The tag's body is xml[lt + 1, bodyEnd): its name up to the first space, then its attributes.
      const bodyEnd = selfClosing ? e - 1 : e;
      let k = lt + 1;
      while (k < bodyEnd && !isSpace(xml.charCodeAt(k))) k++;
      if (!isElementName(xml, lt + 1, k)) unsupported("xml: bad element name");
      const name = xml.slice(lt + 1, k);
      if (depth === 0) {
        if (rooted) unsupported("xml: two roots");
        rooted = true;
      }
      h.open(name, k < bodyEnd ? parseAttrs(xml, k, bodyEnd) : {});
      if (selfClosing) h.close(name);
      else depth++, open.push(name);
      i = e + 1;
    }
  }
  if (depth !== 0 || !rooted) unsupported("xml: unclosed elements or no root");
}

// ---------------------------------------------------------------------------------------------------
// exceljs's helpers, as they are in exceljs 4.4 (utils/utils.js).

function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

function excelToDate(v: unknown, date1904: boolean): Date {
  const ms = Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return new Date(ms);
}

function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  fmt = fmt.replace(/\[[^\]]*]/g, "");
  fmt = fmt.replace(/"[^"]*"/g, "");
  return fmt.match(/[ymdhMsb]+/) !== null;
}

const unescapeX = (s: string) => s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

// ---------------------------------------------------------------------------------------------------
// Parts.

/** Rich text as exceljs keeps it: the runs' texts (a run without <t> has none). */
interface Rich {
  richText: (string | undefined)[];
}
type SharedString = string | Rich | Record<string, never>;

/** xl/sharedStrings.xml as SharedStringsXform reads it. */
function readSharedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  let si: SharedString | undefined;
  let inSi = false;
  // Inside <si>: the element that took over (t, r or rPh) and its depth, as SharedStringXform delegates.
  let sub: string | undefined;
  let subDepth = 0;
  let runText: string[] | undefined; // <t> of a run
  let runT: string | undefined;
  let runHasText = false;
  let runPr = 0;
  let tText: string[] = [];
  let inRunT = false;
  let rootSeen = false;
  scanXml(xml, {
    open(name) {
      if (!inSi) {
        if (name === "sst") {
          if (rootSeen) unsupported("sst twice");
          rootSeen = true;
          return;
        }
        if (name === "si") {
          inSi = true;
          si = {} as Record<string, never>;
          return;
        }
        return unsupported(`sharedStrings: <${name}>`);
      }
      if (sub) {
        subDepth++;
        if (sub === "r") {
          if (runPr && name === "t") unsupported("sharedStrings: <t> in <rPr> (exceljs fails on it)");
          if (runPr) runPr++;
          else if (inRunT) {
            // TextXform ignores nested elements
          } else if (name === "t") {
            inRunT = true;
            runText = [];
          } else if (name === "rPr") runPr = 1;
        }
        return;
      }
      if (name === "t") {
        sub = "t";
        subDepth = 1;
        tText = [];
      } else if (name === "r") {
        sub = "r";
        subDepth = 1;
        runT = undefined;
        runHasText = false;
        runPr = 0;
        inRunT = false;
      } else if (name === "rPh") {
        sub = "rPh";
        subDepth = 1;
      } else if (name === "si") {
        unsupported("sharedStrings: nested si");
      }
    },
    text(t) {
      if (!inSi || !sub) return;
      if (sub === "t") tText.push(t);
      else if (sub === "r" && inRunT && !runPr) runText!.push(t);
    },
    close(name) {
      if (!inSi) return;
      if (sub) {
        subDepth--;
        if (sub === "r") {
          if (runPr) {
            runPr--;
          } else if (inRunT && name === "t") {
            inRunT = false;
            runT = unescapeX(runText!.join(""));
            runHasText = true;
          }
        }
        if (subDepth === 0) {
          if (name !== sub) unsupported("sharedStrings: mismatched tags");
          if (sub === "t") {
            if (typeof si === "object" && "richText" in si) unsupported("sharedStrings: <t> after runs");
            si = unescapeX(tText.join(""));
          } else if (sub === "r") {
            if (typeof si === "string") unsupported("sharedStrings: runs after <t>");
            const rich = si as Rich;
            (rich.richText ??= []).push(runHasText ? runT : undefined);
          }
          sub = undefined;
        }
        return;
      }
      if (name === "si") {
        out.push(si!);
        inSi = false;
      }
    },
  });
  return out;
}

/** xl/styles.xml: the number format of each cellXfs entry (undefined: none), as StylesXform.getStyleModel gives it. */
function readStyles(xml: string): { numFmts: (string | undefined)[]; count: number } {
  const custom: Record<number, string> = {};
  const xfIds: number[] = [];
  const stack: string[] = [];
  scanXml(xml, {
    open(name, a) {
      const parent = stack[stack.length - 1];
      const grand = stack[stack.length - 2];
      stack.push(name);
      if (stack.length === 1 && name !== "styleSheet") unsupported("styles: root");
      if (name === "numFmt" && parent === "numFmts" && grand === "styleSheet" && stack.length === 3) {
        if (a.formatCode === undefined) unsupported("styles: numFmt without formatCode");
        custom[parseInt(a.numFmtId, 10)] = a.formatCode.replace(/[\\](.)/g, "$1");
      } else if (name === "xf" && parent === "cellXfs" && grand === "styleSheet" && stack.length === 3) {
        xfIds.push(parseInt(a.numFmtId, 10));
      }
    },
    text() {},
    close() {
      stack.pop();
    },
  });
  return {
    numFmts: xfIds.map((id) => (id ? (custom[id] ?? DEFAULT_NUM_FORMATS[id]?.f) || undefined : undefined)),
    count: xfIds.length,
  };
}

interface Rel {
  Id?: string;
  Target?: string;
  Type?: string;
}

function readRels(xml: string): Rel[] {
  const rels: Rel[] = [];
  let depth = 0;
  scanXml(xml, {
    open(name, a) {
      depth++;
      if (depth === 1 && name !== "Relationships") unsupported("rels: root");
      if (depth === 2 && name === "Relationship") rels.push(a as Rel);
    },
    text() {},
    close() {
      depth--;
    },
  });
  return rels;
}

interface SheetDef {
  name: string;
  id: number;
  state?: string;
  rId?: string;
}

function readWorkbook(xml: string): { sheets: SheetDef[]; date1904: boolean } {
  const sheets: SheetDef[] = [];
  let date1904 = false;
  const stack: string[] = [];
  scanXml(xml, {
    open(name, a) {
      stack.push(name);
      if (stack.length === 1 && name !== "workbook") unsupported("workbook: root");
      if (stack.length === 3 && name === "sheet" && stack[1] === "sheets") {
        if (a.name === undefined) unsupported("workbook: sheet without name");
        sheets.push({ name: xmlDecode(a.name), id: parseInt(a.sheetId, 10), state: a.state, rId: a["r:id"] });
      } else if (stack.length === 2 && name === "workbookPr") {
        date1904 = a.date1904 === "1";
      }
    },
    text() {},
    close() {
      stack.pop();
    },
  });
  return { sheets, date1904 };
}

// ---------------------------------------------------------------------------------------------------
// Worksheets.

function colOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const ADDRESS = /^([A-Z]{1,3})(\d+)$/;
const RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

interface CellModel {
  address: string;
  row: number;
  col: number;
  styleId?: number;
  t?: string;
  value?: unknown;
  formula?: string;
  shareType?: string;
  si?: string;
  ref?: string;
}

interface SheetContext {
  strings?: SharedString[];
  styles?: { numFmts: (string | undefined)[]; count: number };
  date1904: boolean;
  rels?: Rel[];
  /** Every part name in the package (leading "/" dropped). */
  names: Set<string>;
}

/** A cell after exceljs's reconcile: what worksheetToGrid reads of it. */
interface Settled {
  col: number;
  /** exceljs type after parse: "null" (styled, empty) and "merge" (neither style nor value) are not values. */
  kind: "null" | "value" | "formula" | "hyperlink";
  value: unknown;
  formula?: string;
  sharedFrom?: string;
  address: string;
  numFmt?: string;
}

function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if ("richText" in v && Array.isArray(v.richText)) return (v.richText as (string | undefined)[]).join("");
  if ("error" in v) return String(v.error);
  return null;
}

function readWorksheet(xml: string, name: string, ctx: SheetContext): Grid {
  const rows = new Map<number, Map<number, Settled>>();
  const mergeRefs: string[] = [];
  const hyperlinks: { address?: string; rId?: string }[] = [];
  const stack: string[] = [];
  let row: Map<number, Settled> | undefined;
  let rowNumber = 0;
  let cell: CellModel | undefined;
  let current: string | undefined; // f, v or t inside a cell
  let run: { text?: string; t?: string[]; pr: number; inT: boolean; other: number } | undefined;
  // Cells are settled after the sheet is read (hyperlinks come after sheetData).
  const pending: { row: number; cell: CellModel; of: Map<number, Settled> }[] = [];
  scanXml(xml, {
    open(tag, a) {
      stack.push(tag);
      const d = stack.length;
      if (d === 1) {
        if (tag !== "worksheet") unsupported("worksheet: root");
        return;
      }
      if (cell) {
        if (run) {
          if (run.pr) run.pr++;
          else if (run.inT) run.other++;
          else if (tag === "t") (run.inT = true), (run.t = []);
          else if (tag === "rPr") run.pr = 1;
          return;
        }
        switch (tag) {
          case "f":
            current = "f";
            cell.si = a.si;
            cell.shareType = a.t;
            cell.ref = a.ref;
            return;
          case "v":
            current = "v";
            return;
          case "t":
            current = "t";
            return;
          case "r":
            run = { pr: 0, inT: false, other: 0 };
            return;
          default:
            return;
        }
      }
      if (d === 2 && tag === "sheetData") return;
      if (d === 3 && tag === "row" && stack[1] === "sheetData") {
        if (a.r === undefined || !/^\d+$/.test(a.r)) unsupported("worksheet: row without r");
        rowNumber = parseInt(a.r, 10);
        if (!(rowNumber >= 1)) unsupported("worksheet: row 0");
        row = new Map();
        rows.set(rowNumber, row);
        return;
      }
      if (d === 4 && tag === "c" && row) {
        const r = a.r;
        const m = r === undefined ? null : ADDRESS.exec(r);
        if (!m) return unsupported("worksheet: cell without a plain address");
        if (Number(m[2]) !== rowNumber) unsupported("worksheet: cell outside its row");
        cell = { address: r!, row: rowNumber, col: colOf(m[1]), t: a.t };
        if (a.s) cell.styleId = parseInt(a.s, 10);
        current = undefined;
        return;
      }
      if (d === 3 && tag === "mergeCell" && stack[1] === "mergeCells") {
        if (a.ref === undefined) unsupported("worksheet: mergeCell without ref");
        mergeRefs.push(a.ref);
        return;
      }
      if (d === 3 && tag === "hyperlink" && stack[1] === "hyperlinks") {
        hyperlinks.push({ address: a.ref, rId: a["r:id"] });
        return;
      }
      if ((stack[1] === "sheetData" || stack[1] === "mergeCells" || stack[1] === "hyperlinks") && d > 2) unsupported(`worksheet: <${tag}> in <${stack[1]}>`);
    },
    text(t) {
      if (!cell) return;
      if (run) {
        if (run.inT && !run.pr && !run.other) run.t!.push(t);
        return;
      }
      if (current === "f") cell.formula = cell.formula ? cell.formula + t : t;
      else if (current === "v" || current === "t") {
        if (cell.value && typeof cell.value === "object") return; // exceljs appends to a property of the runs' array
        cell.value = cell.value ? (cell.value as string) + t : t;
      }
    },
    close(tag) {
      stack.pop();
      if (!cell) {
        if (tag === "row" && stack.length === 2) row = undefined;
        return;
      }
      if (run) {
        if (run.pr) run.pr--;
        else if (run.inT && run.other) run.other--;
        else if (run.inT && tag === "t") (run.inT = false), (run.text = unescapeX(run.t!.join("")));
        else if (tag === "r") {
          const v = (cell.value && typeof cell.value === "object" ? cell.value : (cell.value = { richText: [] })) as Rich;
          if (typeof v !== "object") unsupported("cell: runs after text");
          v.richText.push(run.text);
          run = undefined;
          current = undefined;
        }
        return;
      }
      if (tag === "c") {
        pending.push({ row: cell.row, cell, of: row! });
        cell = undefined;
        return;
      }
      if (tag === "f" || tag === "v" || tag === "is" || tag === "t") current = undefined;
    },
  });

  // Hyperlinks: address -> target, as WorksheetXform.reconcile builds the map.
  const relById = new Map<string, Rel>();
  for (const rel of ctx.rels ?? []) if (rel.Id !== undefined) relById.set(rel.Id, rel);
  const linkOf = new Map<string, unknown>();
  for (const h of hyperlinks) {
    if (!h.rId) continue;
    const rel = relById.get(h.rId);
    if (!rel) unsupported("worksheet: hyperlink without its relationship");
    linkOf.set(String(h.address), rel!.Target);
  }
  // exceljs looks comments and their VML up by the relationship's Target: a missing part makes it fail.
  for (const rel of ctx.rels ?? []) {
    const type = rel.Type ?? "";
    if (/\/comments$/.test(type)) {
      const m = /^\.\.\/(comments\d+)\.xml$/.exec(rel.Target ?? "");
      if (!m || !ctx.names.has(`xl/${m[1]}.xml`)) unsupported("worksheet: comments exceljs cannot find");
    } else if (/\/vmlDrawing$/.test(type)) {
      const m = /^\.\.\/drawings\/(vmlDrawing\d+)\.vml$/.exec(rel.Target ?? "");
      if (!m || !ctx.names.has(`xl/drawings/${m[1]}.vml`)) unsupported("worksheet: VML exceljs cannot find");
    }
  }

  // Parse close + reconcile of each cell, in document order (shared formulas look back to their master).
  const formulae: Record<string, string> = {};
  const settledRows = new Map<number, Map<number, Settled>>();
  for (const [n] of rows) settledRows.set(n, new Map());
  for (const { row: rn, cell: m, of } of pending) {
    // A later <row> with the same number replaced the earlier one (and its cells).
    if (rows.get(rn) !== of) continue;
    let kind: Settled["kind"] | "merge";
    let value: unknown;
    let result: unknown;
    const t = m.t;
    if (m.formula || m.shareType) {
      kind = "formula";
      if (m.value) {
        if (typeof m.value !== "string") unsupported("cell: formula with rich text");
        const s = m.value as string;
        if (t === "str") result = xmlDecode(s);
        else if (t === "b") result = parseInt(s, 10) !== 0;
        else if (t === "e") result = { error: s };
        else result = parseFloat(s);
      }
    } else if (m.value !== undefined) {
      kind = "value";
      const s = m.value;
      switch (t) {
        case "s": {
          const index = parseInt(s as string, 10);
          if (ctx.strings) {
            if (!(index >= 0 && index < ctx.strings.length)) unsupported("cell: shared string out of range");
            value = ctx.strings[index];
          } else value = index;
          break;
        }
        case "str":
          value = xmlDecode(s as string);
          break;
        case "inlineStr":
          value = s;
          break;
        case "b":
          value = parseInt(s as string, 10) !== 0;
          break;
        case "e":
          value = { error: s };
          break;
        default:
          value = parseFloat(s as string);
          kind = "value";
          if (typeof s !== "string") unsupported("cell: runs in a number");
      }
    } else if (m.styleId) {
      kind = "null";
    } else {
      kind = "merge";
    }
    let numFmt: string | undefined;
    let styled = false;
    if (m.styleId && ctx.styles) {
      if (ctx.styles.count === 0) unsupported("styles: a style id with no cellXfs");
      if (m.styleId >= 0 && m.styleId < ctx.styles.count) {
        styled = true;
        numFmt = ctx.styles.numFmts[m.styleId];
      }
    }
    let formula: string | undefined;
    let sharedFrom: string | undefined;
    if (kind === "value" && t !== "s" && t !== "str" && t !== "inlineStr" && t !== "b" && t !== "e") {
      if (styled && isDateFmt(numFmt)) value = excelToDate(value, ctx.date1904);
    } else if (kind === "formula") {
      if (result !== undefined && styled && isDateFmt(numFmt)) result = excelToDate(result, ctx.date1904);
      formula = m.formula;
      if (m.shareType === "shared") {
        if (m.ref) formulae[m.si as string] = m.address;
        else {
          sharedFrom = formulae[m.si as string];
          formula = m.formula; // a slave keeps its own text, if any (exceljs: model.formula || translated)
        }
      }
      value = result;
    }
    if (kind === "value" && value !== null && typeof value === "object" && !("richText" in (value as object)) && !("error" in (value as object))) {
      // An <si/> without text: exceljs keeps {} as the value (a String cell that reads as nothing).
      if (Object.keys(value as object).length) unsupported("cell: unknown value");
    }
    const link = linkOf.get(m.address);
    if (link) {
      kind = "hyperlink";
      formula = undefined;
      sharedFrom = undefined;
    } else if (kind === "merge") {
      continue; // RowXform does not add it
    }
    settledRows.get(rn)!.set(m.col, { col: m.col, kind: kind as Settled["kind"], value, formula, sharedFrom, address: m.address, numFmt });
  }

  // Merges, as Worksheet._mergeCellsInternal applies them (overlaps make exceljs fail: not guessed at).
  const merges: CellRange[] = [];
  for (const ref of mergeRefs) {
    const mm = RANGE.exec(ref);
    if (!mm) return unsupported(`worksheet: merge ${ref}`);
    const r1 = Number(mm[2]);
    const c1 = colOf(mm[1]);
    const r2 = mm[3] ? Number(mm[4]) : r1;
    const c2 = mm[3] ? colOf(mm[3]) : c1;
    const range = { top: Math.min(r1, r2) - 1, left: Math.min(c1, c2) - 1, bottom: Math.max(r1, r2) - 1, right: Math.max(c1, c2) - 1 };
    if (range.top < 0 || range.left < 0) unsupported("worksheet: merge at 0");
    for (const o of merges) {
      if (o.left <= range.right && range.left <= o.right && o.top <= range.bottom && range.top <= o.bottom) unsupported("worksheet: overlapping merges");
    }
    merges.push(range);
  }
  const slave = (r0: number, c0: number) => {
    for (const m of merges) if (r0 >= m.top && r0 <= m.bottom && c0 >= m.left && c0 <= m.right && (r0 !== m.top || c0 !== m.left)) return true;
    return false;
  };

  // worksheetToGrid.
  const findCell = (address: string): Settled | undefined => {
    const am = ADDRESS.exec(address);
    if (!am) return undefined;
    return settledRows.get(Number(am[2]))?.get(colOf(am[1]));
  };
  const cells: (GridCell | undefined)[][] = [];
  let colCount = 0;
  let lastRow = 0;
  const rowNumbers = [...settledRows.keys()].sort((x, y) => x - y);
  for (const rn of rowNumbers) {
    const r = settledRows.get(rn)!;
    let hasValues = false;
    const out: (GridCell | undefined)[] = [];
    for (const c of [...r.values()].sort((x, y) => x.col - y.col)) {
      if (slave(rn - 1, c.col - 1)) {
        hasValues = true;
        continue;
      }
      if (c.kind !== "null") hasValues = true;
      let formula: string | undefined;
      if (c.kind === "formula") {
        formula = c.formula;
        if (!formula && c.sharedFrom) {
          const master = findCell(c.sharedFrom);
          if (!master || slave(Number(ADDRESS.exec(c.sharedFrom)![2]) - 1, master.col - 1) || master.kind !== "formula" || !master.formula) unsupported("worksheet: shared formula without a plain master");
          formula = slideFormula(master!.formula!, master!.address, c.address);
        }
      }
      const value = plain(c.value);
      if (value === null && !formula) continue;
      out[c.col - 1] = { value, numFmt: c.numFmt || null, formula: formula || null };
      colCount = Math.max(colCount, c.col);
    }
    if (hasValues) {
      cells[rn - 1] = out;
      lastRow = rn;
    }
  }
  // Rows that only merged areas create (exceljs makes their cells): counted by rowCount below.
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  for (const m of merges) colCount = Math.max(colCount, m.right + 1);
  let rowCount = Math.max(lastRow, cells.length);
  for (const m of merges) rowCount = Math.max(rowCount, m.bottom + 1);
  while (cells.length < rowCount) cells.push([]);
  return { name, rowCount, colCount, cells, merges };
}

// ---------------------------------------------------------------------------------------------------

const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_RELS = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;
const FIXED_PARTS = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"]);
const stripSlash = (name: string) => (name[0] === "/" ? name.slice(1) : name);
const wanted = (name: string) => {
  const n = stripSlash(name);
  return FIXED_PARTS.has(n) || WORKSHEET.test(n) || WORKSHEET_RELS.test(n);
};

const utf8 = utf8Text;

/**
 * `read` remembering the last text it read and what it gave: a folder's workbooks, made from one template,
 * repeat their styles (and often their shared strings) byte for byte. What it gives is only ever read.
 */
function lastOf<T>(read: (xml: string) => T): (xml: string) => T {
  let lastXml: string | undefined;
  let lastValue: T;
  return (xml) => {
    if (xml !== lastXml) {
      lastValue = read(xml);
      lastXml = xml;
    }
    return lastValue;
  };
}
const sharedStringsOf = lastOf(readSharedStrings);
const stylesOf = lastOf(readStyles);

/**
 * The grids of an .xlsx package, read under `limits`. Throws ReadLimitError and NotZipError as scanXlsx
 * does, FastReadUnsupported where exceljs should read the file instead.
 */
export function readXlsxGrids(data: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Grid[] {
  const names = new Set<string>();
  const scan = scanXlsx(data, limits, (name) => {
    names.add(stripSlash(name));
    return wanted(name);
  });
  const parts = new Map<string, Uint8Array>();
  for (const [name, bytes] of scan.parts ?? []) {
    const n = stripSlash(name);
    if (parts.has(n)) unsupported(`zip: ${n} twice`);
    parts.set(n, bytes);
  }
  const text = (n: string) => {
    const b = parts.get(n);
    return b ? utf8(b) : undefined;
  };
  const workbookXml = text("xl/workbook.xml");
  if (workbookXml === undefined) return unsupported("no xl/workbook.xml");
  const { sheets, date1904 } = readWorkbook(workbookXml);
  const relsXml = text("xl/_rels/workbook.xml.rels");
  const rels = new Map<string, Rel>();
  for (const rel of relsXml === undefined ? [] : readRels(relsXml)) if (rel.Id !== undefined && !rels.has(rel.Id)) rels.set(rel.Id, rel);
  const ssXml = text("xl/sharedStrings.xml");
  const strings = ssXml === undefined ? undefined : sharedStringsOf(ssXml);
  const stylesXml = text("xl/styles.xml");
  const styles = stylesXml === undefined ? undefined : stylesOf(stylesXml);

  // Worksheet parts by their number (exceljs keys a sheet's rels by it).
  const sheetNos = new Map<string, string>();
  const relsOfNo = new Map<string, string>();
  for (const n of parts.keys()) {
    const m = WORKSHEET.exec(n);
    if (m) {
      if (sheetNos.has(m[1])) unsupported("two worksheet parts with one number");
      sheetNos.set(m[1], n);
      continue;
    }
    const r = WORKSHEET_RELS.exec(n);
    if (r) {
      if (relsOfNo.has(r[1])) unsupported("two worksheet rels with one number");
      relsOfNo.set(r[1], n);
    }
  }
  const partNo = new Map<string, string>();
  for (const [no, n] of sheetNos) partNo.set(n, no);

  // WorkbookXform.reconcile, then Workbook's model setter: by sheetId, ordered by position in <sheets>.
  const byId: { def: SheetDef; part: string; orderNo: number }[] = [];
  const used = new Set<string>();
  const ids = new Set<number>();
  for (const def of sheets) {
    const rel = def.rId === undefined ? undefined : rels.get(def.rId);
    if (!rel) continue;
    if (typeof rel.Target !== "string") unsupported("workbook rel without Target");
    const part = `xl/${rel.Target!.replace(/^(\s|\/xl\/)+/, "")}`;
    if (!partNo.has(part)) continue; // a chartsheet, or a part exceljs does not read as a worksheet
    if (used.has(part)) unsupported("one part for two sheets");
    used.add(part);
    if (!(def.id >= 1) || ids.has(def.id)) unsupported("sheetId missing, 0 or twice");
    ids.add(def.id);
    if (!def.name || /[*?:/\\[\]]/.test(def.name) || /(^')|('$)/.test(def.name) || def.name.length > 31 || def.name === "History") unsupported("a sheet name exceljs rewrites or refuses");
    byId.push({ def, part, orderNo: sheets.findIndex((s) => s.id === def.id) });
  }
  byId.sort((x, y) => x.def.id - y.def.id);
  const ordered = byId.slice().sort((x, y) => x.orderNo - y.orderNo);

  const grids: Grid[] = [];
  for (const { def, part } of ordered) {
    if (def.state === "veryHidden") continue;
    const relsPart = relsOfNo.get(partNo.get(part)!);
    const relsText = relsPart ? text(relsPart) : undefined;
    const sheetRels = relsText === undefined ? undefined : readRels(relsText);
    grids.push(readWorksheet(text(part)!, def.name, { strings, styles, date1904, rels: sheetRels, names }));
  }
  return grids;
}
