/**
 * A workbook made from nothing, row by row, for reports JX writes (the 校验汇总): sheets of plain values —
 * text, numbers, empty styled cells — with column widths, frozen panes, filters, hyperlinks to other files and
 * a small set of cell styles. Each row is rendered to XML once and deflated as it comes (fflate's streaming
 * zip), so a summary of 100,000 files holds its compressed bytes, not its cells. Nothing is read from an input
 * here: what must keep a user's workbook intact is the package patch (./xlsx-patch), not this.
 *
 * Runs in Node and in the browser page alike (fflate only).
 */
import { Zip, strToU8 } from "fflate";
import { columnLetters } from "../sheet/address";
import { TEXT_LIMIT, cutText } from "../check/notes";
import { NS, XML_DECL, escapeXml, xmlSafe } from "./xml-text";
import { joinBytes } from "./bytes";
import { streamingEntry, type ZipEntryFactory } from "./zip-entry";

export type XlsxValue = string | number | null;

export interface XlsxColumn {
  /** Width in characters, as Excel counts them. */
  width: number;
  /** The column's number format (its cells' style unless a cell has its own). */
  numFmt?: string;
}

export interface XlsxSheetSpec {
  name: string;
  columns: XlsxColumn[];
  /** Rows and columns frozen at the top left. */
  frozen?: { rows: number; columns: number };
}

/** A cell style: all of it in one object (cells share a style by sharing its key). */
export interface XlsxStyle {
  numFmt?: string;
  bold?: boolean;
  /** Blue and underlined, as Excel shows a hyperlink. */
  link?: boolean;
  /** Solid fill, ARGB ("FFFFC7CE"). */
  fill?: string;
  alignment?: { horizontal?: "center"; vertical: "top" | "center"; wrapText: boolean };
}

export interface XlsxCell {
  value: XlsxValue;
  /** From XlsxWriter.style(). */
  style: number;
  /** An external hyperlink (a path relative to the workbook, with #'Sheet'!A1 for a cell). */
  link?: string;
}

/** Where the workbook's bytes go, in order; `final` with the last chunk. */
export type XlsxSink = (chunk: Uint8Array, final: boolean) => void;

/** What one sheet may hold: Excel's own limits (a test gives smaller ones). */
export interface XlsxLimits {
  rows: number;
  links: number;
}

/** Excel's limits: 1,048,576 rows a worksheet, 65,530 hyperlinks a worksheet. */
export const EXCEL_LIMITS: XlsxLimits = { rows: 1_048_576, links: 65_530 };

export interface XlsxWriterOptions {
  creator?: string;
  now?: Date;
  /** How the parts are deflated as their rows come: fflate's streaming deflate unless given (./zip-entry.ts). */
  entry?: ZipEntryFactory;
  limits?: XlsxLimits;
}


const FONT_TAIL = '<sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/>';
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2 };
/** A sheet's rows are rendered into text of about this size before being deflated (fewer, larger pushes). */
const PUSH_CHARS = 1 << 16;

/** The styles cells use, numbered as cellXfs in the order they are first asked for (0: Excel's default). */
class StyleTable {
  private readonly keys = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly formats = new Map<string, number>();
  private readonly fills = new Map<string, number>();

