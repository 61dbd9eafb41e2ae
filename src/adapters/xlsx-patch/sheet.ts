/**
 * Cell edits in one worksheet part: a value into a cell, a style index, the legacy drawing (notes) link.
 * Rows and cells are found or created in order; every other element and attribute stays as it was.
 * A cell that holds a formula is never given a value or another formula.
 */
import type { Document, Element, Node } from "@xmldom/xmldom";
import { columnLetters, parseA1 } from "../../sheet/address";
import type { CellValue } from "../../sheet/types";
import type { XlsxPackage } from "./package";
import { NS, PatchError, child, children, insertInOrder, make, root, xmlSafe } from "./xml";

export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
] as const;

const CELL_ORDER = ["f", "v", "is", "extLst"] as const;

/** Column index (0-based) of a cell reference's letters: "AB12" -> 27. */
function colOf(ref: string): number {
  const m = /^\$?([A-Za-z]+)/.exec(ref);
  if (!m) return -1;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

/** Excel's serial day number (1900 date system) of a date. */
function serial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

export type WriteOutcome = "written" | "formula-kept";

export class SheetPatch {
  readonly doc: Document;
  readonly ws: Element;
  private readonly data: Element;
  private rows: Map<number, Element> | null = null;

  constructor(
    private readonly pkg: XlsxPackage,
    readonly part: string,
  ) {
    const doc = pkg.xml(part);
    if (!doc) throw new PatchError(`内部错误：工作表部件“${part}”不存在。`);
    this.doc = doc;
    this.ws = root(doc);
    let data = child(this.ws, "sheetData");
    if (!data) {
      data = make(doc, this.ws, "sheetData");
      insertInOrder(this.ws, data, WORKSHEET_ORDER);
    }
    this.data = data;
  }

  private touch(): void {
    this.pkg.touch(this.part);
  }

  /** Row elements by 0-based index; rows without r count on from the previous one. */
  private rowMap(): Map<number, Element> {
    if (!this.rows) {
      this.rows = new Map();
      let last = -1;
      for (const row of children(this.data, "row")) {
        const r = row.getAttribute("r");
        last = r ? Number(r) - 1 : last + 1;
        this.rows.set(last, row);
      }
    }
    return this.rows;
  }

  private row(index: number, create: boolean): Element | null {
    const rows = this.rowMap();
    let row = rows.get(index) ?? null;
    if (row || !create) return row;
    row = make(this.doc, this.data, "row", { r: String(index + 1) });
    let before: Element | null = null;
    let best = Infinity;
    for (const [i, el] of rows) if (i > index && i < best) [best, before] = [i, el];
    if (before) this.data.insertBefore(row, before);
    else this.data.appendChild(row);
    rows.set(index, row);
    return row;
  }

  /** The <c> element of a cell; created (in column order) when asked. */
  cell(address: string, create: boolean): Element | null {
    const pos = parseA1(address);
    if (!pos) throw new PatchError(`内部错误：无效的单元格地址“${address}”。`);
    const row = this.row(pos.row, create);
    if (!row) return null;
    let last = -1;
    let before: Node | null = null;
    for (const c of children(row, "c")) {
      const ref = c.getAttribute("r");
      last = ref ? colOf(ref) : last + 1;
      if (last === pos.col) return c;
      if (last > pos.col) {
        before = c;
        break;
      }
    }
    if (!create) return null;
    const c = make(this.doc, this.data, "c", { r: `${columnLetters(pos.col)}${pos.row + 1}` });
    const rowStyle = row.getAttribute("customFormat") === "1" ? row.getAttribute("s") : null;
    const style = rowStyle ?? this.columnStyle(pos.col);
    if (style && style !== "0") c.setAttribute("s", style);
    if (before) row.insertBefore(c, before);
    else row.appendChild(c);
    this.widenSpans(row, pos.col);
    this.widenDimension(pos.row, pos.col);
    return c;
  }

  private columnStyle(col: number): string | null {
    const cols = child(this.ws, "cols");
    for (const c of cols ? children(cols, "col") : []) {
      const min = Number(c.getAttribute("min")) - 1;
      const max = Number(c.getAttribute("max")) - 1;
      if (col >= min && col <= max) return c.getAttribute("style");
    }
    return null;
  }

  private widenSpans(row: Element, col: number): void {
    const spans = row.getAttribute("spans");
    const m = spans && /^(\d+):(\d+)$/.exec(spans);
    if (!m) return;
    const lo = Math.min(Number(m[1]), col + 1);
    const hi = Math.max(Number(m[2]), col + 1);
    row.setAttribute("spans", `${lo}:${hi}`);
  }

  private widenDimension(row: number, col: number): void {
    const dim = child(this.ws, "dimension");
    const ref = dim?.getAttribute("ref");
    if (!dim || !ref) return;
    const [a, b = a] = ref.split(":");
    const p = parseA1(a.replace(/\$/g, ""));
    const q = parseA1(b.replace(/\$/g, ""));
    if (!p || !q) return;
    const top = Math.min(p.row, row), left = Math.min(p.col, col), bottom = Math.max(q.row, row), right = Math.max(q.col, col);
    const next = `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;
    if (next !== ref) dim.setAttribute("ref", next);
  }

  hasFormula(address: string): boolean {
    const c = this.cell(address, false);
    return !!c && child(c, "f") !== null;
  }

  private clearContent(c: Element): void {
    for (const name of ["f", "v", "is"]) for (const el of children(c, name)) c.removeChild(el);
    c.removeAttribute("t");
  }

  setValue(address: string, value: CellValue): WriteOutcome {
    if (this.hasFormula(address)) return "formula-kept";
    const c = this.cell(address, true)!;
    this.clearContent(c);
    this.touch();
    if (value === null) return "written";
    if (typeof value === "string") {
      c.setAttribute("t", "inlineStr");
      const is = make(this.doc, c, "is");
      const t = make(this.doc, c, "t");
      t.setAttribute("xml:space", "preserve");
      t.appendChild(this.doc.createTextNode(xmlSafe(value)));
      is.appendChild(t);
      insertInOrder(c, is, CELL_ORDER);
      return "written";
    }
    const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value instanceof Date ? serial(value) : value);
    if (typeof value === "boolean") c.setAttribute("t", "b");
    const v = make(this.doc, c, "v");
    v.appendChild(this.doc.createTextNode(text));
    insertInOrder(c, v, CELL_ORDER);
    return "written";
  }

  /** A formula (without "="), no cached value: the host computes it on open. */
  setFormula(address: string, formula: string): WriteOutcome {
    if (this.hasFormula(address)) return "formula-kept";
    const c = this.cell(address, true)!;
    this.clearContent(c);
    const f = make(this.doc, c, "f");
    f.appendChild(this.doc.createTextNode(xmlSafe(formula.replace(/^=/, ""))));
    insertInOrder(c, f, CELL_ORDER);
    this.touch();
    return "written";
  }

  /** The cellXfs index a cell shows: its own, else its row's (customFormat), else its column's, else 0. */
  styleOf(address: string): number {
    const c = this.cell(address, false);
    const own = c?.getAttribute("s");
    if (own) return Number(own);
    const pos = parseA1(address)!;
    const row = this.row(pos.row, false);
    const rowStyle = row?.getAttribute("customFormat") === "1" ? row.getAttribute("s") : null;
    return Number(rowStyle ?? this.columnStyle(pos.col) ?? 0);
  }

  setStyle(address: string, xf: number): void {
    const c = this.cell(address, true)!;
    c.setAttribute("s", String(xf));
    this.touch();
  }

  /** The prefix bound to the relationships namespace on the root, declared as "r" when missing. */
  private relPrefix(): string {
    const found = this.ws.lookupPrefix(NS.rel);
    if (found) return found;
    let prefix = "r";
    for (let i = 1; this.ws.lookupNamespaceURI(prefix); i++) prefix = `r${i}`;
    this.ws.setAttributeNS("http://www.w3.org/2000/xmlns/", `xmlns:${prefix}`, NS.rel);
    return prefix;
  }

  legacyDrawingId(): string | null {
    const el = child(this.ws, "legacyDrawing");
    return el ? el.getAttributeNS(NS.rel, "id") || el.getAttribute("r:id") : null;
  }

  setLegacyDrawing(relId: string): void {
    let el = child(this.ws, "legacyDrawing");
    if (!el) {
      el = make(this.doc, this.ws, "legacyDrawing");
      insertInOrder(this.ws, el, WORKSHEET_ORDER);
    }
    el.setAttributeNS(NS.rel, `${this.relPrefix()}:id`, relId);
    this.touch();
  }
}
