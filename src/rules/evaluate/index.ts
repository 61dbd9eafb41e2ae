import type { Rule } from "../types";
import type { EvalContext, KindResult } from "./context";
import { evaluateLinear } from "./linear";
import { evaluateRatio } from "./ratio";
import { evaluateBracket, evaluateThreshold } from "./tiers";
import { evaluateChecklist } from "./checklist";
import { evaluateExternal, evaluateFormula, evaluateManual, evaluateOccurrence } from "./simple";
import { evaluateMatch, evaluateQualitative } from "./qualitative";
import { evaluateDefault } from "./default";

export function evaluateKind(rule: Rule, ctx: EvalContext): KindResult {
  switch (rule.kind) {
    case "linear":
      return evaluateLinear(rule, ctx);
    case "ratio":
      return evaluateRatio(rule, ctx);
    case "bracket":
      return evaluateBracket(rule, ctx);
    case "threshold":
      return evaluateThreshold(rule, ctx);
    case "checklist":
      return evaluateChecklist(rule, ctx);
    case "occurrence":
      return evaluateOccurrence(rule, ctx);
    case "qualitative":
      return evaluateQualitative(rule, ctx);
    case "match":
      return evaluateMatch(rule, ctx);
    case "formula":
      return evaluateFormula(rule, ctx);
    case "external":
      return evaluateExternal(rule, ctx);
    case "manual":
      return evaluateManual(rule, ctx);
    case "default":
      return evaluateDefault(rule, ctx);
  }
}

export { EvalError } from "./context";
export type { EvalContext, KindResult } from "./context";
