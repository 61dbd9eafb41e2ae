/**
 * The =JX.* custom functions. Each is a thin wrapper: it reads Excel's arguments, builds the engine's
 * Rule (or passes the rule text) and returns the engine's score. The JSDoc below is what
 * custom-functions-metadata-plugin turns into functions.json (English, the default locale); the Chinese
 * help in functions.zh-cn.json comes from functions/metadata/help.zh-cn.ts. The build appends the
 * CustomFunctions.associate calls to this file.
 */
import { guard } from "./runtime";
import { explainRowCells, scoreRowCells } from "./impl/row";
import { linearDeductPoints, linearDeductShare } from "./impl/linear";
import { ratioScore } from "./impl/ratio";
import { bracketScore } from "./impl/bracket";
import { checklistScore } from "./impl/checklist";
import { matchScore } from "./impl/match";
import { gradeOf } from "./impl/grade";
import { weightsCheck } from "./impl/weights";
import { meets, valueOf } from "./impl/value";
import { nativeFormula } from "./impl/formula";

// Outside Excel (the task pane opened as a plain web page loads this bundle too) there is no custom
// functions runtime; the associate calls appended by the build must then do nothing.
const host = globalThis as { CustomFunctions?: unknown };
if (typeof host.CustomFunctions === "undefined") host.CustomFunctions = { associate: () => undefined };

/**
 * Scores an indicator row by its own scoring rule (empty rule = the national default rule).
 * @customfunction SCORE SCORE
 * @param rule Scoring rule text (评分规则), e.g. "每降低1%扣权重分的10%"; empty for the national default rule.
 * @param target Target value (目标值), e.g. "≥95%" or 95%.
 * @param actual Actual value (实际值).
 * @param weight Weight / full points (权重).
 * @param [options] Scoring options, e.g. "步长=整步;舍入=一位小数" or "stepCounting=whole".
 * @returns The score, rounded half-up to 2 decimals.
 */
export function score(rule: any, target: any, actual: any, weight: any, options?: any): number | CustomFunctions.Error {
  return guard(() => scoreRowCells(rule, target, actual, weight, options));
}

/**
 * Explains in Chinese how a row is scored by its rule, for a 评分说明 column.
 * @customfunction EXPLAIN EXPLAIN
 * @param rule Scoring rule text; empty for the national default rule.
 * @param target Target value.
 * @param actual Actual value.
 * @param weight Weight / full points.
 * @param [options] Scoring options, e.g. "步长=整步".
 * @returns The explanation text.
 */
export function explain(rule: any, target: any, actual: any, weight: any, options?: any): string | CustomFunctions.Error {
  return guard(() => explainRowCells(rule, target, actual, weight, options));
}

/**
 * Linear deduction: full points when the target is met; per step of shortfall deduct a share of the weight, floor 0.
 * @customfunction LINEAR_DEDUCT LINEAR_DEDUCT
 * @param actual Actual value.
 * @param target Target value.
 * @param weight Weight / full points.
 * @param rate Share of the weight deducted per step, e.g. 10% (for fixed points use JX.LINEAR_DEDUCT_POINTS).
 * @param [step] Size of one step; default 1% (one percentage point). Required for values that are not percents.
 * @param [direction] Which gap is penalised: below (default), above (default for ≤ targets) or both.
 * @param [counting] Partial steps: proportional (default), whole, nearest or started.
 * @returns The score.
 */
export function linearDeduct(actual: any, target: any, weight: any, rate: any, step?: any, direction?: any, counting?: any): number | CustomFunctions.Error {
  return guard(() => linearDeductShare(actual, target, weight, rate, step, direction, counting));
}

/**
 * Linear deduction in fixed points: full points when the target is met; per step of shortfall deduct the given points, floor 0.
 * @customfunction LINEAR_DEDUCT_POINTS LINEAR_DEDUCT_POINTS
 * @param actual Actual value.
 * @param target Target value.
 * @param weight Weight / full points.
 * @param points Points deducted per step, e.g. 0.1.
 * @param [step] Size of one step; default 1% (one percentage point). Required for values that are not percents.
 * @param [direction] Which gap is penalised: below (default), above (default for ≤ targets) or both.
 * @param [counting] Partial steps: proportional (default), whole, nearest or started.
 * @returns The score.
 */
export function linearDeductPointsFn(actual: any, target: any, weight: any, points: any, step?: any, direction?: any, counting?: any): number | CustomFunctions.Error {
  return guard(() => linearDeductPoints(actual, target, weight, points, step, direction, counting));
}

/**
 * Completion-ratio scoring: weight x actual/target, capped at the weight.
 * @customfunction RATIO RATIO
 * @param actual Actual value.
 * @param target Target value.
 * @param weight Weight / full points.
 * @param [reverse_formula] For lower-is-better rows: ratio (target/actual, default when TRUE) or relative (1-(actual-target)/target).
 * @returns The score.
 */
