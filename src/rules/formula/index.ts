export { compileRule } from "./compile";
export type { CompileHints, CompileResult, FormulaCells } from "./context";
