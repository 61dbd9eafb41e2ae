import Decimal from "decimal.js";
import type { Alternative, Evaluation, Rule, RowInput, ScoreResult, ScoringOptions } from "./types";
import { decimalFromNumber, parseValue } from "../values/parse";
import type { ParsedValue } from "../values/types";
import { formatPoints } from "../values/format";
import { OPTION_LABELS, resolveOptions } from "./options";
import { roundScore } from "./round";
import { clampScore, EvalError, FLIPPABLE, type Assumption, type AssumptionCode } from "./evaluate/context";
import { evaluateKind } from "./evaluate";

/** Options whose other values may change a kind's score: tried for the alternatives. */
const READINGS_BY_KIND: Partial<Record<Rule["kind"], (keyof ScoringOptions)[]>> = {
  linear: ["stepCounting"],
  ratio: ["reverseFormula"],
  default: ["reverseFormula", "qualitativeBands"],
  match: ["qualitativeBands"],
};
const ROUNDING_READINGS: ScoringOptions["rounding"][] = ["half-up-1", "integer"];

function readWeight(input: RowInput["weight"]): Decimal | string {
  // A plain positive number (every row of a sheet check): the decimal parseValue would read from it.
  if (typeof input === "number" && input > 0 && Number.isFinite(input)) return decimalFromNumber(input);
  const v = parseValue(input);
  if (v.kind === "number" && (v.unit === null || v.unit === "分" || v.unit === "percent")) {
    // A weight column headed 权重(%) holds 4 for 4%; a cell formatted as percent holds 0.04 and means 4 points.
    const w = v.unit === "percent" ? v.magnitude.times(100) : v.magnitude;
    if (w.gt(0)) return w;
    return `权重应大于0，收到：${v.raw}`;
  }
  if (v.kind === "empty") return "权重为空，无法计算得分";
  return `权重无效：“${v.raw}”`;
}

interface Core {
  exact: Decimal | null;
  score: Decimal | null;
  met: boolean | null;
  lines: string[];
  range?: { min: Decimal; max: Decimal };
  metBand?: { min: Decimal; max: Decimal };
  assumptions: Assumption[];
}

/** How the other way of a flippable assumption is named to the user. */
const FLIPPED_READING: Partial<Record<AssumptionCode, string>> = {
  "direction-from-name": "指标方向：按越高越好（不按指标名称判断为越低越好）",
  "direction-assumed": "指标方向：按越低越好",
};

const NO_FLIPS: ReadonlySet<AssumptionCode> = new Set();

/** The row's target and actual, read once for the evaluation and all its alternative readings. */
interface Values {
  target: ParsedValue;
  actual: ParsedValue;
  name: string;
}

/** `scoreOnly`: an alternative reading, whose score alone is used (the evaluator may skip its explanation). */
function run(rule: Rule, values: Values, w: Decimal, options: ScoringOptions, flips = NO_FLIPS, scoreOnly = false): Core {
  const { target, actual } = values;
  const assumptions: Assumption[] = [];
  const r = evaluateKind(rule, { w, target, actual, name: values.name, options, assumptions, flips, scoreOnly });
  const exact = r.exact === null ? null : clampScore(r.exact, w);
  return { exact, score: exact === null ? null : roundScore(exact, options.rounding), met: r.met, lines: r.lines, range: r.range, metBand: r.metBand, assumptions };
}

/** Scores one row by an already parsed rule, with its other readings; the scoring path for the CLI and =JX.*. */
export function evaluateRule(rule: Rule, input: RowInput, partial?: Partial<ScoringOptions> | null): ScoreResult {
  const lean = evaluateRuleLean(rule, input, partial);
  if (lean.result.ok) lean.result.alternatives = lean.otherReadings();
  return lean.result;
}

/**
 * A row's evaluation without its other readings (`alternatives` empty), and how to compute them from what the
 * evaluation kept, should they be asked for (the row is not scored again). The sheet check needs them only
 * where a reported score differs from the computed one. `otherReadings` gives [] for a result that is not ok.
 */
export interface LeanEvaluation {
  result: ScoreResult;
  otherReadings: () => Alternative[];
}

/** The other readings of a result that has none (not ok, or no score). */
export const NO_OTHER_READINGS = (): Alternative[] => [];

