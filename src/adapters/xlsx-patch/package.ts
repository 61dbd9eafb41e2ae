/**
 * An .xlsx package as its zip entries, in their order. Parts JX changes are set as new text; every other
 * entry is written back with exactly the bytes it was read with (uncompressed content identical).
 */
import { strFromU8, strToU8, unzipSync } from "fflate";
import { zipParts } from "../zip-entry";
import type { Document, Element } from "@xmldom/xmldom";
import { NS, PatchError, child, children, make, parseXml, root, serializeXml } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
} as const;

export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The part the target names, resolved against the source part ("xl/worksheets/sheet1.xml"); null when external. */
  part: string | null;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

/** A relationship target resolved against its source part's folder: "../comments1.xml" from xl/worksheets. */
export function resolveTarget(source: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : dirOf(source) + target;
  const out: string[] = [];
  for (const seg of decodeURI(path).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The shortest relative target from `source`'s folder to `part`. */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export function relsPartOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

export class XlsxPackage {
  /** Entry names in their zip order; new parts are appended. */
  private readonly order: string[];
  private readonly raw: Record<string, Uint8Array>;
  private readonly changed = new Map<string, string>();
  private readonly docs = new Map<string, Document>();

  constructor(bytes: Uint8Array) {
    try {
      this.raw = unzipSync(bytes);
    } catch (e) {
      throw new PatchError(`工作簿的压缩包无法解开，无法生成校验副本（${(e as Error).message}）。`);
    }
    // Names as stored; a leading "/" (some writers) is kept for writing, looked up without it.
    this.order = Object.keys(this.raw);
  }

  private key(part: string): string | undefined {
    if (part in this.raw || this.changed.has(part)) return part;
    const lower = part.toLowerCase();
    // Part names are case-insensitive in OPC.
    return this.order.find((n) => n.replace(/^\//, "").toLowerCase() === lower);
  }

  has(part: string): boolean {
    return this.key(part) !== undefined;
  }

  text(part: string): string | null {
    const k = this.key(part);
    if (k === undefined) return null;
    return this.changed.get(k) ?? strFromU8(this.raw[k]);
  }

  /** The part parsed once; edits to the returned DOM are written when `commit` is called or on save. */
  xml(part: string): Document | null {
    const k = this.key(part);
    if (k === undefined) return null;
    let doc = this.docs.get(k);
    if (!doc) {
      doc = parseXml(this.text(k)!, k);
      this.docs.set(k, doc);
    }
    return doc;
  }

  /** Marks a parsed part as changed (its DOM is serialised on save). */
  touch(part: string): void {
    const k = this.key(part);
    if (k === undefined) throw new PatchError(`内部错误：部件“${part}”不存在。`);
    this.changed.set(k, this.changed.get(k) ?? "");
  }

  setText(part: string, text: string): void {
    const k = this.key(part) ?? part;
    if (!this.order.includes(k)) this.order.push(k);
    this.docs.delete(k);
    this.changed.set(k, text);
  }

  setXml(part: string, doc: Document): void {
    const k = this.key(part) ?? part;
    if (!this.order.includes(k)) this.order.push(k);
    this.docs.set(k, doc);
    this.changed.set(k, "");
  }

  /** A part name not used yet: xl/comments1.xml, xl/comments2.xml, … */
  freeName(prefix: string, suffix: string): string {
    for (let i = 1; ; i++) if (!this.has(`${prefix}${i}${suffix}`)) return `${prefix}${i}${suffix}`;
  }

  /** Every entry name, in zip order. */
  names(): string[] {
    return [...this.order];
  }

  /** Names of the entries changed or added (for tests and reports). */
  changedParts(): string[] {
    return [...this.changed.keys()];
  }

  relationships(source: string): Relationship[] {
    const doc = this.xml(relsPartOf(source));
    if (!doc) return [];
    return children(root(doc), "Relationship").map((r) => {
      const external = r.getAttribute("TargetMode") === "External";
      const target = r.getAttribute("Target") ?? "";
      return { id: r.getAttribute("Id") ?? "", type: r.getAttribute("Type") ?? "", target, part: external ? null : resolveTarget(source, target) };
    });
  }

  /** Adds a relationship from `source` to `part`; returns its new id. */
  addRelationship(source: string, type: string, part: string): string {
    const relsPart = relsPartOf(source);
    let doc = this.xml(relsPart);
    if (!doc) {
      doc = parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`, relsPart);
      this.setXml(relsPart, doc);
    }
    const rels = root(doc);
    const ids = new Set(children(rels, "Relationship").map((r) => r.getAttribute("Id")));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    rels.appendChild(make(doc, rels, "Relationship", { Id: id, Type: type, Target: relativeTarget(source, part) }));
    this.touch(relsPart);
    return id;
  }

  /** Declares a new part's content type (an Override), or a Default for an extension. */
  addContentType(part: string, type: string): void {
    const doc = this.xml("[Content_Types].xml");
    if (!doc) throw new PatchError("工作簿缺少 [Content_Types].xml，无法生成校验副本。");
    const types = root(doc);
    const name = `/${part}`;
    if (children(types, "Override").some((o) => (o.getAttribute("PartName") ?? "").toLowerCase() === name.toLowerCase())) return;
    types.appendChild(make(doc, types, "Override", { PartName: name, ContentType: type }));
    this.touch("[Content_Types].xml");
  }

  addDefaultContentType(extension: string, type: string): void {
    const doc = this.xml("[Content_Types].xml");
    if (!doc) throw new PatchError("工作簿缺少 [Content_Types].xml，无法生成校验副本。");
    const types = root(doc);
    if (children(types, "Default").some((d) => (d.getAttribute("Extension") ?? "").toLowerCase() === extension)) return;
    const el = make(doc, types, "Default", { Extension: extension, ContentType: type });
    const first = child(types, "Override");
    if (first) types.insertBefore(el, first);
    else types.appendChild(el);
    this.touch("[Content_Types].xml");
  }

  save(): Uint8Array {
    const parts = this.order.map((name): [string, Uint8Array] => {
      const text = this.changed.get(name);
      if (text === undefined) return [name, this.raw[name]];
      const doc = this.docs.get(name);
      return [name, strToU8(doc ? serializeXml(doc) : text)];
    });
    return zipParts(parts);
  }
}

/** The main workbook part ("xl/workbook.xml") from the package relationships. */
export function workbookPart(pkg: XlsxPackage): string {
  const rel = pkg.relationships("").find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
  if (!rel?.part || !pkg.has(rel.part)) throw new PatchError("工作簿缺少主工作簿部件（xl/workbook.xml），无法生成校验副本。");
  return rel.part;
}

export interface SheetEntry {
  name: string;
  part: string;
  element: Element;
}

export function sheetEntries(pkg: XlsxPackage, wbPart: string): SheetEntry[] {
  const doc = pkg.xml(wbPart)!;
  const sheets = child(root(doc), "sheets");
  const rels = pkg.relationships(wbPart);
  const out: SheetEntry[] = [];
  for (const s of sheets ? children(sheets, "sheet") : []) {
    const id = s.getAttributeNS(NS.rel, "id") ?? s.getAttribute("r:id");
    const rel = rels.find((r) => r.id === id);
    if (rel?.part && pkg.has(rel.part)) out.push({ name: s.getAttribute("name") ?? "", part: rel.part, element: s });
  }
  return out;
}
