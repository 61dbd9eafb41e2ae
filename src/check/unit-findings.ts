/** Findings about one scoring unit: range, divergence, missing score, deviation reason, over-achievement, verified score. */
import Decimal from "decimal.js";
import type { Evaluation } from "../rules/types";
import { isBlank } from "../sheet/text";
import type { NumberValue } from "../values/types";
import { near } from "../values/decimal";
import { pts } from "./labels";
import type { Finding } from "./types";
import type { ScoredUnit } from "./unit";

/** Names whose indicators are lower-is-better (RULES.md): exceeding their target is not over-achievement. */
const LOWER_IS_BETTER = /成本|控制率|变动率|调整率|结余率|投诉率|发生率|差错率|违规率|事故|超支/;
const OVER_ACHIEVEMENT_RATIO = new Decimal(1.2);

function unitName(unit: ScoredUnit): string {
  const names = unit.rows.map((r) => r.name).filter(Boolean);
  const unique = [...new Set(names)];
  return unique.length <= 1 ? `“${unique[0] ?? unit.rows[0]?.path.join("/")}”` : `“${unique.join("、")}”（共用权重）`;
}

export function unitFindings(unit: ScoredUnit, tolerance: number): Finding[] {
  const out: Finding[] = [];
  const { block, table } = unit;
  const sheet = table.sheet;
  const name = unitName(unit);
  const weight = block.weight;
  const reported = block.score;

  if (unit.error) {
    const cell = unit.error.cell ?? block.scoreCell;
    if (cell) {
      const unreadableRule = unit.error.code === "rule-unreadable";
      const content = unit.error.content;
      out.push({
        sheet,
        cell: cell.address,
        kind: unreadableRule ? "rule-unreadable" : "value-unreadable",
        // A row nobody can check is worth a look whether or not a score was written.
        severity: unreadableRule && reported !== null ? "info" : "warning",
        reported: unreadableRule ? reported : content,
        computed: null,
        message: `${name}无法自动计算得分：${unit.error.message}${!unreadableRule && content !== null && !unit.error.message.includes(content) ? `（单元格内容：“${content}”）` : ""}。请人工核对该指标得分。`,
      });
    }
  }

  if (block.scoreCell && reported === null && !isBlank(block.scoreRaw) && !/^[\s\-—–－/／]*$/.test(String(block.scoreRaw))) {
    out.push({
      sheet,
      cell: block.scoreCell.address,
      kind: "value-unreadable",
      severity: "warning",
      reported: String(block.scoreRaw),
      computed: unit.computed,
      message: `${name}的自评得分“${String(block.scoreRaw)}”不是数字，无法核对。`,
    });
    return out;
  }

  if (weight !== null && reported !== null && block.scoreCell) {
    if (reported > weight + tolerance || reported < -tolerance) {
      const computedText = unit.computed !== null ? `按评分规则计算应得${pts(unit.computed)}分（${unit.explanation}）。` : "";
      out.push({
        sheet,
        cell: block.scoreCell.address,
        kind: "score-exceeds-weight",
        severity: unit.weightAssumed ? "warning" : "error",
        reported,
        computed: unit.computed,
        message: `${name}自评得分${pts(reported)}分${reported < 0 ? "为负数" : `超过该指标权重${pts(weight)}分`}，得分应在0–${pts(weight)}分之间。${computedText}`,
      });
    } else if (unit.computed !== null && !near(reported, unit.computed, tolerance)) {
      const inRange = unit.range && reported >= unit.range.min - tolerance && reported <= unit.range.max + tolerance;
      if (!inRange) out.push(divergence(unit, reported, unit.computed, tolerance, name));
    } else if (unit.computed === null && unit.range && (reported < unit.range.min - tolerance || reported > unit.range.max + tolerance)) {
      // No single score, but the rule bounds it (a partial-achievement word, a tier given as a range).
      out.push({
        sheet,
        cell: block.scoreCell.address,
        kind: "score-out-of-range",
        severity: "warning",
        reported,
        computed: null,
        message: `${name}自评得分${pts(reported)}分不在评分规则允许的${pts(unit.range.min)}–${pts(unit.range.max)}分之间（${unit.explanation}）。请确认实际完成情况的档次。`,
      });
    }
  }

  if (reported === null && unit.computed !== null && block.scoreCell) {
    out.push({
      sheet,
      cell: block.scoreCell.address,
      kind: "score-missing",
      severity: "warning",
      reported: null,
      computed: unit.computed,
      message: `${name}未填写自评得分；按评分规则计算应得${pts(unit.computed)}分（${unit.explanation}）。`,
    });
  }

  const effective = reported ?? unit.computed;
  if (weight !== null && effective !== null && effective < weight - tolerance && block.explanationCell && !block.explanation) {
    out.push({
      sheet,
      cell: block.explanationCell.address,
      kind: "deviation-reason-missing",
      severity: "warning",
      reported: effective,
      computed: unit.computed,
      message: `${name}得分${pts(effective)}分低于权重${pts(weight)}分，但未填写偏差原因分析及改进措施。`,
    });
  }

  for (const s of unit.scored) {
    if (!s.result.ok) continue;
    const over = overAchievement(s.result, s.row.name);
    if (over && s.row.cells.actual) {
      out.push({
        sheet,
        cell: s.row.cells.actual.address,
        kind: "over-achievement",
        severity: "info",
        reported: over.actual,
        computed: over.target,
        message: `“${s.row.name}”实际值${over.actualText}达到目标值${over.targetText}的${over.ratio}，超额完成，需说明原因（目标值可能设定偏低）。`,
      });
    }
  }

  if (block.verified !== null && block.verifiedCell && reported !== null && !near(block.verified, reported, tolerance)) {
    const agrees =
      unit.computed === null
        ? ""
        : near(block.verified, unit.computed, tolerance)
          ? `核查得分与按评分规则计算的${pts(unit.computed)}分一致。`
          : near(reported, unit.computed, tolerance)
            ? `自评得分与按评分规则计算的${pts(unit.computed)}分一致，请核对核查得分。`
            : `按评分规则计算为${pts(unit.computed)}分，与两者都不同。`;
    out.push({
      sheet,
      cell: block.verifiedCell.address,
      kind: "verified-differs",
      severity: "info",
      reported: block.verified,
      computed: reported,
      message: `${name}核查得分${pts(block.verified)}分与自评得分${pts(reported)}分不同。${agrees}${block.explanation ? "" : "未填写评分说明。"}`,
    });
  }
  return out;
}

