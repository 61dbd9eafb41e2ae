/** Scores one block (a row, or rows sharing a merged weight) with the rule engine. */
import Decimal from "decimal.js";
import { evaluateRuleLean, NO_OTHER_READINGS, type LeanEvaluation } from "../rules/evaluateRule";
import { tryParseRule } from "../rules/parse";
import { parseValue } from "../values";
import { decimalOf, sumOf } from "../values/decimal";
import type { Alternative, Evaluation, RowInput, Rule, ScoreError, ScoreResult, ScoringOptions } from "../rules/types";
import type { CellRef, IndicatorBlock, IndicatorRow, IndicatorTable } from "../sheet/model";
import { isDashOrBlank } from "../sheet/text";
import { pts } from "./labels";

export interface RowScore {
  row: IndicatorRow;
  rule: string | null;
  weight: Decimal;
  result: Evaluation | ScoreError;
}

export interface ScoredUnit {
  table: IndicatorTable;
  block: IndicatorBlock;
  rows: IndicatorRow[];
  /** Rows that carry values and were scored (a block may hold name-only rows such as 经济效益). */
  scored: RowScore[];
  /** Sum of the scored rows, rounded; null when nothing could be computed. */
  computed: number | null;
  /** A manual (酌情) rule: the score is the official's, only its range is checked. */
  manual: boolean;
  /** Acceptable band given by the rule (qualitative tiers), when it gives one. */
  range: { min: number; max: number } | null;
  alternatives: Alternative[];
  explanation: string;
  /** A table with a rule column where this block's rule cell is empty: scored by the national default rule, said so. */
  ruleMissing: boolean;
  /** The weight was not printed for this indicator: taken from its only parent (src/sheet/detect.ts), said in the explanation. */
  weightAssumed: boolean;
  /** What the evaluations assumed that the rows do not settle (Chinese, in order, no repeats). */
  assumptions: string[];
  /** The first row error (rule or value unreadable), with the cell to point at and what that cell holds. */
  error: { code: ScoreError["code"]; message: string; cell: CellRef | null; content: string | null } | null;
}

/** Rule texts repeat down a table and across a folder: each is parsed once (RuleCache.shared: once per process). */
const DEFAULT_RULE: Rule = { kind: "default", text: "" };

export class RuleCache {
  /** The cache every check uses: a folder's files share their rule texts. */
  static readonly shared = new RuleCache();
  /** Texts kept at most (the cache starts again when full): a process checking many folders stays bounded. */
  private static readonly MAX = 10_000;
  private readonly parsed = new Map<string, { ok: true; rule: Rule } | { ok: false; error: string }>();

  /**
   * Same result as scoreRow (an empty text is the national default rule), its other readings left to
   * `otherReadings` (computed only where a reported score needs them).
   */
  score(input: RowInput, options: Partial<ScoringOptions>): LeanEvaluation {
    const text = (input.rule ?? "").trim();
    if (!text) return evaluateRuleLean(DEFAULT_RULE, input, options);
    let entry = this.parsed.get(text);
    if (!entry) {
      const p = tryParseRule(text);
      entry = p.ok ? { ok: true, rule: p.rule } : { ok: false, error: p.error.message };
      if (this.parsed.size >= RuleCache.MAX) this.parsed.clear();
      this.parsed.set(text, entry);
    }
    if (!entry.ok) return { result: { ok: false, code: "rule-unreadable", error: entry.error }, otherReadings: NO_OTHER_READINGS };
    return evaluateRuleLean(entry.rule, input, options);
  }
}

function hasValue(v: unknown): boolean {
  return !isDashOrBlank(v as string | number | null);
}

/** The rule text in force for a row: its own, else the first one written in its block. */
function ruleFor(row: IndicatorRow, rows: IndicatorRow[]): string | null {
  return row.rule ?? rows.find((r) => r.rule !== null)?.rule ?? null;
}

