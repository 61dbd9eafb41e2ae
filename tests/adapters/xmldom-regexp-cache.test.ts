/**
 * src/adapters/xlsx-patch/xmldom-regexp-cache.ts: xmldom's grammar expressions built once. The documents parsed
 * through the cache are the documents xmldom parses without it — every XML part of the bundled workbooks, and
 * end tags of every shape, good and bad — and the cache is in place wherever the patch is loaded.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { unzipSync, strFromU8 } from "fflate";
import { cacheGrammarRegExps, xmldomGrammar } from "../../src/adapters/xlsx-patch/xmldom-regexp-cache";
import "../../src/adapters/xlsx-patch/xml";

type Xmldom = typeof import("@xmldom/xmldom");

/** xmldom and its grammar loaded afresh, with or without the cache. */
function freshXmldom(cached: boolean): Xmldom {
  let lib: Xmldom | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const grammar = require("@xmldom/xmldom/lib/grammar") as { reg?: unknown };
    if (cached) expect(cacheGrammarRegExps(grammar)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    lib = require("@xmldom/xmldom") as Xmldom;
  });
  return lib!;
}

/** What a parse gives: the document serialised, or the error it ends in, with every warning and error reported. */
function parsed(lib: Xmldom, xml: string): string {
  const reported: string[] = [];
  try {
    const doc = new lib.DOMParser({ onError: (level, msg) => void reported.push(`${level}: ${msg}`) }).parseFromString(xml, "application/xml");
    return JSON.stringify({ xml: new lib.XMLSerializer().serializeToString(doc), reported });
  } catch (e) {
    return JSON.stringify({ thrown: (e as Error).message, reported });
  }
}

const EXAMPLES = join(__dirname, "..", "..", "examples");

describe("xmldom's grammar expressions, built once", () => {
  test("the patch loads with the cache in place (an upgrade that moves xmldom's `reg` fails here)", () => {
    expect(typeof xmldomGrammar().reg).toBe("function");
    expect((xmldomGrammar().reg as { name: string }).name).toBe("cachedReg");
  });

  test("every XML part of the bundled workbooks parses to the same document with and without it", () => {
    const plain = freshXmldom(false);
    const cached = freshXmldom(true);
    let parts = 0;
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx"))) {
      for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(EXAMPLES, file))))) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const xml = strFromU8(bytes);
        expect(parsed(cached, xml)).toBe(parsed(plain, xml));
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(20);
  });

  test("end tags of every shape, good and bad, give the same document or the same error", () => {
    const plain = freshXmldom(false);
    const cached = freshXmldom(true);
    const cases = [
      "<a><b>1</b></a>",
      "<x:a xmlns:x='urn:x'><x:c r='A1'><x:v>1</x:v></x:c></x:a>",
      "<a><b></b ></a>",
      "<a><b></b\n></a>",
      "<a><b></b\nc></a>",
      "<a><b></b c></a>",
      "<a><b></></a>",
      "<a><b></c></a>",
      "<a><b></b",
      "<a><中文>字</中文></a>",
      "<a><b></b>",
      "<!DOCTYPE a><a/>",
    ];
    for (const xml of cases) expect(parsed(cached, xml)).toBe(parsed(plain, xml));
  });

  test("the same parts give the one expression; other parts another; a global expression is never shared", () => {
    const built: string[] = [];
    const grammar = {
      reg: (...parts: (RegExp | string)[]) => {
        built.push(parts.map((p) => (typeof p === "string" ? p : p.source)).join(""));
        return new RegExp(parts.map((p) => (typeof p === "string" ? p : p.source)).join(""), parts.includes("g") ? "g" : "u");
      },
    };
    const A = /a+/;
    const B = /b/;
    expect(cacheGrammarRegExps(grammar)).toBe(true);
    const reg = grammar.reg;
    const first = reg("^", A, "$");
    expect(reg("^", A, "$")).toBe(first);
    expect(reg("^", B, "$")).not.toBe(first);
    expect(reg("^", A)).not.toBe(first);
    expect(reg("^", A, "g")).not.toBe(reg("^", A, "g"));
    expect(built).toEqual(["^a+$", "^b$", "^a+", "^a+g", "^a+g"]);
    expect(cacheGrammarRegExps(grammar)).toBe(true); // once only: not wrapped twice
    expect(grammar.reg).toBe(reg);
    expect(cacheGrammarRegExps({})).toBe(false);
  });
});