export function ratio(actual: any, target: any, weight: any, reverse_formula?: any): number | CustomFunctions.Error {
  return guard(() => ratioScore(actual, target, weight, reverse_formula));
}

/**
 * Tiered scoring: the points of the first tier the value reaches; 0 below every tier.
 * @customfunction BRACKET BRACKET
 * @param value The value to place in a tier.
 * @param bounds Tier bounds from high to low, e.g. {1,0.95,0.9,0.85}; or one text of tiers, e.g. "≥95%，得3分；≥90%，得2分".
 * @param [points] Points of each tier, e.g. {4,3,2,1}; omit with the text form.
 * @param [closed_side] Which end of a tier includes its bound: lower (default for bounds from high to low) or upper.
 * @returns The points.
 */
export function bracket(value: any, bounds: any[][], points?: any[][], closed_side?: any): number | CustomFunctions.Error {
  return guard(() => bracketScore(value, bounds, points, closed_side));
}

/**
 * Checklist scoring: the points of each met item; a gate item not met (or any item, with "all") gives 0.
 * @customfunction CHECKLIST CHECKLIST
 * @param met One cell per item: TRUE/1/是/√ when met.
 * @param shares Points of each item.
 * @param [gate] Gate item numbers (e.g. 1 or {1,3}), or "all" when any missing item gives 0.
 * @returns The score.
 */
export function checklist(met: any[][], shares: any[][], gate?: any[][]): number | CustomFunctions.Error {
  return guard(() => checklistScore(met, shares, gate));
}

/**
 * Qualitative scoring: full points when the actual word matches the target, 0 when not achieved.
 * @customfunction MATCH MATCH
 * @param target Target word, e.g. 健全.
 * @param actual Actual word.
 * @param weight Weight / full points.
 * @param [bands] Qualitative bands: 80/60 (default) or 80/50.
 * @returns The score.
 */
export function match(target: any, actual: any, weight: any, bands?: any): number | CustomFunctions.Error {
  return guard(() => matchScore(target, actual, weight, bands));
}

/**
 * The grade (优/良/中/差) of a total score.
 * @customfunction GRADE GRADE
 * @param total Total score (0-100).
 * @param [scheme] Grade scheme: national (default), national-excellent, 80-70-60 or integer-intervals.
 * @returns The grade.
 */
export function gradeFn(total: any, scheme?: any): string | CustomFunctions.Error {
  return guard(() => gradeOf(total, scheme));
}

/**
 * Checks that weights add up to the expected total.
 * @customfunction WEIGHTS WEIGHTS
 * @param weights The weight cells.
 * @param [expected] Expected total; default 100.
 * @returns "权重合计100，通过" or a message naming the difference.
 */
export function weights(weights: any[][], expected?: any): string | CustomFunctions.Error {
  return guard(() => weightsCheck(weights, expected));
}

/**
 * The number in a value text: "≥95百分比" gives 0.95, "≤4万元" gives 4.
 * @customfunction VALUE VALUE
 * @param text A target or actual value as typed.
 * @returns The number (percents as fractions).
 */
export function value(text: any): number | CustomFunctions.Error {
  return guard(() => valueOf(text));
}

/**
 * Whether the actual meets the target (≥, ≤, = and words such as 健全).
 * @customfunction MEETS MEETS
 * @param target Target value.
 * @param actual Actual value.
 * @returns TRUE when met.
 */
export function meetsFn(target: any, actual: any): boolean | CustomFunctions.Error {
  return guard(() => meets(target, actual));
}

/**
 * The native spreadsheet formula for a scoring rule, so a sheet scores without the add-in (WPS, LibreOffice, older Excel).
 * @customfunction FORMULA FORMULA
 * @param rule Scoring rule text (评分规则); empty for the national default rule.
 * @param target_cell The target cell: a reference (D11) or its address as text ("D11").
 * @param actual_cell The actual cell: a reference (E11) or its address as text ("E11").
 * @param weight_cell The weight cell: a reference (F11) or its address as text ("F11").
 * @param [options] Scoring options, e.g. "步长=整步;舍入=一位小数".
 * @param [name] Indicator name (三级指标), for lower-is-better rows such as 成本 or 控制率.
 * @param invocation Where the cell arguments are (Excel passes it; CustomFunctionsRuntime 1.3).
 * @requiresAddress
 * @requiresParameterAddresses
 * @returns The formula text, starting with "=".
 */
export function formula(rule: any, target_cell: any, actual_cell: any, weight_cell: any, options?: any, name?: any, invocation?: CustomFunctions.Invocation): string | CustomFunctions.Error {
  return guard(() => nativeFormula(rule, target_cell, actual_cell, weight_cell, options, name, invocation));
}
