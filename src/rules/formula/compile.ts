import type { Rule, ScoringOptions } from "../types";
import { resolveOptions } from "../options";
import { nameSaysLowerIsBetter } from "../evaluate/direction";
import { makeContext, NotExpressible, type CompileHints, type CompileResult, type FormulaCells, type FormulaContext } from "./context";
import { NUDGE } from "./excel";
import { compileLinear } from "./linear";
import { compileRatio } from "./ratio";
import { compileBracket, compileThreshold } from "./tiers";
import { compileChecklist } from "./checklist";
import { compileExternal, compileFormulaRule, compileOccurrence } from "./simple";
import { compileDefault } from "./defaultRule";

/** Why a kind has no native formula, in the words shown to the user. */
const NOT_EXPRESSIBLE: Partial<Record<Rule["kind"], string>> = {
  manual: "评分规则要求酌情评分（如“酌情扣分”“视情节扣分”），只能由人工确定得分，无法写成公式",
  qualitative: "评分规则按文字档次评分（实际值为一段描述，需判断与哪一档最接近），电子表格公式无法可靠判断，请人工评分或使用 JX 加载项",
  match: "定性指标按目标词与实际词比对评分（如“健全”“显著提升”），近义词与部分达成需要判断，电子表格公式无法可靠比对，请人工评分或使用 JX 加载项",
};

/** Excel's limit on the length of a formula (WPS and LibreOffice accept at least as much). */
export const MAX_FORMULA_LENGTH = 8192;

/** The final cut: clamp to [0, W] and round per the rounding option (half-up or truncation). */
function finish(raw: string, ctx: FormulaContext): string {
  const clamped = `MAX(0,MIN(${ctx.W},${raw}))`;
  switch (ctx.options.rounding) {
    case "half-up-2":
      return `ROUND(${clamped}+${NUDGE},2)`;
    case "half-up-1":
      return `ROUND(${clamped}+${NUDGE},1)`;
    case "integer":
      return `ROUND(${clamped}+${NUDGE},0)`;
    case "truncate-2":
      return `ROUNDDOWN(${clamped}+${NUDGE},2)`;
  }
}

function body(rule: Rule, ctx: FormulaContext, cells: FormulaCells): string {
  switch (rule.kind) {
    case "linear":
      return compileLinear(rule, ctx);
    case "ratio":
      return compileRatio(rule, ctx);
    case "bracket":
      return compileBracket(rule, ctx);
    case "threshold":
      return compileThreshold(rule, ctx);
    case "checklist":
      return compileChecklist(rule, ctx, cells.actual, cells.target);
    case "occurrence":
      return compileOccurrence(rule, ctx, cells.actual);
    case "formula":
      return compileFormulaRule(rule, ctx);
    case "external":
      return compileExternal(rule, ctx);
    case "default":
      return compileDefault(ctx);
    case "manual":
    case "qualitative":
    case "match":
      throw new NotExpressible(NOT_EXPRESSIBLE[rule.kind]!);
  }
}

/**
 * A Rule as a native spreadsheet formula over the row's cells (with the leading "="), scoring exactly as
 * the engine's scoreRow for numeric inputs; or the Chinese reason why the rule has no formula.
 */
export function compileRule(rule: Rule, cells: FormulaCells, options?: Partial<ScoringOptions>, hints?: CompileHints): CompileResult {
  const opts = resolveOptions(options);
  const ctx = makeContext(cells, opts, nameSaysLowerIsBetter(hints?.name ?? ""));
  try {
    const formula = `=${finish(body(rule, ctx, cells), ctx)}`;
    if (formula.length > MAX_FORMULA_LENGTH) {
      return { ok: false, reason: `评分规则的档次过多，公式长度${formula.length}个字符，超过 Excel 公式${MAX_FORMULA_LENGTH}个字符的上限，请使用 JX 加载项评分` };
    }
    return { ok: true, formula };
  } catch (e) {
    if (e instanceof NotExpressible) return { ok: false, reason: e.message };
    throw e;
  }
}
