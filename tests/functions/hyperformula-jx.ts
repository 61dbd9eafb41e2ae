/**
 * Registers the =JX.* functions in HyperFormula (a formula engine; dev dependency only, GPLv3) so that
 * formulas typed as in Excel — cell references, percent literals, array constants, ranges, blanks —
 * reach the functions the way Excel passes them: ranges as any[][], omitted or empty arguments as null,
 * percents as fractions. The functions called are whatever `registry` holds (the built bundle's).
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionsMetadata } from "../../functions/metadata/zh-cn";
import { isExcelError } from "./stand-in";

type Fn = (...args: unknown[]) => unknown;

/** One Excel cell value: HyperFormula's empty marker becomes null (Excel on the web), rich numbers plain numbers. */
function toExcelScalar(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (typeof v === "object" && v !== null && "val" in v && typeof (v as { val: unknown }).val === "number") return (v as { val: number }).val;
  return v;
}

function toExcelArg(v: unknown, matrix: boolean): unknown {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(toExcelScalar));
  const scalar = toExcelScalar(v);
  // Excel hands a matrix parameter a 1×1 array when given a single value; an omitted one stays null.
  return matrix && scalar !== null ? [[scalar]] : scalar;
}

function toFormulaValue(result: unknown): unknown {
  if (isExcelError(result)) return new CellError(result.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, result.message);
  return result;
}

export function registerJxFunctions(metadata: FunctionsMetadata, registry: Map<string, Fn>): void {
  const implemented: Record<string, { method: string; parameters: { argumentType: FunctionArgumentType; optionalArg?: boolean }[] }> = {};
  class JxPlugin extends FunctionPlugin {}
  const proto = JxPlugin.prototype as unknown as Record<string, unknown>;
  for (const f of metadata.functions) {
    const name = `JX.${f.id}`;
    const method = `jx_${f.id}`;
    implemented[name] = { method, parameters: f.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true })) };
    proto[method] = function (this: JxPlugin, ast: { args: never[] }, state: never) {
      const run = (this as unknown as { runFunction: (a: never[], s: never, m: unknown, impl: (...x: unknown[]) => unknown) => unknown }).runFunction;
      const meta = (this as unknown as { metadata: (n: string) => unknown }).metadata(name);
      return run(ast.args, state, meta, (...args: unknown[]) => {
        const fn = registry.get(f.id);
        if (!fn) return new CellError(ErrorType.NAME, `${name} 未注册`);
        const excelArgs = f.parameters.map((p, i) => toExcelArg(args[i], p.dimensionality === "matrix"));
        return toFormulaValue(fn(...excelArgs));
      });
    };
  }
  (JxPlugin as unknown as { implementedFunctions: typeof implemented }).implementedFunctions = implemented;
  const names = Object.fromEntries(Object.keys(implemented).map((n) => [n, n]));
  HyperFormula.registerFunctionPlugin(JxPlugin as never, { enGB: names, enUS: names });
}