/** The single scoring path: evaluateRule, the sheet check (src/check/unit.ts) and =JX.* all come here. */
export function evaluateRuleLean(rule: Rule, input: RowInput, partial?: Partial<ScoringOptions> | null): LeanEvaluation {
  const options = resolveOptions(partial);
  const w = readWeight(input.weight);
  if (typeof w === "string") return { result: { ok: false, code: "weight-invalid", error: w }, otherReadings: NO_OTHER_READINGS };
  const values: Values = { target: parseValue(input.target, input.targetFormat), actual: parseValue(input.actual, input.actualFormat), name: input.name ?? "" };
  let core: Core;
  try {
    core = run(rule, values, w, options);
  } catch (e) {
    if (e instanceof EvalError) return { result: { ok: false, code: e.code, error: e.message }, otherReadings: NO_OTHER_READINGS };
    throw e;
  }
  const lines = [...core.lines];
  if (core.assumptions.length) lines.push(`假设：${core.assumptions.map((a) => a.text).join("；")}`);
  if (core.score !== null) {
    const rounded = core.exact !== null && !core.exact.eq(core.score);
    lines.push(`得分${formatPoints(core.score)}${rounded && options.rounding !== "half-up-2" ? `（${OPTION_LABELS.rounding.values[options.rounding]}）` : ""}`);
  }
  const evaluation: Evaluation = {
    ok: true,
    score: core.score === null ? null : core.score.toNumber(),
    kind: rule.kind,
    rule,
    weight: w.toNumber(),
    options,
    explanation: lines.join("，"),
    assumptions: core.assumptions.map((a) => a.text),
    alternatives: [],
    met: core.met,
    target: values.target,
    actual: values.actual,
  };
  if (core.range) evaluation.range = { min: core.range.min.toNumber(), max: core.range.max.toNumber() };
  return { result: evaluation, otherReadings: core.score === null ? NO_OTHER_READINGS : () => alternatives(rule, values, w, options, core) };
}

/** The other option values worth trying for a kind, given the options in force (the same few lists over and over). */
const TRIED = new Map<string, Partial<ScoringOptions>[]>();

function readingsToTry(kind: Rule["kind"], options: ScoringOptions): Partial<ScoringOptions>[] {
  const keys = READINGS_BY_KIND[kind] ?? [];
  const id = [kind, options.rounding, ...keys.map((key) => options[key])].join("\u0000");
  let tried = TRIED.get(id);
  if (!tried) {
    tried = keys.flatMap((key) =>
      (Object.keys(OPTION_LABELS[key].values) as string[]).filter((v) => v !== options[key]).map((v) => ({ [key]: v }) as Partial<ScoringOptions>),
    );
    tried.push(...ROUNDING_READINGS.filter((r) => r !== options.rounding).map((rounding) => ({ rounding })));
    TRIED.set(id, tried);
  }
  return tried;
}

function alternatives(rule: Rule, values: Values, w: Decimal, options: ScoringOptions, core: Core): Alternative[] {
  const score = core.score!;
  const out: Alternative[] = [];
  if (core.metBand) {
    const min = roundScore(core.metBand.min, options.rounding).toNumber();
    const max = roundScore(core.metBand.max, options.rounding).toNumber();
    out.push({
      reading: `定性指标“达成”档（分值的100%–80%，含80%，由评分人在档内确定）`,
      options: {},
      assumption: "定性指标实际与目标一致即得满分（国家定性档次中“达成年度指标”为分值的100%–80%）",
      score: min,
      range: { min, max },
    });
  }
  // The assumptions that can be turned round: the same row the other way (e.g. lower-is-better).
  for (const a of core.assumptions) {
    if (!FLIPPABLE.has(a.code)) continue;
    let other: Core;
    try {
      other = run(rule, values, w, options, new Set([a.code]));
    } catch (e) {
      if (e instanceof EvalError) continue;
      throw e;
    }
    if (other.score === null || other.score.eq(score)) continue;
    out.push({ reading: FLIPPED_READING[a.code] ?? `假设相反：${a.text}`, options: {}, assumption: a.text, score: other.score.toNumber() });
  }
  for (const alt of readingsToTry(rule.kind, options)) {
    let otherScore: Decimal | null;
    if (alt.rounding !== undefined) {
      // The kind evaluators never read the rounding (it is applied once, in run): the same exact score, rounded the other way.
      otherScore = core.exact === null ? null : roundScore(core.exact, alt.rounding);
    } else {
      try {
        otherScore = run(rule, values, w, { ...options, ...alt }, NO_FLIPS, true).score;
      } catch (e) {
        if (e instanceof EvalError) continue;
        throw e;
      }
    }
    if (otherScore === null || otherScore.eq(score)) continue;
    const [key, value] = Object.entries(alt)[0] as [keyof ScoringOptions, string];
    const labels = OPTION_LABELS[key].values as Record<string, string>;
    out.push({ reading: `${OPTION_LABELS[key].name}：${labels[value]}`, options: { ...alt }, score: otherScore.toNumber() });
  }
  return out;
}