export function scoreUnit(table: IndicatorTable, block: IndicatorBlock, options: Partial<ScoringOptions>, rules = new RuleCache()): ScoredUnit {
  const rows = block.rows.map((i) => table.rows[i]);
  const unit: ScoredUnit = {
    table,
    block,
    rows,
    scored: [],
    computed: null,
    manual: false,
    range: null,
    alternatives: [],
    explanation: "",
    ruleMissing: false,
    weightAssumed: block.weightSource === "parent",
    assumptions: [],
    error: null,
  };
  if (block.weight === null || !(block.weight > 0)) return unit;
  const valued = rows.filter((r) => hasValue(r.actual));
  if (valued.length === 0) return unit;
  // A rule cell left empty in a rule column: the national default is the likeliest meaning, but not a certain one,
  // so the findings on such a block say so and carry at most a warning.
  unit.ruleMissing = table.hasRuleColumn && valued.some((r) => ruleFor(r, rows) === null);
  // Rows of a merged score that keep their own weights are scored on them; otherwise they share the block's weight.
  const ownWeights = rows.every((r) => typeof r.ownWeight === "number") && valued.length === rows.length;
  const share = decimalOf(block.weight).div(valued.length);
  // Each row's other readings, computed from its evaluation only where the reported score needs them (below).
  const readings: (() => Alternative[])[] = [];
  for (const row of valued) {
    const weight = ownWeights ? decimalOf(row.ownWeight as number) : share;
    const rule = ruleFor(row, rows);
    const input: RowInput = {
      rule,
      target: row.target,
      actual: row.actual,
      weight: weight.toNumber(),
      name: row.name,
      targetFormat: row.targetFormat,
      actualFormat: row.actualFormat,
    };
    // The other readings are computed below, and only where a reported score needs them.
    const { result, otherReadings } = rules.score(input, options);
    unit.scored.push({ row, rule, weight, result });
    readings.push(otherReadings);
  }
  const failed = unit.scored.find((s) => !s.result.ok);
  if (failed && !failed.result.ok) {
    if (failed.result.code === "rule-unreadable" || failed.result.code === "value-unreadable") {
      const at = errorCell(failed);
      unit.error = { code: failed.result.code, message: failed.result.error, cell: at.cell, content: at.content };
    }
    return unit;
  }
  const evaluations = unit.scored.map((s) => s.result as Evaluation);
  const assumed = evaluations.length === 1 ? evaluations[0].assumptions : evaluations.flatMap((e) => e.assumptions);
  unit.assumptions = assumed.length <= 1 ? assumed : [...new Set(assumed)];
  if (evaluations.some((e) => e.score === null)) {
    unit.manual = true;
    unit.explanation = evaluations.map((e) => e.explanation).join("；");
    // The band the rule allows (a qualitative tier, a partial-achievement word): still checked against the score.
    if (evaluations.length === 1 && evaluations[0].range) unit.range = evaluations[0].range;
    return unit;
  }
  // One row: its score is already rounded (to 2 decimals at most); several: their exact sum, rounded.
  unit.computed = evaluations.length === 1 ? (evaluations[0].score as number) : sumOf(evaluations.map((e) => e.score as number)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
  // Other readings name the one a reported score matches: needed only where the reported score differs from the computed one.
  if (block.score !== null && block.score !== unit.computed) {
    // Each row's evaluation keeps what its other readings are computed from: the rows are not scored again.
    unit.scored.forEach((s, i) => ((s.result as Evaluation).alternatives = readings[i]()));
    unit.alternatives = combineAlternatives(evaluations);
  }
  if (evaluations.length === 1 && evaluations[0].range) unit.range = evaluations[0].range;
  const defaultNote =
    (unit.weightAssumed ? `本项未单列权重，按其上级指标“${block.weightFrom?.join("/")}”的${pts(block.weight)}分计（其下只有这一项）：` : "") +
    (unit.ruleMissing ? "本行未写评分规则，按国家默认规则计算：" : "");
  unit.explanation =
    defaultNote +
    (evaluations.length === 1
      ? evaluations[0].explanation
      : (ownWeights
          ? `${evaluations.length}项指标共用一个得分，按各自权重计算后相加：`
          : `权重${block.weight}由${evaluations.length}项指标平分（每项${share.toDecimalPlaces(4).toFixed()}）：`) +
        evaluations.map((e, i) => `${valued[i].name}：${e.explanation}`).join("；"));
  return unit;
}

/** Same reading across the block's rows: each row's alternative score, or its own score when the reading changes nothing. */
function combineAlternatives(evaluations: Evaluation[]): Alternative[] {
  if (evaluations.length === 1) return evaluations[0].alternatives;
  const readings = new Map<string, Alternative>();
  for (const e of evaluations) for (const a of e.alternatives) if (!readings.has(a.reading)) readings.set(a.reading, a);
  const round = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
  return [...readings.values()].map((a) => {
    // Rows without this reading count with their own score; a band reading sums the bands' ends.
    let sum = new Decimal(0);
    let min = new Decimal(0);
    let max = new Decimal(0);
    for (const e of evaluations) {
      const alt = e.alternatives.find((x) => x.reading === a.reading);
      const own = alt ? alt.score : (e.score as number);
      sum = sum.plus(own);
      min = min.plus(alt?.range?.min ?? own);
      max = max.plus(alt?.range?.max ?? own);
    }
    return a.range ? { ...a, score: round(min), range: { min: round(min), max: round(max) } } : { ...a, score: round(sum) };
  });
}

function contentOf(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** The cell a row error is about, and its own content (quoted in the finding, not the row's score). */
function errorCell(s: RowScore): { cell: CellRef | null; content: string | null } {
  if (!s.result.ok && s.result.code === "rule-unreadable") return { cell: s.row.cells.rule, content: s.rule };
  const actual = parseValue(s.row.actual, s.row.actualFormat);
  if (actual.kind === "unreadable") return { cell: s.row.cells.actual, content: contentOf(s.row.actual) };
  const target = parseValue(s.row.target, s.row.targetFormat);
  if (target.kind === "unreadable") return { cell: s.row.cells.target, content: contentOf(s.row.target) };
  return s.row.cells.actual ? { cell: s.row.cells.actual, content: contentOf(s.row.actual) } : { cell: s.row.cells.target, content: contentOf(s.row.target) };
}
