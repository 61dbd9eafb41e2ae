import Decimal from "decimal.js";
import type { CellInput, Comparator, ParsedValue } from "../values/types";

/** The families of RULES.md, in code words. */
export type RuleKind =
  | "linear" // 线性扣分
  | "ratio" // 完成率法
  | "bracket" // 分档
  | "threshold" // 达到得满分，未达到不得分
  | "checklist" // 要点
  | "occurrence" // 每出现一例扣…
  | "qualitative" // 定性分档（文字档次）
  | "match" // 定性：目标词与实际词
  | "formula" // 得分=…
  | "external" // 外部得分换算
  | "manual" // 酌情扣分：不可计算
  | "default"; // 国家默认规则（无评分规则列）

/** Points either as a share of the weight (扣权重分的10%) or as fixed points (扣0.1分). */
export type Amount = { mode: "share"; value: Decimal } | { mode: "points"; value: Decimal };

/** A bound on the value: `≥ 95%`, `< 85%`. Values are in the rule's unit (percent as fraction). */
export interface Bound {
  comparator: Comparator;
  value: Decimal;
  /** True when the rule wrote the bound in percent (value is then a fraction). */
  percent?: boolean;
}

export type Direction = "below" | "above" | "both";

export interface LinearRule {
  kind: "linear";
  text: string;
  /** Which shortfall is penalised: below the reference, above it, or either way. */
  direction: Direction;
  /** Level steps are counted from; null = the row's target (达到90%及以上得满分；不足90%时…). */
  reference: Decimal | null;
  /** Size of one step, in the unit of `stepUnit` (percent as fraction: 1% -> 0.01). */
  step: Decimal;
  /** "month": 每延期1个月 — counted in calendar months between two dates ((year×12+month) difference). */
  stepUnit: "percent" | "day" | "item" | "unit" | "month";
  /** What one step costs. */
  perStep: Amount;
  /** 最多扣10分 */
  cap: Amount | null;
  /** 低于70%不得分: at or beyond this bound the score is 0. */
  zeroWhen: Bound | null;
  /** Partial steps as the rule text itself says (不足1%的按1%计 -> started; 不足1%的不扣分 -> whole); absent = the option decides. */
  stepCounting?: "proportional" | "whole" | "nearest" | "started";
}

export interface RatioRule {
  kind: "ratio";
  text: string;
  /** Denominator written in the rule (得分=固定资产利用率/80%×3); null = the row's target. */
  denominator: Decimal | null;
  /** Lower is better (≤ targets). */
  lowerIsBetter: boolean;
  /** 超出目标值不加分 is always true for ratio scoring; kept for the explanation. */
  capped: boolean;
  /** ≤ 95% 的扣 4 分: at or beyond this bound the score is reduced by `gateDeduct` (all by default). */
  gate: Bound | null;
  gateDeduct: Amount | null;
  /** The reverse formula the rule writes itself (反向指标：得分=目标值/实际值×分值); absent = the reverseFormula option. */
  reverse?: "ratio" | "relative";
}

export interface Tier {
  /** Conditions on the value; both null = "otherwise". `meetsTarget` = 达到目标值. */
  lower: Bound | null;
  upper: Bound | null;
  meetsTarget?: boolean;
  points: Amount;
}

export interface BracketRule {
  kind: "bracket";
  text: string;
  tiers: Tier[];
}

export interface ThresholdRule {
  kind: "threshold";
  text: string;
  /** Condition for full marks; null = the row's target is met. */
  condition: Bound | null;
  /** Points when met (full weight by default) and when not met (0 by default). */
  met: Amount;
  notMet: Amount;
}

export interface ChecklistPoint {
  /** 要点 number (1-based). */
  index: number;
  share: Amount;
}

export interface ChecklistRule {
  kind: "checklist";
  text: string;
  points: ChecklistPoint[];
  /** 不具备要点1…得0: these points gate the whole score. */
  gates: number[];
  /** 任意一项不具备得0 */
  allOrNothing: boolean;
  /** 全部符合(9分)；符合其中七项(8分)…: count of points met -> points. */
  /** `all`: the tier is 全部符合; its count is one more than the largest count written (the rule does not say how many points there are). */
  countTiers: { count: number; comparator: Comparator; points: Amount; all?: boolean }[];
}

export interface OccurrenceRule {
  kind: "occurrence";
  text: string;
  perOccurrence: Amount;
  cap: Amount | null;
}