  id(style: XlsxStyle): number {
    const key = JSON.stringify([style.numFmt ?? "", style.bold ?? false, style.link ?? false, style.fill ?? "", style.alignment ?? null]);
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.keys.set(key, id);
      this.xfs.push(this.xf(style));
    }
    return id;
  }

  private xf(style: XlsxStyle): string {
    const numFmtId = style.numFmt ? this.format(style.numFmt) : 0;
    const fontId = style.link ? 2 : style.bold ? 1 : 0;
    const fillId = style.fill ? this.fill(style.fill) : 0;
    const applied = [numFmtId ? ' applyNumberFormat="1"' : "", fontId ? ' applyFont="1"' : "", fillId ? ' applyFill="1"' : "", style.alignment ? ' applyAlignment="1"' : ""].join("");
    const a = style.alignment;
    const alignment = a ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ""} vertical="${a.vertical}"${a.wrapText ? ' wrapText="1"' : ""}/>` : "";
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}`;
    return alignment ? `${open}>${alignment}</xf>` : `${open}/>`;
  }

  private format(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = 164 + this.formats.size));
    return id;
  }

  private fill(argb: string): number {
    let id = this.fills.get(argb);
    if (id === undefined) this.fills.set(argb, (id = 2 + this.fills.size));
    return id;
  }

  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const fills = [...this.fills.keys()].map((argb) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`);
    return (
      `${XML_DECL}<styleSheet xmlns="${NS.main}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      `<fonts count="3"><font>${FONT_TAIL}</font><font><b/>${FONT_TAIL}</font><font><u/><color rgb="FF0563C1"/>${FONT_TAIL}</font></fonts>` +
      `<fills count="${2 + fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.join("")}</fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

/** A cell's text as XML can carry it and Excel can hold it. */
function textXml(text: string): string {
  // Lone surrogates cannot be written as UTF-8; "_xHHHH_" would be read by Excel as an escape, so its "_" is escaped.
  const safe = cutText(xmlSafe(text), TEXT_LIMIT).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD").replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  return escapeXml(safe);
}

class SheetStream {
  private readonly file: ReturnType<ZipEntryFactory>;
  private text = "";
  private rows = 0;
  private width = 0;
  readonly links: { ref: string; target: string }[] = [];
  /** Links not made: the sheet already held as many as Excel opens. */
  linksDropped = 0;

  constructor(
    zip: Zip,
    entry: ZipEntryFactory,
    readonly index: number,
    readonly spec: XlsxSheetSpec,
    columnStyles: number[],
    private readonly limits: XlsxLimits,
  ) {
    this.file = entry(`xl/worksheets/sheet${index + 1}.xml`);
    zip.add(this.file);
    const frozen = spec.frozen;
    const topLeft = frozen ? `${columnLetters(frozen.columns)}${frozen.rows + 1}` : "A1";
    const active = frozen ? (frozen.rows && frozen.columns ? "bottomRight" : frozen.rows ? "bottomLeft" : "topRight") : "";
    const pane = frozen
      ? `<pane${frozen.columns ? ` xSplit="${frozen.columns}"` : ""}${frozen.rows ? ` ySplit="${frozen.rows}"` : ""} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`
      : "";
    const cols = spec.columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${columnStyles[i] ? ` style="${columnStyles[i]}"` : ""} customWidth="1"/>`)
      .join("");
    this.text =
      `${XML_DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
      `<sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  }

  get rowCount(): number {
    return this.rows;
  }

  row(cells: XlsxCell[]): void {
    // A sheet over Excel's row limit would not open: the caller keeps within it (SummaryXlsx says what it left out).
    if (this.rows >= this.limits.rows) throw new Error(`工作表“${this.spec.name}”已有 ${this.limits.rows} 行，达到 Excel 的上限`);
    const r = ++this.rows;
    let xml = `<row r="${r}">`;
    for (let c = 0; c < cells.length; c++) {
      const { value, style, link } = cells[c];
      const ref = `${columnLetters(c)}${r}`;
      const s = style ? ` s="${style}"` : "";
      if (value === null) xml += `<c r="${ref}"${s}/>`;
      else if (typeof value === "number" && Number.isFinite(value)) xml += `<c r="${ref}"${s}><v>${value}</v></c>`;
      else xml += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${textXml(String(value))}</t></is></c>`;
      if (link !== undefined && value !== null) {
        if (this.links.length < this.limits.links) this.links.push({ ref, target: link });
        else this.linksDropped++;
      }
    }
    this.width = Math.max(this.width, cells.length);
    this.text += `${xml}</row>`;
    if (this.text.length >= PUSH_CHARS) this.flush(false);
  }

  /** The filter's range: the header and every row written, over the sheet's columns. */
  get filterRef(): string {
    const last = columnLetters(Math.max(this.spec.columns.length, this.width, 1) - 1);
    return `A1:${last}${Math.max(1, this.rows)}`;
  }

  finish(filter: boolean): void {
    let tail = "</sheetData>";
    if (filter) tail += `<autoFilter ref="${this.filterRef}"/>`;
    if (this.links.length) tail += `<hyperlinks>${this.links.map((l, i) => `<hyperlink ref="${l.ref}" r:id="rId${i + 1}"/>`).join("")}</hyperlinks>`;
    tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    this.text += tail;
    this.flush(true);
  }

  private flush(final: boolean): void {
    this.file.push(strToU8(this.text), final);
    this.text = "";
  }
}

/**
 * The workbook, written as its rows come. Sheets are given at the start (their rows may interleave: fflate
 * keeps a later sheet's compressed bytes until the one before it is finished); finish() writes the parts that
 * depend on everything (styles, links, the filters' names) and ends the zip.
 */
export class XlsxWriter {
  private readonly zip: Zip;
  private readonly styles = new StyleTable();
  private readonly sheets: SheetStream[];
  private readonly entry: ZipEntryFactory;
  readonly limits: XlsxLimits;
  private readonly creator: string;
  private readonly now: Date;
  private failure: Error | undefined;
  private finished = false;
  private readonly done: Promise<void>;

  constructor(sink: XlsxSink, specs: XlsxSheetSpec[], options: XlsxWriterOptions = {}) {
    this.entry = options.entry ?? streamingEntry;
    this.limits = options.limits ?? EXCEL_LIMITS;
    this.creator = options.creator ?? "JX";
    this.now = options.now ?? new Date();
    let settle!: (e?: Error) => void;
    this.done = new Promise<void>((resolve, reject) => (settle = (e) => (e ? reject(e) : resolve())));
    // Unhandled until finish() is awaited: a failure before then is also thrown by the next row().
    this.done.catch(() => undefined);
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.failure ??= err;
        settle(err);
        return;
      }
      sink(chunk, final);
      if (final) settle();
    });
    this.sheets = specs.map((spec, i) =>
      new SheetStream(
        this.zip,
        this.entry,
        i,
        spec,
        spec.columns.map((c) => (c.numFmt ? this.styles.id({ numFmt: c.numFmt }) : 0)),
        this.limits,
      ),
    );
  }

  /** The number of a style, for cells. */
  style(style: XlsxStyle): number {
    return this.styles.id(style);
  }

  /** The next row of sheet `sheet` (0-based). */
  row(sheet: number, cells: XlsxCell[]): void {
    if (this.finished) throw new Error("XlsxWriter.row called after finish");
    this.sheets[sheet].row(cells);
    this.check();
  }

  rowCount(sheet: number): number {
    return this.sheets[sheet].rowCount;
  }

  /** Links of sheet `sheet` left out (their cells written, unlinked) as it already held Excel's maximum. */
  linksDropped(sheet: number): number {
    return this.sheets[sheet].linksDropped;
  }

  /**
   * Ends the workbook; `filtered`: the sheets (0-based) whose header row gets a filter over every row. Settles
   * when the sink has had the last byte (at once with fflate's own deflate; zlib's answers on a later turn).
   */
  finish(filtered: number[] = []): Promise<void> {
    if (this.finished) throw new Error("XlsxWriter.finish called twice");
    this.finished = true;
    for (const s of this.sheets) s.finish(filtered.includes(s.index));
    const part = (name: string, xml: string) => {
      const f = this.entry(name);
      this.zip.add(f);
      f.push(strToU8(xml), true);
    };
    const names = this.sheets.map((s) => s.spec.name);
    part("[Content_Types].xml", this.contentTypes());
    part("_rels/.rels", relationships([["officeDocument", "xl/workbook.xml"], ["core-properties", "docProps/core.xml"]]));
    part("docProps/core.xml", this.coreProperties());
    const defined = filtered
      .map((i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`'${names[i].replace(/'/g, "''")}'!${absolute(this.sheets[i].filterRef)}`)}</definedName>`)
      .join("");
    part(
      "xl/workbook.xml",
      `${XML_DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        names.map((n, i) => `<sheet name="${escapeXml(xmlSafe(n))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets>${defined ? `<definedNames>${defined}</definedNames>` : ""}</workbook>`,
    );
    part("xl/_rels/workbook.xml.rels", relationships([...names.map((_, i): [string, string] => ["worksheet", `worksheets/sheet${i + 1}.xml`]), ["styles", "styles.xml"]]));
    for (const s of this.sheets) {
      if (s.links.length === 0) continue;
      const rels = s.links.map((l, i) => `<Relationship Id="rId${i + 1}" Type="${NS.rel}/hyperlink" Target="${escapeXml(xmlSafe(l.target))}" TargetMode="External"/>`);
      part(`xl/worksheets/_rels/sheet${s.index + 1}.xml.rels`, `${XML_DECL}<Relationships xmlns="${NS.pkgRel}">${rels.join("")}</Relationships>`);
    }
    part("xl/styles.xml", this.styles.xml());
    this.zip.end();
    return this.done;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private contentTypes(): string {
    const sheets = this.sheets.map((s) => `<Override PartName="/xl/worksheets/sheet${s.index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    return (
      `${XML_DECL}<Types xmlns="${NS.ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.join("")}` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
    );
  }

  private coreProperties(): string {
    const when = this.now.toISOString().replace(/\.\d{3}Z$/, "Z");
    return (
      `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${escapeXml(this.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
    );
  }
}

const REL_TYPES: Record<string, string> = {
  officeDocument: `${NS.rel}/officeDocument`,
  "core-properties": "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
};

function relationships(rels: [kind: string, target: string][]): string {
  return `${XML_DECL}<Relationships xmlns="${NS.pkgRel}">${rels.map(([kind, target], i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPES[kind]}" Target="${target}"/>`).join("")}</Relationships>`;
}

/** "A1:P5" -> "$A$1:$P$5". */
function absolute(ref: string): string {
  return ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/** The bytes a writer made, joined (the browser page's download; a test's workbook). */
export function collectingSink(): { sink: XlsxSink; bytes: () => Uint8Array } {
  const chunks: Uint8Array[] = [];
  let done = false;
  return {
    sink: (chunk, final) => {
      chunks.push(chunk);
      done ||= final;
    },
    bytes: () => {
      if (!done) throw new Error("workbook not finished");
      return joinBytes(chunks);
    },
  };
}
