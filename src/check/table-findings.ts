/** Findings about a whole table: weights (sum, children), the 合计 row and the 评价结论. */
import Decimal from "decimal.js";
import { grade as gradeOf, sameGrade } from "../rules/grade";
import type { GradeSchemeId } from "../rules/types";
import { a1 } from "../sheet/address";
import type { IndicatorTable, LevelWeight } from "../sheet/model";
import { decimalOf, near, sumOf, ZERO } from "../values/decimal";
import { pts, round2 } from "./labels";
import { isDashOrBlank } from "../sheet/text";
import type { Finding, TableSummary } from "./types";
import type { ScoredUnit } from "./unit";

/** Leaf weights (one per block) that are known and positive: a 0 or negative weight is a finding, not a weight. */
export function leafWeights(units: ScoredUnit[]): Decimal {
  let sum = ZERO;
  for (const u of units) if (u.block.weight !== null && u.block.weight > 0) sum = sum.plus(decimalOf(u.block.weight));
  return sum;
}

export function weightFindings(table: IndicatorTable, units: ScoredUnit[], tolerance: number): Finding[] {
  const out: Finding[] = [];
  for (const u of units) {
    const w = u.block.weight;
    if (w === null || w > 0 || !u.block.weightCell) continue;
    const names = [...new Set(u.rows.map((r) => r.name).filter(Boolean))].join("、");
    out.push({
      sheet: table.sheet,
      cell: u.block.weightCell.address,
      kind: "weight-invalid",
      severity: "error",
      reported: w,
      computed: null,
      message: `“${names}”的权重为${pts(w)}分，权重应大于0；未计入权重合计，也未核对其得分。`,
    });
  }
  const known = units.filter((u) => u.block.weight !== null);
  if (known.length > 0 && known.length === units.length) {
    const sum = leafWeights(units);
    const stated = table.total?.weight ?? null;
    const expected = stated ?? 100;
    if (!near(sum, expected, tolerance)) {
      const cell = table.total?.weightCell ?? (table.columns.weight !== null ? { address: a1(table.header.top, table.columns.weight) } : null);
      out.push({
        sheet: table.sheet,
        cell: cell?.address ?? a1(table.range.top, table.range.left),
        kind: "weight-sum",
        severity: "error",
        reported: stated ?? null,
        computed: round2(sum),
        message: `本表各指标权重合计为${pts(sum)}分，${stated !== null ? `与合计行所列的${pts(stated)}分不一致` : "不等于100分"}。`,
      });
    }
  }
  for (const parent of table.levelWeights) {
    const children = childWeights(table, units, parent);
    if (!children || children.count === 0) continue;
    if (!near(children.sum, parent.weight, tolerance)) {
      out.push({
        sheet: table.sheet,
        cell: parent.cell.address,
        kind: "weight-children",
        severity: "error",
        reported: parent.weight,
        computed: round2(children.sum),
        message: `“${parent.path.join("/")}”的权重为${pts(parent.weight)}分，其下${children.count}项${children.what}的权重之和为${pts(children.sum)}分，两者应相等。`,
      });
    }
  }
  return out;
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.every((p, i) => path[i] === p);
}

/** Children of a level weight: the next level's stated weights when there are any, else the leaf blocks under it. */
function childWeights(table: IndicatorTable, units: ScoredUnit[], parent: LevelWeight): { sum: Decimal; count: number; what: string } | null {
  const next = table.levelWeights.filter((w) => w.path.length === parent.path.length + 1 && startsWith(w.path, parent.path));
  const leaves = units.filter((u) => u.rows.length > 0 && u.rows[0].path.length > parent.path.length && startsWith(u.rows[0].path, parent.path));
  // Leaves sitting directly under the parent (no stated middle level) count beside the stated children.
  const direct = leaves.filter((u) => !next.some((w) => startsWith(u.rows[0].path, w.path)));
  if (next.length === 0 && leaves.length === 0) return null;
  if ([...direct].some((u) => u.block.weight === null)) return null;
  const sum = sumOf([...next.map((w) => w.weight), ...direct.map((u) => u.block.weight as number)]);
  return { sum, count: next.length + direct.length, what: next.length > 0 ? "下级指标" : "指标" };
}

export interface TotalsOutcome {
  findings: Finding[];
  summary: Pick<TableSummary, "total" | "grade">;
}

