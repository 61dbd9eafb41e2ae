/**
 * =JX.* in WPS 表格: the same functions as the Excel add-in (functions/functions.ts), registered with
 * wps.AddCustomFunction under the JX namespace and the same names, with the Chinese help of
 * functions.zh-cn.json (built from functions/metadata/help.zh-cn.ts). WPS calls them synchronously, which
 * they are. An error the Excel build returns as #VALUE!/#N/A with a message is returned to WPS as text
 * ("#VALUE!：…"): WPS add-in functions have no error type of their own.
 */
import "./custom-functions-shim";
import * as F from "../../functions/functions";

/** Function id (as in functions.json) -> implementation, in the order of functions.ts. */
export const WPS_FUNCTIONS: [string, (...args: unknown[]) => unknown][] = [
  ["SCORE", F.score],
  ["EXPLAIN", F.explain],
  ["LINEAR_DEDUCT", F.linearDeduct],
  ["LINEAR_DEDUCT_POINTS", F.linearDeductPointsFn],
  ["RATIO", F.ratio],
  ["BRACKET", F.bracket],
  ["CHECKLIST", F.checklist],
  ["MATCH", F.match],
  ["GRADE", F.gradeFn],
  ["WEIGHTS", F.weights],
  ["VALUE", F.value],
  ["MEETS", F.meetsFn],
  ["FORMULA", F.formula],
] as [string, (...args: unknown[]) => unknown][];

interface Metadata {
  functions: { id: string; name: string; description?: string; parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[] }[];
}

export interface WpsHost {
  AddCustomFunction(namespace: string, name: string, fn: (...args: unknown[]) => unknown, meta: unknown): unknown;
}

/** A result WPS can show: numbers, text, booleans; an Excel-style error becomes "#VALUE!：message". */
export function forWps(result: unknown): unknown {
  if (result && typeof result === "object" && "code" in result) {
    const e = result as { code: string; message?: string };
    return e.message ? `${e.code}：${e.message}` : e.code;
  }
  return result;
}

/** Registers every function; `zh` is functions.zh-cn.json. Returns the names registered. */
export function registerWith(wps: WpsHost, zh: Metadata): string[] {
  const byId = new Map(zh.functions.map((f) => [f.id, f]));
  const done: string[] = [];
  for (const [id, fn] of WPS_FUNCTIONS) {
    const meta = byId.get(id);
    if (!meta) throw new Error(`functions.zh-cn.json 中没有 ${id}`);
    wps.AddCustomFunction("JX", meta.name, (...args: unknown[]) => forWps(fn(...args)), {
      description: meta.description ?? "",
      parameters: meta.parameters.map((p) => ({ name: p.name, description: p.description ?? "", type: p.optional ? "any?" : "any" })),
      result: { type: "any" },
    });
    done.push(meta.name);
  }
  return done;
}

/** main.js calls this from OnAddinLoad: reads the Chinese metadata beside the page, then registers. */
export function register(wps: WpsHost, base: string): void {
  const req = new XMLHttpRequest();
  // Synchronous on purpose: the functions must exist before WPS recalculates the open workbook.
  req.open("GET", `${base}functions.zh-cn.json`, false);
  req.send();
  registerWith(wps, JSON.parse(req.responseText) as Metadata);
}
