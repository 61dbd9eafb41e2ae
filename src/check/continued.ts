/**
 * One self-evaluation table printed as consecutive blocks, each with its own header and columns (湖北广水
 * 乡村道路项目自评表: 项目决策/项目管理 with a 分值 column, then 项目绩效 with the weights in the names), under one
 * 自评总分. Checked block by block, each block's weights fall short of 100 and the shared total differs from the
 * block's own scores. The blocks are read as one table only where a block alone does not add up and the run of
 * blocks does: then the block findings give way to one 提示 naming the blocks joined.
 */
import type { GradeSchemeId } from "../rules/types";
import { a1 } from "../sheet/address";
import type { CheckedTable } from "./check-workbook";
import { near } from "../values/decimal";
import { pts, round2 } from "./labels";
import { leafWeights, totalFindings } from "./table-findings";
import type { Finding } from "./types";

/** Runs of checked tables of one sheet, each after the first continuing the one above. */
function runsOf(checked: CheckedTable[]): CheckedTable[][] {
  const runs: CheckedTable[][] = [];
  for (const c of checked) {
    const last = runs[runs.length - 1];
    if (c.table.continuesAbove && last && last[last.length - 1].table.sheet === c.table.sheet) last.push(c);
    else runs.push([c]);
  }
  return runs.filter((r) => r.length > 1);
}

export function joinContinuedTables(checked: CheckedTable[], tolerance: number, scheme: GradeSchemeId): void {
  for (const run of runsOf(checked)) joinRun(run, tolerance, scheme);
}

function joinRun(run: CheckedTable[], tolerance: number, scheme: GradeSchemeId): void {
  const ranges = run.map((c) => c.table.rangeA1).join("、");
  const first = run[0];
  const notes: string[] = [];
  const units = run.flatMap((c) => c.units);

  // Weights: each block short of 100 (no weight of its own stated), all of them known, 100 together.
  const stated = run.map((c) => c.table.total?.weight ?? null).find((w) => w !== null) ?? null;
  const sumFindings = run.flatMap((c) => c.findings.filter((f) => f.kind === "weight-sum"));
  const allKnown = units.length > 0 && units.every((u) => u.block.weight !== null);
  if (sumFindings.length > 0 && allKnown) {
    const sum = leafWeights(units);
    if (near(sum, stated ?? 100, tolerance)) {
      for (const c of run) c.findings = c.findings.filter((f) => f.kind !== "weight-sum");
      notes.push(`各部分权重合计${pts(sum)}分`);
    }
  }

  // The one total of the run (自评总分 in the header block, or a 合计 under the last block): the blocks' sum.
  const holders = run.filter((c) => c.table.total !== null);
  if (holders.length === 1) {
    const holder = holders[0];
    const own = holder.findings.filter((f) => f.kind === "total-diverges" && f.severity === "error");
    if (own.length > 0) {
      const joined = totalFindings(holder.table, units, tolerance, scheme);
      if (!joined.findings.some((f) => f.kind === "total-diverges" && f.severity === "error")) {
        const totalKinds = new Set<Finding["kind"]>(["total-diverges", "grade-diverges"]);
        const totalCell = holder.table.total?.scoreCell?.address;
        holder.findings = [
          ...holder.findings.filter((f) => !totalKinds.has(f.kind) && !(f.kind === "score-missing" && f.cell === totalCell)),
          ...joined.findings,
        ];
        holder.summary.total = joined.summary.total;
        holder.summary.grade = joined.summary.grade;
        const reported = holder.table.total?.score;
        if (reported !== null && reported !== undefined) notes.push(`${holder.table.total?.label ?? "总分"}${pts(reported)}分为各部分得分之和`);
      }
    }
  }

  if (notes.length === 0) return;
  const sumOfWeights = round2(leafWeights(units));
  const main = holders.length === 1 ? holders[0] : first;
  main.summary.joined = { ranges: run.map((c) => c.table.rangeA1), indicators: run.reduce((n, c) => n + c.summary.indicators, 0), weightSum: sumOfWeights };
  for (const c of run) if (c !== main) c.summary.partOf = main.table.rangeA1;
  first.findings.push({
    sheet: first.table.sheet,
    cell: a1(first.table.range.top, first.table.range.left),
    kind: "tables-joined",
    severity: "info",
    reported: null,
    computed: sumOfWeights,
    message: `${ranges}按一张自评表的${run.length}个部分合并核对（各部分表头不同，中间只有分节标题）：${notes.join("，")}。如果它们是不同的表，请在“识别情况”中分别指定区域。`,
  });
}