function divergence(unit: ScoredUnit, reported: number, computed: number, tolerance: number, name: string): Finding {
  const cell = unit.block.scoreCell!.address;
  const alt = unit.alternatives.find((a) => near(a.score, reported, tolerance) || (a.range && reported >= a.range.min - tolerance && reported <= a.range.max + tolerance));
  if (alt) {
    // A reading the row does not settle (direction, counting, rounding): named, never called wrong.
    // Rounding to whole points or an assumption turned round can hide real error: worth a warning.
    const coarse = alt.options.rounding === "integer" || unit.ruleMissing || unit.weightAssumed || alt.assumption !== undefined;
    const confirm = alt.assumption !== undefined ? `请确认：${alt.assumption}是否成立。` : "请确认本地区采用的计分口径。";
    return {
      sheet: unit.table.sheet,
      cell,
      kind: "score-diverges",
      severity: coarse ? "warning" : "info",
      reported,
      computed,
      reading: alt.reading,
      message: `${name}自评得分${pts(reported)}分与默认算法的${pts(computed)}分不同，但与另一种读法一致（${alt.reading}）。${confirm}默认算法：${unit.explanation}。`,
    };
  }
  // Under every reading and assumption considered the score differs: an error, unless the rule itself was assumed.
  return {
    sheet: unit.table.sheet,
    cell,
    kind: "score-diverges",
    severity: unit.ruleMissing || unit.weightAssumed ? "warning" : "error",
    reported,
    computed,
    message: `${name}自评得分${pts(reported)}分，按评分规则计算应得${pts(computed)}分（${unit.explanation}）。${unit.alternatives.length ? `其他读法（${unit.alternatives.map((a) => `${a.reading}：${a.range ? `${pts(a.range.min)}–${pts(a.range.max)}` : pts(a.score)}分`).join("；")}）也都不是${pts(reported)}分。` : ""}`,
  };
}

interface Over {
  actual: number;
  target: number;
  actualText: string;
  targetText: string;
  ratio: string;
}

/** Actual ≥ 1.2 × target on a higher-is-better numeric target (RULES.md: flagged for review). */
function overAchievement(e: Evaluation, name: string): Over | null {
  if (e.target.kind !== "number" || e.actual.kind !== "number") return null;
  const t = e.target as NumberValue;
  const a = e.actual as NumberValue;
  if (t.comparator === "le" || t.comparator === "lt") return null;
  if (LOWER_IS_BETTER.test(name)) return null;
  if ((t.unit ?? null) !== (a.unit ?? null) && !(t.unit === "percent" && a.unitInferred)) return null;
  if (!t.magnitude.gt(0)) return null;
  if (a.magnitude.lt(t.magnitude.times(OVER_ACHIEVEMENT_RATIO))) return null;
  const ratio = a.magnitude.div(t.magnitude).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed();
  const show = (v: NumberValue) =>
    v.unit === "percent" ? `${v.magnitude.times(100).toDecimalPlaces(2).toFixed()}%` : `${v.magnitude.toFixed()}${v.unit ?? ""}`;
  return { actual: a.magnitude.toNumber(), target: t.magnitude.toNumber(), actualText: show(a), targetText: show(t), ratio: `${ratio}%` };
}