export interface QualitativeRule {
  kind: "qualitative";
  text: string;
  tiers: { phrase: string; points: Amount }[];
}

export interface MatchRule {
  kind: "match";
  text: string;
}

/** A small arithmetic tree: no eval. */
export type Expr =
  | { op: "num"; value: Decimal }
  | { op: "var"; name: "actual" | "target" | "weight" }
  | { op: "+" | "-" | "*" | "/"; left: Expr; right: Expr };

export interface FormulaRule {
  kind: "formula";
  text: string;
  expr: Expr;
  /** 若比率>0.1，此项得0分 */
  zeroWhen: Bound | null;
  /** 得分=合格数/验收总数×分值: the ratio of two counts the formula names, read as the row's actual (a rate). */
  countsRatio?: string;
}

export interface ExternalRule {
  kind: "external";
  text: string;
  /** 综合得分=(评价结果/100)*5分: the external score's full scale (100). */
  scale: Decimal;
}

export interface ManualRule {
  kind: "manual";
  text: string;
}

export interface DefaultRule {
  kind: "default";
  text: string;
}

export type Rule =
  | LinearRule
  | RatioRule
  | BracketRule
  | ThresholdRule
  | ChecklistRule
  | OccurrenceRule
  | QualitativeRule
  | MatchRule
  | FormulaRule
  | ExternalRule
  | ManualRule
  | DefaultRule;

/** Readings that change a score; each has a default and a Chinese label (src/rules/options.ts). */
export interface ScoringOptions {
  /** 按比例（默认）| 整步 | 就近取整步 | 开始即扣 */
  stepCounting: "proportional" | "whole" | "nearest" | "started";
  /** Lower-is-better shortfall: T/A | 1-(A-T)/T | as the rule says (linear steps when written). */
  reverseFormula: "ratio" | "relative" | "rule";
  /** Qualitative bands: 80/60 or 80/50. */
  qualitativeBands: "80/60" | "80/50";
  /** 两位小数四舍五入（默认）| 一位小数 | 整数 | 两位小数截断 */
  rounding: "half-up-2" | "half-up-1" | "integer" | "truncate-2";
  gradeScheme: GradeSchemeId;
}

export type GradeSchemeId = "national" | "national-excellent" | "80-70-60" | "integer-intervals";

/** One indicator row as the engine sees it. */
export interface RowInput {
  /** 评分规则 text; empty or missing = the national default rule. */
  rule?: string | null;
  target: CellInput;
  actual: CellInput;
  weight: CellInput;
  /** 三级指标 name: gives lower-is-better direction when the target has no comparator. */
  name?: string | null;
  /** Excel number formats of target/actual cells ("0.0%"), when the host knows them. */
  targetFormat?: string | null;
  actualFormat?: string | null;
}

export interface Alternative {
  /** Chinese label of the reading, e.g. 整步计（每满1个百分点扣一次）. */
  reading: string;
  /** The option values that produce it. */
  options: Partial<ScoringOptions>;
  /** When this reading takes one of the evaluation's assumptions the other way: that assumption. */
  assumption?: string;
  score: number;
  /** A reading that allows a band rather than one score (the national 达成 band): any score in it matches. */
  range?: { min: number; max: number };
}

export interface Evaluation {
  ok: true;
  /** Rounded per options.rounding; null for a manual (酌情) rule. */
  score: number | null;
  kind: RuleKind;
  rule: Rule;
  weight: number;
  options: ScoringOptions;
  /** Chinese text showing the arithmetic. */
  explanation: string;
  /** Chinese: what the evaluation assumed that the row does not settle (direction from the name, a rate from amounts…). */
  assumptions: string[];
  /** Scores under other readings, only where they differ from `score`. */
  alternatives: Alternative[];
  /** Whether the target was met (null when not applicable). */
  met: boolean | null;
  target: ParsedValue;
  actual: ParsedValue;
  /** When only a person can score (酌情, a qualitative band): the points the rule allows. */
  range?: { min: number; max: number };
}

export type ScoreErrorCode = "rule-unreadable" | "value-unreadable" | "weight-invalid" | "not-applicable";

export interface ScoreError {
  ok: false;
  code: ScoreErrorCode;
  /** Chinese message quoting what could not be read (无法识别评分规则：…). */
  error: string;
}

export type ScoreResult = Evaluation | ScoreError;
