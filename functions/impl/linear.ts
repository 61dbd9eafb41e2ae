/**
 * =JX.LINEAR_DEDUCT and =JX.LINEAR_DEDUCT_POINTS: 线性扣分. One function per meaning of the deduction,
 * so a formula never leaves it open: LINEAR_DEDUCT's rate is a share of the weight (10% = 扣权重分的10%),
 * LINEAR_DEDUCT_POINTS's points are fixed points per step (0.1 = 扣0.1分).
 */
import Decimal from "decimal.js";
import type { Amount, Direction, LinearRule } from "../../src/rules/types";
import type { CellInput } from "../../src/values/types";
import { parseValue } from "../../src/values";
import { optionalNumber, optionalWord, requiredCell, requiredNumber, singleCell } from "../args";
import { scoreByRule, scoreOf, singleOption } from "../engine";
import { FunctionInputError } from "../runtime";
import { scaleOf } from "./scale";

const DIRECTION_WORDS: [RegExp, Direction][] = [
  [/^(both|双向|偏离|增减|增长或降低|高于或低于|上下)/i, "both"],
  [/^(above|高于|超过|超出|增加|增长|多于|延迟)/i, "above"],
  [/^(below|低于|降低|不足|减少|少于|未达到)/i, "below"],
];

function directionOf(word: string | null, target: CellInput): Direction {
  if (word === null) {
    // A ≤ target (成本、结余率) is penalised above it; everything else below.
    const t = parseValue(target);
    const cmp = t.kind === "number" || t.kind === "date" ? t.comparator : null;
    return cmp === "le" || cmp === "lt" ? "above" : "below";
  }
  const hit = DIRECTION_WORDS.find(([re]) => re.test(word));
  if (!hit) throw new FunctionInputError(`扣分方向“${word}”无法识别，可填：低于（below）、高于（above）、双向（both）`);
  return hit[1];
}

function stepUnitOf(target: CellInput, actual: CellInput, unit: string | null): LinearRule["stepUnit"] {
  if ([target, actual].some((v) => parseValue(v).kind === "date")) return "day";
  if (unit && unit.includes("天")) return "day";
  if (unit && /项|个|条/.test(unit)) return "item";
  return "unit";
}

function linearRule(target: CellInput, actual: CellInput, perStep: Amount, stepArg: unknown, directionArg: unknown): LinearRule {
  const direction = directionOf(optionalWord(directionArg, "扣分方向"), target);
  const scale = scaleOf(target, actual);
  const given = optionalNumber(stepArg, "步长");
  if (given !== null && given.lte(0)) throw new FunctionInputError(`步长应大于0，收到了${given.toString()}`);
  let step: Decimal;
  let stepUnit: LinearRule["stepUnit"];
  if (scale.percent) {
    step = given ?? new Decimal("0.01");
    stepUnit = "percent";
  } else {
    if (given === null) throw new FunctionInputError("目标值和实际值不是百分比，请给出步长（例如每少1项填1，每延迟1天填1）");
    step = given;
    stepUnit = stepUnitOf(target, actual, scale.unit);
  }
  const side = direction === "below" ? "低于" : direction === "above" ? "高于" : "偏离";
  const stepText = stepUnit === "percent" ? `${step.times(100).toString()}个百分点` : step.toString();
  const cost = perStep.mode === "share" ? `扣权重分的${perStep.value.times(100).toString()}%` : `扣${perStep.value.toString()}分`;
  return {
    kind: "linear",
    text: `达到目标值得满分，每${side}目标${stepText}${cost}，扣完为止`,
    direction,
    reference: null,
    step,
    stepUnit,
    perStep,
    cap: null,
    zeroWhen: null,
  };
}

function score(actual: unknown, target: unknown, weight: unknown, perStep: Amount, step: unknown, direction: unknown, counting: unknown): number {
  const a = requiredCell(actual, "实际值");
  const t = requiredCell(target, "目标值");
  const rule = linearRule(t, a, perStep, step, direction);
  const stepCounting = singleOption("stepCounting", optionalWord(counting, "步长计算"));
  return scoreOf(scoreByRule(rule, { rule: rule.text, target: t, actual: a, weight: singleCell(weight, "权重") }, stepCounting ? { stepCounting } : {}));
}

export function linearDeductShare(actual: unknown, target: unknown, weight: unknown, rate: unknown, step: unknown, direction: unknown, counting: unknown): number {
  const share = requiredNumber(rate, "扣分比例");
  if (share.lte(0) || share.gt(1)) {
    throw new FunctionInputError(`扣分比例应为权重的百分比，在0%到100%之间（如10%），收到了${share.toString()}；按固定分值扣分请用 JX.LINEAR_DEDUCT_POINTS`);
  }
  return score(actual, target, weight, { mode: "share", value: share }, step, direction, counting);
}

export function linearDeductPoints(actual: unknown, target: unknown, weight: unknown, points: unknown, step: unknown, direction: unknown, counting: unknown): number {
  const value = requiredNumber(points, "每步扣分");
  if (value.lte(0)) throw new FunctionInputError(`每步扣分应大于0，收到了${value.toString()}`);
  return score(actual, target, weight, { mode: "points", value }, step, direction, counting);
}
