import type { GradeSchemeId, ScoringOptions } from "./types";

/** The national readings: literal arithmetic, T/A for lower-is-better, 80/60 bands, 2 decimals half-up. */
export const DEFAULT_OPTIONS: ScoringOptions = {
  stepCounting: "proportional",
  reverseFormula: "ratio",
  qualitativeBands: "80/60",
  rounding: "half-up-2",
  gradeScheme: "national",
};

type Labels = { [K in keyof ScoringOptions]: { name: string; values: Record<ScoringOptions[K], string> } };

/** Chinese labels for every option and value: shown in explanations, the pane and `jx --help`. */
export const OPTION_LABELS: Labels = {
  stepCounting: {
    name: "步长计算",
    values: {
      proportional: "按比例计（不足一步按比例扣）",
      whole: "按整步计（不足一步不扣）",
      nearest: "按最接近的整步计（四舍五入到整步）",
      started: "按开始的步计（不足一步按一步扣）",
    },
  },
  reverseFormula: {
    name: "反向指标公式",
    values: {
      ratio: "目标值/实际值×分值",
      relative: "(1-(实际值-目标值)/目标值)×分值",
      rule: "按评分规则原文",
    },
  },
  qualitativeBands: {
    name: "定性指标档次",
    values: { "80/60": "达成100–80%、部分达成80–60%、未达成60–0%", "80/50": "达成100–80%、部分达成80–50%、未达成50–0%" },
  },
  rounding: {
    name: "得分舍入",
    values: {
      "half-up-2": "四舍五入保留两位小数",
      "half-up-1": "四舍五入保留一位小数",
      integer: "四舍五入取整",
      "truncate-2": "截断保留两位小数",
    },
  },
  gradeScheme: {
    name: "等级标准",
    values: {
      national: "优≥90、良80–90、中60–80、差<60",
      "national-excellent": "优秀≥90、良好80–90、中60–80、较差<60",
      "80-70-60": "优≥80、良70–80、中60–70、差<60",
      "integer-intervals": "优90–100、良80–89、中60–79、差0–59（整数区间）",
    } satisfies Record<GradeSchemeId, string>,
  },
};

/** Short names accepted on the command line and in =JX.SCORE's options text, in Chinese or code words. */
const KEY_ALIASES: Record<string, keyof ScoringOptions> = {
  stepcounting: "stepCounting",
  step: "stepCounting",
  步长: "stepCounting",
  步长计算: "stepCounting",
  reverseformula: "reverseFormula",
  reverse: "reverseFormula",
  反向: "reverseFormula",
  反向指标公式: "reverseFormula",
  qualitativebands: "qualitativeBands",
  bands: "qualitativeBands",
  档次: "qualitativeBands",
  定性指标档次: "qualitativeBands",
  rounding: "rounding",
  舍入: "rounding",
  得分舍入: "rounding",
  gradescheme: "gradeScheme",
  grade: "gradeScheme",
  等级: "gradeScheme",
  等级标准: "gradeScheme",
};

const VALUE_ALIASES: { [K in keyof ScoringOptions]: Record<string, ScoringOptions[K]> } = {
  stepCounting: { 按比例: "proportional", 比例: "proportional", 整步: "whole", 就近: "nearest", 四舍五入: "nearest", 最接近: "nearest", 开始即扣: "started", 不足一步按一步: "started" },
  reverseFormula: { "目标/实际": "ratio", "t/a": "ratio", 相对: "relative", "1-(a-t)/t": "relative", 按规则: "rule", 规则: "rule" },
  qualitativeBands: { "80/60": "80/60", "80/50": "80/50" },
  rounding: { 两位: "half-up-2", 两位小数: "half-up-2", 一位: "half-up-1", 一位小数: "half-up-1", 取整: "integer", 整数: "integer", 截断: "truncate-2" },
  gradeScheme: { 国家: "national", 国家标准: "national", 优秀良好: "national-excellent", "80/70/60": "80-70-60", 整数区间: "integer-intervals" },
};

/** A lookup that only sees the table's own entries ("toString" and "constructor" are not options). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export type OptionsParse = { ok: true; options: Partial<ScoringOptions> } | { ok: false; error: string };

/**
 * Reads option assignments such as "stepCounting=whole", "步长=整步;舍入=一位小数" (separators ; , ； ，
 * or separate list items). Unknown keys or values are a Chinese error listing what is accepted.
 */
export function parseOptionAssignments(input: string | readonly string[] | null | undefined): OptionsParse {
  const items = (typeof input === "string" ? [input] : input ?? [])
    .flatMap((s) => s.split(/[;,；，\n]/))
    .map((s) => s.trim())
    .filter(Boolean);
  const options: Record<string, string> = {};
  for (const item of items) {
    const eq = item.search(/[=:：＝]/);
    if (eq <= 0) return { ok: false, error: `选项格式应为“名称=取值”，收到：“${item}”` };
    const keyText = item.slice(0, eq).trim();
    const valueText = item.slice(eq + 1).trim();
    const key = (Object.keys(DEFAULT_OPTIONS) as (keyof ScoringOptions)[]).find((k) => k === keyText) ?? own(KEY_ALIASES, keyText.toLowerCase());
    if (!key) return { ok: false, error: `未知的选项“${keyText}”。可用选项：${describeKeys()}` };
    const codes = Object.keys(OPTION_LABELS[key].values);
    const aliases = VALUE_ALIASES[key] as Record<string, string>;
    const value = codes.find((c) => c === valueText) ?? own(aliases, valueText.toLowerCase()) ?? own(aliases, valueText);
    if (!value) return { ok: false, error: `选项“${OPTION_LABELS[key].name}”不接受取值“${valueText}”。可用取值：${codes.join("、")}（或 ${Object.keys(aliases).join("、")}）` };
    options[key] = value;
  }
  return { ok: true, options: options as Partial<ScoringOptions> };
}

function describeKeys(): string {
  return (Object.keys(OPTION_LABELS) as (keyof ScoringOptions)[]).map((k) => `${k}（${OPTION_LABELS[k].name}）`).join("、");
}

/** Options objects made here: complete already, so resolving one again (every scored row of a check) returns it. */
const RESOLVED = new WeakSet<object>();

export function resolveOptions(partial?: Partial<ScoringOptions> | null): ScoringOptions {
  if (partial && RESOLVED.has(partial)) return partial as ScoringOptions;
  const options = { ...DEFAULT_OPTIONS, ...(partial ?? {}) };
  RESOLVED.add(options);
  return options;
}
