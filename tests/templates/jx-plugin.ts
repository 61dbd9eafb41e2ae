import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser/Ast";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import { scoreRow } from "../../src/rules";

/**
 * =JX.SCORE(rule, target, actual, weight) in HyperFormula, calling the engine as the add-in's custom
 * function does, so a template built with --formulas jx can be evaluated without Excel.
 */
class JxScorePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    "JX.SCORE": {
      method: "score",
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.SCALAR }],
    },
  };

  score(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("JX.SCORE"), (rule: unknown, target: unknown, actual: unknown, weight: unknown) => {
      const cell = (v: unknown) => (typeof v === "number" || typeof v === "string" ? v : null);
      const r = scoreRow({ rule: typeof rule === "string" ? rule : "", target: cell(target), actual: cell(actual), weight: cell(weight) });
      if (!r.ok) return new CellError(ErrorType.VALUE, r.error);
      if (r.score === null) return new CellError(ErrorType.NA, "需人工评分");
      return r.score;
    });
  }
}

let registered = false;
export function registerJxScore(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(JxScorePlugin, { enGB: { "JX.SCORE": "JX.SCORE" }, enUS: { "JX.SCORE": "JX.SCORE" } });
  registered = true;
}
