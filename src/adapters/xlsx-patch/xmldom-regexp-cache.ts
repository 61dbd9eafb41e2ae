/**
 * @xmldom/xmldom 0.9 builds a regular expression from its grammar for every end tag it parses (lib/sax.js:
 * `g.reg('^', g.QName_group, g.S_OPT, '$')`, ≈6 µs each: half the time of parsing a sheet; upstream issue #950,
 * open). Its grammar's `reg` is given a cache here, keyed by the identity of its arguments — the grammar's own
 * expressions and a few strings — so the same parts give the same expression, built once. The expressions have
 * neither the g nor the y flag, so one object serves every caller (exec keeps no state between calls). The
 * documents parsed are unchanged (tests/adapters/xmldom-regexp-cache.test.ts, which also fails should an upgrade
 * of xmldom move `reg`: then this file is to be reviewed, or removed when upstream builds its expressions once).
 */

type Reg = (...parts: (RegExp | string)[]) => RegExp;

/** Enough for every combination xmldom asks for (three call sites); past it, expressions are built as before. */
const MOST_CACHED = 64;
const RESULT = Symbol("expression");

interface Node extends Map<unknown, Node> {
  [RESULT]?: RegExp;
}

/** The grammar module the parser reads `reg` from at every call (lib/sax.js: `var g = require('./grammar')`). */
export function xmldomGrammar(): { reg?: unknown } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@xmldom/xmldom/lib/grammar") as { reg?: unknown };
}

const installed = new WeakSet<object>();

/** Gives `grammar.reg` its cache (once); false when there is no `reg` to wrap. */
export function cacheGrammarRegExps(grammar: { reg?: unknown } = xmldomGrammar()): boolean {
  if (installed.has(grammar)) return true;
  if (typeof grammar.reg !== "function") return false;
  const build = grammar.reg as Reg;
  const root: Node = new Map();
  let cached = 0;
  grammar.reg = function cachedReg(this: unknown, ...parts: (RegExp | string)[]): RegExp {
    let found: Node | undefined = root;
    for (const part of parts) found = found?.get(part);
    const hit = found?.[RESULT];
    if (hit) return hit;
    const made = build.apply(this, parts);
    if (made.global || made.sticky || cached >= MOST_CACHED) return made;
    let node = root;
    for (const part of parts) {
      let next = node.get(part);
      if (!next) node.set(part, (next = new Map() as Node));
      node = next;
    }
    cached++;
    return (node[RESULT] = made);
  };
  installed.add(grammar);
  return true;
}
