import { UsageError } from "./errors";

/**
 * The one formula choice of `jx check` and `jx template`, same name and values in both:
 * native — nothing that needs the add-in (template: native formulas any spreadsheet computes; checked copy:
 * the computed scores as numbers); jx — =JX.SCORE(…) over the row's cells (computes where the JX add-in is installed).
 */
export type FormulasChoice = "native" | "jx";

export const FORMULAS_FLAG = "--formulas <native|jx>";

export function readFormulas(value: string): FormulasChoice {
  if (value === "native" || value === "jx") return value;
  throw new UsageError(`--formulas 只能是 native（不需加载项）或 jx（=JX.SCORE，需安装 JX 加载项），收到：“${value}”`);
}
