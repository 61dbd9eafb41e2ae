/**
 * Derives functions.zh-cn.json from the generated functions.json: ids, function names, types and options
 * stay; every function and parameter description is replaced by its Chinese help, and every parameter
 * name by its Chinese name (Excel shows them in the formula tooltip). Microsoft's generator does
 * not localise, and Excel picks this file for zh-CN through the manifest's <bt:Override Locale="zh-cn">.
 */
import { ZH_CN_HELP, type FunctionHelp } from "./help.zh-cn";

export interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

/** Throws (failing the build) when the help and the generated metadata do not name the same things. */
export function deriveZhCnMetadata(meta: FunctionsMetadata, help: Record<string, FunctionHelp> = ZH_CN_HELP): FunctionsMetadata {
  const problems: string[] = [];
  const ids = new Set(meta.functions.map((f) => f.id));
  for (const id of Object.keys(help)) if (!ids.has(id)) problems.push(`help names function ${id}, which functions.json does not have`);
  const functions = meta.functions.map((f) => {
    const h = help[f.id];
    if (!h) {
      problems.push(`no Chinese help for function ${f.id}`);
      return f;
    }
    const names = new Set(f.parameters.map((p) => p.name));
    for (const p of Object.keys(h.parameters)) if (!names.has(p)) problems.push(`help names parameter ${f.id}.${p}, which functions.json does not have`);
    const parameters = f.parameters.map((p) => {
      const zh = h.parameters[p.name];
      if (!zh) problems.push(`no Chinese help for parameter ${f.id}.${p.name}`);
      return zh ? { ...p, name: zh.name, description: zh.description } : p;
    });
    const zhNames = parameters.map((p) => p.name);
    for (const n of new Set(zhNames)) if (zhNames.filter((x) => x === n).length > 1) problems.push(`two parameters of ${f.id} are both named ${n}`);
    return { ...f, description: h.description, parameters };
  });
  if (problems.length) throw new Error(`zh-CN metadata: ${problems.join("; ")}`);
  return { ...meta, functions };
}

export function deriveZhCnMetadataJson(json: string): string {
  return JSON.stringify(deriveZhCnMetadata(JSON.parse(json) as FunctionsMetadata), null, 4);
}
