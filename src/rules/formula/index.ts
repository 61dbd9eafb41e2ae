export { compileRule } from "./compile";
export { formulaFromText } from "./fromText";
export type { FormulaRequest } from "./fromText";
export type { CompileHints, CompileResult, FormulaCells } from "./context";
