/**
 * Notes (批注) in the copy: the legacy comments part and its VML drawing. A cell's own note is kept, JX's
 * text is added after it as a run that starts with the JX mark (【JX校验】), so 清除标注 — in the copy or
 * in the pane — removes exactly that part. A cell with a threaded comment (Excel 365 批注) is left alone:
 * its note is only the thread's fallback text, rewritten by Excel from the thread.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { parseA1 } from "../../sheet/address";
import { JX_NOTE_MARK, fitJxPart, withoutJxNote } from "../../check/notes";
import { CT, REL, type XlsxPackage } from "./package";
import type { SheetPatch } from "./sheet";
import { NS, child, children, escapeXml, make, parseXml, root, xmlSafe } from "./xml";

/** "full": the cell's own note leaves no room for JX's part within Excel's 32,767 characters (left as it is). */
export type NoteOutcome = "added" | "appended" | "threaded" | "full";

const JX_AUTHOR = "JX";

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function textOf(el: Element): string {
  return children(el, "t").map((t) => t.textContent ?? "").join("");
}

/** Plain text of a comment's <text>: its runs' (or its own) <t> elements. */
function commentText(text: Element): string {
  const runs = children(text, "r");
  return runs.length ? runs.map(textOf).join("") : textOf(text);
}

