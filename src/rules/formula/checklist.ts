import type { ChecklistRule } from "../types";
import { CMP_OP } from "./excel";
import { NotExpressible, points, type FormulaContext } from "./context";

/** Words for "every 要点 is met" besides the target word itself (健全 = 健全). */
const ALL_WORDS = ["全部符合", "全部具备", "均符合", "均具备"];
/** Texts a formula cannot read safely (不具备要点2, 缺少要点3, 要点1-3): #N/A instead of a guess. */
const REFUSE = ["不", "缺", "未", "-", "—", "～", "~"];

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function allIndices(rule: ChecklistRule): number[] {
  return [...new Set([...rule.points.map((p) => p.index), ...rule.gates])].sort((a, b) => a - b);
}

/**
 * 要点 rules. The actual is read as:
 * - the target word, or 全部符合/全部具备 → every 要点 met;
 * - a number (count tiers only) → how many 要点 are met;
 * - a list of 要点 numbers ("具备要点1、3", "1,3") → those 要点 (point rules only, at most 9 要点, so that
 *   FIND("1") cannot hit "10").
 * Anything else (不具备…, ranges 1-3, other words) is #N/A: the add-in reads those, a formula cannot safely.
 */
export function compileChecklist(rule: ChecklistRule, ctx: FormulaContext, actualRef: string, targetRef: string): string {
  const a = `TRIM(${actualRef})`;
  const allMet = `OR(${a}=TRIM(${targetRef}),${ALL_WORDS.map((w) => `${a}=${quote(w)}`).join(",")})`;
  const W = ctx.W;

  if (rule.countTiers.length) {
    const first = rule.countTiers[0];
    let byCount = "NA()";
    for (const tier of [...rule.countTiers].reverse()) {
      byCount = `IF(${actualRef}${CMP_OP[tier.comparator]}${tier.count},${points(tier.points, W)},${byCount})`;
    }
    return `IF(ISNUMBER(${actualRef}),${byCount},IF(${allMet},${points(first.points, W)},NA()))`;
  }

  const indices = allIndices(rule);
  if (indices.some((i) => i > 9)) throw new NotExpressible("要点超过9项，公式无法可靠地区分“要点1”与“要点10”，请使用 JX 加载项评分");
  const has = (i: number) => `ISNUMBER(FIND("${i}",${actualRef}))`;
  const score = (present: (i: number) => string): string => {
    let body: string;
    if (rule.allOrNothing) body = `IF(AND(${rule.points.map((p) => present(p.index)).join(",")}),${W},0)`;
    else body = rule.points.length ? rule.points.map((p) => `IF(${present(p.index)},${points(p.share, W)},0)`).join("+") : "0";
    return rule.gates.length ? `IF(AND(${rule.gates.map(present).join(",")}),${body},0)` : body;
  };
  // TRUE() rather than TRUE: HyperFormula reads a bare TRUE as a name.
  const allScore = score(() => "TRUE()");
  const refuse = `OR(ISNUMBER(${actualRef}),${REFUSE.map((r) => `ISNUMBER(FIND(${quote(r)},${actualRef}))`).join(",")})`;
  const listsPoints = `OR(ISNUMBER(FIND("要点",${actualRef})),${indices.map(has).join(",")})`;
  return `IF(${allMet},${allScore},IF(${refuse},NA(),IF(${listsPoints},${score(has)},NA())))`;
}