export function totalFindings(table: IndicatorTable, units: ScoredUnit[], tolerance: number, scheme: GradeSchemeId): TotalsOutcome {
  const out: Finding[] = [];
  const reportedScores = units.filter((u) => u.block.score !== null);
  const sumReported = sumOf(reportedScores.map((u) => u.block.score as number));
  const anyComputed = units.some((u) => u.computed !== null);
  // A total "by the rules" needs every unit: computed, or at least reported; otherwise it is not given.
  const complete = units.every((u) => u.computed !== null || u.block.score !== null || u.block.weight === null);
  const computedTotal = anyComputed && complete
    ? sumOf(units.map((u) => u.computed ?? u.block.score ?? 0))
    : null;
  // A score cell holding text cannot be summed: the 合计 cannot be checked against the scores then.
  const unreadableScore = units.some((u) => u.block.score === null && !isDashOrBlank(u.block.scoreRaw));
  const total = table.total;
  const reportedTotal = total?.score ?? null;

  if (total && total.scoreCell && reportedTotal !== null && reportedScores.length > 0 && !unreadableScore) {
    const computedText = computedTotal !== null ? `按评分规则计算的总分为${pts(computedTotal)}分。` : "";
    if (!near(reportedTotal, sumReported, tolerance)) {
      out.push({
        sheet: table.sheet,
        cell: total.scoreCell.address,
        kind: "total-diverges",
        severity: "error",
        reported: reportedTotal,
        computed: computedTotal !== null ? round2(computedTotal) : round2(sumReported),
        message: `${total.label}${/得分|总分|自评分/.test(total.label) ? "" : "自评得分"}${pts(reportedTotal)}分，与各指标自评得分之和${pts(sumReported)}分不一致。${computedText}`,
      });
    } else if (computedTotal !== null && !near(reportedTotal, computedTotal, tolerance)) {
      out.push({
        sheet: table.sheet,
        cell: total.scoreCell.address,
        kind: "total-diverges",
        severity: "info",
        reported: reportedTotal,
        computed: round2(computedTotal),
        message: `${total.label}${pts(reportedTotal)}分等于各指标自评得分之和；按评分规则计算的总分为${pts(computedTotal)}分，差异来自本表标出的指标得分。`,
      });
    }
  } else if (total && total.scoreCell && reportedTotal === null && computedTotal !== null) {
    out.push({
      sheet: table.sheet,
      cell: total.scoreCell.address,
      kind: "score-missing",
      severity: "warning",
      reported: null,
      computed: round2(computedTotal),
      message: `${total.label}得分为空；按评分规则计算的总分为${pts(computedTotal)}分（各指标自评得分之和为${pts(sumReported)}分）。`,
    });
  }

  const basis = computedTotal ?? (reportedTotal !== null ? decimalOf(reportedTotal) : reportedScores.length > 0 ? sumReported : null);
  // A grade is only meaningful for a whole table: one with a 合计 row or a 评价结论 row.
  const graded = total !== null || table.grade !== null;
  const computedGrade = graded && basis !== null ? gradeOf(round2(basis), scheme) : null;
  const reportedGrade = table.grade?.grade ?? null;
  if (table.grade && reportedGrade && computedGrade) {
    const same = computedGrade.grade !== null && sameGrade(reportedGrade, computedGrade.grade);
    if (!same) {
      const byReportedTotal = reportedTotal !== null ? gradeOf(reportedTotal, scheme).grade : null;
      const consistentWithOwnTotal = byReportedTotal !== null && sameGrade(reportedGrade, byReportedTotal);
      out.push({
        sheet: table.sheet,
        cell: table.grade.cell.address,
        kind: "grade-diverges",
        severity: computedGrade.grade === null ? "warning" : consistentWithOwnTotal ? "warning" : "error",
        reported: reportedGrade,
        computed: computedGrade.grade,
        message: `评价结论为“${reportedGrade}”；${computedGrade.message}。${consistentWithOwnTotal ? `（与表中${pts(reportedTotal as number)}分的合计相符，差异来自指标得分。）` : ""}`,
      });
    }
  }
  return {
    findings: out,
    summary: {
      total: { reported: reportedTotal, computed: computedTotal !== null ? round2(computedTotal) : null },
      grade: { reported: reportedGrade, computed: computedGrade?.grade ?? null },
    },
  };
}