export class NotesPatch {
  private commentsPart: string | null = null;
  private comments: Document | null = null;
  private vmlPart: string | null = null;
  private readonly threaded = new Set<string>();
  private nextShape = 0;

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly sheet: SheetPatch,
  ) {
    const rels = pkg.relationships(sheet.part);
    const c = rels.find((r) => r.type === REL.comments && r.part && pkg.has(r.part));
    if (c?.part) {
      this.commentsPart = c.part;
      this.comments = pkg.xml(c.part);
    }
    for (const t of rels.filter((r) => r.type === REL.threadedComment && r.part && pkg.has(r.part))) {
      for (const tc of children(root(pkg.xml(t.part!)!), "threadedComment")) this.threaded.add((tc.getAttribute("ref") ?? "").toUpperCase());
    }
    const vmlId = sheet.legacyDrawingId();
    const v = vmlId ? rels.find((r) => r.id === vmlId) : undefined;
    if (v?.part && pkg.has(v.part)) this.vmlPart = v.part;
  }

  private ensureComments(): Document {
    if (this.comments) return this.comments;
    const part = this.pkg.freeName("xl/comments", ".xml");
    const doc = parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors/><commentList/></comments>`, part);
    this.pkg.setXml(part, doc);
    this.pkg.addContentType(part, CT.comments);
    this.pkg.addRelationship(this.sheet.part, REL.comments, part);
    this.commentsPart = part;
    this.comments = doc;
    return doc;
  }

  private authorId(doc: Document): number {
    const top = root(doc);
    let authors = child(top, "authors");
    if (!authors) {
      authors = make(doc, top, "authors");
      top.insertBefore(authors, top.firstChild);
    }
    const list = children(authors, "author");
    const i = list.findIndex((a) => a.textContent === JX_AUTHOR);
    if (i >= 0) return i;
    const a = make(doc, authors, "author");
    a.appendChild(doc.createTextNode(JX_AUTHOR));
    authors.appendChild(a);
    return list.length;
  }

  private run(doc: Document, like: Element, text: string, bold: boolean): Element {
    const r = make(doc, like, "r");
    const pr = make(doc, like, "rPr");
    if (bold) pr.appendChild(make(doc, like, "b"));
    pr.appendChild(make(doc, like, "sz", { val: "9" }));
    pr.appendChild(make(doc, like, "rFont", { val: "宋体" }));
    pr.appendChild(make(doc, like, "charset", { val: "134" }));
    r.appendChild(pr);
    const t = make(doc, like, "t");
    t.setAttribute("xml:space", "preserve");
    t.appendChild(doc.createTextNode(xmlSafe(text)));
    r.appendChild(t);
    return r;
  }

  /**
   * Adds JX's note to a cell: beside its own note when it has one. `text` starts with the JX mark; it is cut
   * (marked) so the whole note stays within Excel's 32,767 characters, the own text never.
   */
  add(address: string, note: string): NoteOutcome {
    const text = note.startsWith(JX_NOTE_MARK) ? note : `${JX_NOTE_MARK}\n${note}`;
    const ref = address.toUpperCase();
    if (this.threaded.has(ref)) return "threaded";
    const doc = this.ensureComments();
    const top = root(doc);
    let list = child(top, "commentList");
    if (!list) {
      list = make(doc, top, "commentList");
      top.appendChild(list);
    }
    const existing = children(list, "comment").find((c) => (c.getAttribute("ref") ?? "").toUpperCase() === ref);
    if (existing) {
      const current = child(existing, "text");
      const own = current ? withoutJxNote(commentText(current)) : "";
      const part = fitJxPart(own, text);
      if (part === null) return "full";
      this.pkg.touch(this.commentsPart!);
      let body = current;
      if (!body) {
        body = make(doc, existing, "text");
        existing.appendChild(body);
      }
      this.replaceText(doc, body, own);
      if (own) body.appendChild(this.run(doc, body, "\n", false));
      this.appendJx(doc, body, part);
      return "appended";
    }
    this.pkg.touch(this.commentsPart!);
    const comment = make(doc, list, "comment", { ref, authorId: String(this.authorId(doc)) });
    const body = make(doc, list, "text");
    this.appendJx(doc, body, fitJxPart("", text)!);
    comment.appendChild(body);
    list.appendChild(comment);
    this.addShape(ref);
    return "added";
  }

  /** JX's part: the mark in bold, then the messages. */
  private appendJx(doc: Document, body: Element, text: string): void {
    const rest = text.startsWith(JX_NOTE_MARK) ? text.slice(JX_NOTE_MARK.length) : `\n${text}`;
    body.appendChild(this.run(doc, body, JX_NOTE_MARK, true));
    body.appendChild(this.run(doc, body, rest, false));
  }

  /**
   * Leaves the comment's own text (without an earlier JX part) in the body: runs kept as they are up to
   * the JX mark, the run holding the mark cut there, the runs after it dropped.
   */
  private replaceText(doc: Document, body: Element, own: string): void {
    const runs = children(body, "r");
    if (runs.length === 0) {
      // A plain <t>: becomes a run, so JX's runs can follow it.
      const t = child(body, "t");
      const plain = t ? t.textContent ?? "" : "";
      if (t) body.removeChild(t);
      if (plain.length > 0 && own) body.insertBefore(this.plainRun(doc, body, own), body.firstChild);
      return;
    }
    let length = 0;
    for (const r of runs) {
      const t = child(r, "t");
      const s = textOf(r);
      if (length >= own.length) body.removeChild(r);
      else if (length + s.length > own.length && t) {
        while (t.firstChild) t.removeChild(t.firstChild);
        t.appendChild(doc.createTextNode(s.slice(0, own.length - length)));
      }
      length += s.length;
    }
  }

  private plainRun(doc: Document, like: Element, text: string): Element {
    const r = make(doc, like, "r");
    const t = make(doc, like, "t");
    t.setAttribute("xml:space", "preserve");
    t.appendChild(doc.createTextNode(text));
    r.appendChild(t);
    return r;
  }

  /** Shape ids and idmap blocks used by any VML part of the package, so new ones do not collide. */
  private usedVmlIds(): { shapes: number; blocks: number } {
    let shapes = 0;
    let blocks = 0;
    for (const name of this.pkg.names()) {
      if (!/\.vml$/i.test(name)) continue;
      const text = this.pkg.text(name) ?? "";
      for (const m of text.matchAll(/_x0000_s(\d+)/g)) shapes = Math.max(shapes, Number(m[1]));
      for (const m of text.matchAll(/<o:idmap[^>]*data=["']([\d,\s]+)["']/g)) for (const d of m[1].split(/[,\s]+/)) blocks = Math.max(blocks, Number(d) || 0);
    }
    return { shapes, blocks };
  }

  private addShape(ref: string): void {
    const pos = parseA1(ref)!;
    if (!this.vmlPart) {
      const { blocks } = this.usedVmlIds();
      const part = this.pkg.freeName("xl/drawings/vmlDrawing", ".vml");
      this.pkg.setText(
        part,
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
          `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks + 1}"/></o:shapelayout>${SHAPETYPE}</xml>`,
      );
      this.pkg.addDefaultContentType("vml", CT.vml);
      this.sheet.setLegacyDrawing(this.pkg.addRelationship(this.sheet.part, REL.vmlDrawing, part));
      this.vmlPart = part;
    }
    let vml = this.pkg.text(this.vmlPart)!;
    if (this.nextShape === 0) this.nextShape = Math.max(this.usedVmlIds().shapes, 1024) + 1;
    const id = this.nextShape++;
    // Our shape's prefixes, declared on the root when another writer's VML lacks them.
    for (const [p, uri] of [["v", "urn:schemas-microsoft-com:vml"], ["o", "urn:schemas-microsoft-com:office:office"], ["x", "urn:schemas-microsoft-com:office:excel"]]) {
      if (!new RegExp(`xmlns:${p}=`).test(vml)) vml = vml.replace(/<xml\b/, `<xml xmlns:${p}="${uri}"`);
    }
    if (!/_x0000_t202/.test(vml)) vml = vml.replace(/<\/xml>\s*$/, `${SHAPETYPE}</xml>`);
    const anchor = `${pos.col + 1}, 15, ${Math.max(0, pos.row - 1)}, 10, ${pos.col + 4}, 15, ${pos.row + 5}, 4`;
    const shape =
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
      `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${escapeXml(anchor)}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${pos.row}</x:Row><x:Column>${pos.col}</x:Column></x:ClientData></v:shape>`;
    const at = vml.lastIndexOf("</xml>");
    vml = at >= 0 ? vml.slice(0, at) + shape + vml.slice(at) : vml + shape;
    this.pkg.setText(this.vmlPart, vml);
  }
}
