/**
 * The few DOM operations the package patch needs, over @xmldom/xmldom (pure JS: the same code runs in Node
 * and in the browser page). Only the parts JX changes are parsed and serialised again.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { PatchError } from "./error";
import { XML_DECL } from "../xml-text";
import { cacheGrammarRegExps } from "./xmldom-regexp-cache";

// Before the first parse: xmldom 0.9 otherwise builds a regular expression per end tag (xmldom-regexp-cache.ts).
cacheGrammarRegExps();

export { NS, XML_DECL, escapeXml, xmlSafe } from "../xml-text";
export { PatchError };

export function parseXml(text: string, part: string): Document {
  try {
    return new DOMParser({ onError: (level, msg) => { if (level !== "warning") throw new Error(msg); } }).parseFromString(text, "application/xml");
  } catch (e) {
    throw new PatchError(`工作簿中的“${part}”不是有效的 XML，无法生成校验副本（${(e as Error).message.slice(0, 120)}）。`);
  }
}

export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return /^<\?xml/.test(text) ? text : XML_DECL + text;
}

/** Element children with this local name (any namespace prefix). */
export function children(parent: Element | Document, localName: string): Element[] {
  const out: Element[] = [];
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName) out.push(n as Element);
  }
  return out;
}

export function child(parent: Element | Document, localName: string): Element | null {
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === localName) return n as Element;
  }
  return null;
}

export function root(doc: Document): Element {
  const el = doc.documentElement;
  if (!el) throw new PatchError("工作簿中有一个空的 XML 部件，无法生成校验副本。");
  return el;
}

/** A new element in the namespace (and with the prefix) of `like`, so `<x:c>` documents stay `<x:c>`. */
export function make(doc: Document, like: Element, localName: string, attrs: Record<string, string> = {}): Element {
  const el = doc.createElementNS(like.namespaceURI, like.prefix ? `${like.prefix}:${localName}` : localName);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/**
 * Inserts `el` as a child of `parent` before the first existing child whose local name comes later in
 * `order` (the schema's sequence), else at the end.
 */
export function insertInOrder(parent: Element, el: Element, order: readonly string[]): void {
  const rank = order.indexOf(el.localName!);
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const r = order.indexOf((n as Element).localName!);
    if (r > rank) {
      parent.insertBefore(el, n);
      return;
    }
  }
  parent.appendChild(el);
}
