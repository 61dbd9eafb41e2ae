/**
 * Styles JX adds to xl/styles.xml: a solid fill on top of a cell's own format (a new cellXfs entry cloned
 * from the cell's, so cells that shared the format keep theirs), and the few formats of the 校验结果 sheet.
 * Existing entries are never changed; new ones are appended.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { REL, CT, type XlsxPackage } from "./package";
import { PatchError, child, children, make, parseXml, root } from "./xml";

const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;

const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export interface ExtraFormat {
  bold?: boolean;
  link?: boolean;
  fill?: string;
  wrapTop?: boolean;
}

export class StylesPatch {
  private readonly doc: Document;
  private readonly sheet: Element;
  private readonly fillIds = new Map<string, number>();
  private readonly xfCache = new Map<string, number>();
  private changed = false;

  constructor(
    private readonly pkg: XlsxPackage,
    wbPart: string,
  ) {
    const rel = pkg.relationships(wbPart).find((r) => r.type === REL.styles);
    if (rel?.part && pkg.has(rel.part)) {
      this.part = rel.part;
      this.doc = pkg.xml(rel.part)!;
    } else {
      this.part = "xl/styles.xml";
      if (pkg.has(this.part)) throw new PatchError("工作簿的样式部件未登记，无法生成校验副本。");
      this.doc = parseXml(MINIMAL_STYLES, this.part);
      pkg.setXml(this.part, this.doc);
      pkg.addRelationship(wbPart, REL.styles, this.part);
      pkg.addContentType(this.part, CT.styles);
    }
    this.sheet = root(this.doc);
  }

  readonly part: string;

  private list(name: (typeof STYLESHEET_ORDER)[number]): Element {
    let el = child(this.sheet, name);
    if (!el) {
      el = make(this.doc, this.sheet, name, { count: "0" });
      const rank = STYLESHEET_ORDER.indexOf(name);
      let before: Element | null = null;
      for (let n = this.sheet.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 1 && STYLESHEET_ORDER.indexOf((n as Element).localName as never) > rank) {
          before = n as Element;
          break;
        }
      }
      if (before) this.sheet.insertBefore(el, before);
      else this.sheet.appendChild(el);
    }
    return el;
  }

  private append(listName: (typeof STYLESHEET_ORDER)[number], item: string, el: Element): number {
    const list = this.list(listName);
    const index = children(list, item).length;
    list.appendChild(el);
    list.setAttribute("count", String(index + 1));
    this.changed = true;
    this.pkg.touch(this.part);
    return index;
  }

  private xfs(): Element[] {
    return children(this.list("cellXfs"), "xf");
  }

  private fillId(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      const list = this.list("fills");
      const fill = make(this.doc, list, "fill");
      const pattern = make(this.doc, list, "patternFill", { patternType: "solid" });
      pattern.appendChild(make(this.doc, list, "fgColor", { rgb: argb }));
      pattern.appendChild(make(this.doc, list, "bgColor", { indexed: "64" }));
      fill.appendChild(pattern);
      id = this.append("fills", "fill", fill);
      this.fillIds.set(argb, id);
    }
    return id;
  }

  private fontId(kind: "bold" | "link"): number {
    const key = `font:${kind}`;
    let id = this.xfCache.get(key);
    if (id === undefined) {
      const list = this.list("fonts");
      const base = children(list, "font")[0];
      const font = base ? (base.cloneNode(true) as Element) : make(this.doc, list, "font");
      for (const c of children(font, "b").concat(children(font, "u"), children(font, "color"))) font.removeChild(c);
      // CT_Font's children are a choice in any order in practice; b and u first, colour after them.
      if (kind === "bold") font.insertBefore(make(this.doc, list, "b"), font.firstChild);
      else {
        font.insertBefore(make(this.doc, list, "u"), font.firstChild);
        const sz = child(font, "sz");
        const color = make(this.doc, list, "color", { rgb: "FF0563C1" });
        if (sz && sz.nextSibling) font.insertBefore(color, sz.nextSibling);
        else font.appendChild(color);
      }
      id = this.append("fonts", "font", font);
      this.xfCache.set(key, id);
    }
    return id;
  }

  /** The cellXfs index of `baseXf` with a solid `argb` fill; cached per (base, colour). */
  withFill(baseXf: number, argb: string): number {
    const key = `${baseXf}:${argb}`;
    let id = this.xfCache.get(key);
    if (id === undefined) {
      const xfs = this.xfs();
      const base = xfs[baseXf] ?? xfs[0];
      const list = this.list("cellXfs");
      const xf = base ? (base.cloneNode(true) as Element) : make(this.doc, list, "xf", { numFmtId: "0", fontId: "0", borderId: "0", xfId: "0" });
      xf.setAttribute("fillId", String(this.fillId(argb)));
      xf.setAttribute("applyFill", "1");
      id = this.append("cellXfs", "xf", xf);
      this.xfCache.set(key, id);
    }
    return id;
  }

  /** A format for the 校验结果 sheet (default font and borders; bold, link, fill, wrap as asked). */
  format(f: ExtraFormat): number {
    const key = `fmt:${f.bold ? "b" : ""}${f.link ? "l" : ""}${f.fill ?? ""}${f.wrapTop ? "w" : ""}`;
    let id = this.xfCache.get(key);
    if (id === undefined) {
      const list = this.list("cellXfs");
      const xf = make(this.doc, list, "xf", { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" });
      if (f.bold || f.link) {
        xf.setAttribute("fontId", String(this.fontId(f.bold ? "bold" : "link")));
        xf.setAttribute("applyFont", "1");
      }
      if (f.fill) {
        xf.setAttribute("fillId", String(this.fillId(f.fill)));
        xf.setAttribute("applyFill", "1");
      }
      if (f.wrapTop) {
        xf.setAttribute("applyAlignment", "1");
        xf.appendChild(make(this.doc, list, "alignment", { vertical: "top", wrapText: "1" }));
      }
      id = this.append("cellXfs", "xf", xf);
      this.xfCache.set(key, id);
    }
    return id;
  }

  get touched(): boolean {
    return this.changed;
  }
}
