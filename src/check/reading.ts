/**
 * "What was read", per table: the column mapping (role → column letter and header text), header rows, rows
 * read, rows with a weight, with a reported score, rows whose score JX could compute, and why the rest could
 * not. The CLI text and --json, the task pane, the browser page and the 校验结果 sheet all show this.
 * Also the findings about reading itself: a table without a weight or score column, a workbook with no table.
 */
import { a1 } from "../sheet/address";
import type { ColumnReading, IndicatorTable } from "../sheet/model";
import type { Grid } from "../sheet/types";
import type { Finding } from "./types";
import type { ScoredUnit } from "./unit";

export interface NotComputed {
  /** Chinese reason ("无实际值", "评分规则无法识别"…). */
  reason: string;
  /** Indicator rows it applies to, and their sheet rows (1-based) for the user to look at. */
  count: number;
  rows: number[];
}

/** The reading of one table as reported (plain data: crosses worker threads and goes into --json as is). */
export interface TableReport {
  source: "detected" | "override";
  /** Header rows as sheet rows: "14" or "12-13". */
  headerRows: string;
  columns: Pick<ColumnReading, "role" | "label" | "column" | "header">[];
  unmapped: { column: string; header: string }[];
  rowsRead: number;
  rowsWithWeight: number;
  rowsWithScore: number;
  rowsComputed: number;
  notComputed: NotComputed[];
  /** Rows inside the table not read as indicators, with the reason (sheet rows, 1-based). */
  skipped: { row: number; reason: string }[];
}

/** Why a unit's score could not be computed; null when it was. */
function reasonOf(unit: ScoredUnit): string | null {
  if (unit.computed !== null) return null;
  if (unit.block.weight === null) return "未读到权重";
  if (!(unit.block.weight > 0)) return "权重不大于0";
  if (unit.scored.length === 0) return unit.table.columns.actual === null ? "表中没有实际值列（只核对得分不超出权重）" : "实际值为空";
  if (unit.error?.code === "rule-unreadable") return "评分规则无法识别";
  if (unit.error?.code === "value-unreadable") return "目标值或实际值无法识别";
  if (unit.manual) return "酌情评分（由评价人判断，只核对得分范围）";
  const failed = unit.scored.find((s) => !s.result.ok);
  if (failed && !failed.result.ok) return failed.result.error;
  return "无法计算";
}

export function tableReport(table: IndicatorTable, units: ScoredUnit[]): TableReport {
  const reasons = new Map<string, NotComputed>();
  let computed = 0;
  for (const unit of units) {
    const reason = reasonOf(unit);
    if (reason === null) {
      computed += unit.rows.length;
      continue;
    }
    const entry = reasons.get(reason) ?? { reason, count: 0, rows: [] };
    entry.count += unit.rows.length;
    entry.rows.push(...unit.rows.map((r) => r.row + 1));
    reasons.set(reason, entry);
  }
  const r = table.reading;
  return {
    source: r.source,
    headerRows: r.header.rows,
    columns: r.columns.map(({ role, label, column, header }) => ({ role, label, column, header })),
    unmapped: r.unmapped.map(({ column, header }) => ({ column, header })),
    rowsRead: r.rowsRead,
    rowsWithWeight: r.rowsWithWeight,
    rowsWithScore: r.rowsWithScore,
    rowsComputed: computed,
    notComputed: [...reasons.values()],
    skipped: r.skipped.map((s) => ({ row: s.row + 1, reason: s.reason })),
  };
}

/** "一级指标=A（一级指标），权重=F（分值）…": the mapping in one line. */
export function mappingText(report: Pick<TableReport, "columns">): string {
  return report.columns.map((c) => `${c.label}=${c.column}${c.header ? `（${c.header}）` : ""}`).join("，");
}

/** "读取12行，有权重11行，有自评得分10行，可计算得分9行；未计算：实际值为空1行（第20行）". */
export function countsText(report: TableReport): string {
  const head = `读取${report.rowsRead}行指标，有权重${report.rowsWithWeight}行，有自评得分${report.rowsWithScore}行，JX 可计算得分${report.rowsComputed}行`;
  if (report.notComputed.length === 0) return head;
  const rows = (n: NotComputed) => (n.rows.length <= 5 ? `第${n.rows.join("、")}行` : `第${n.rows.slice(0, 5).join("、")}等行`);
  return `${head}；未计算：${report.notComputed.map((n) => `${n.reason}${n.count}行（${rows(n)}）`).join("；")}`;
}

/**
 * What a result without findings may say: "未发现问题" only when every indicator row read was computed; else how
 * many were and how many were not — the rows JX could not score are not found right, only not checked.
 */
export function noFindingsText(tables: { reading?: TableReport }[]): { text: string; complete: boolean } {
  const readings = tables.flatMap((t) => (t.reading ? [t.reading] : []));
  const computed = readings.reduce((n, r) => n + r.rowsComputed, 0);
  const left = readings.reduce((n, r) => n + r.rowsRead - r.rowsComputed, 0);
  if (left <= 0) return { text: "未发现问题", complete: true };
  return { text: `已计算得分的${computed}行未发现问题；另有${left}行未能计算得分（原因见识别情况），这些行请人工核对`, complete: false };
}

/** A table without a weight column (and no weights in names) or without a score column: nothing was checked. */
export function readingFindings(table: IndicatorTable, units: ScoredUnit[]): Finding[] {
  const cols = table.columns;
  const weightsKnown = units.some((u) => u.block.weight !== null);
  const headerCell = (col: number) => a1(table.header.top, col);
  const at = headerCell(table.range.left);
  const out: Finding[] = [];
  const unweighted = units.filter((u) => u.block.weight === null).reduce((n, u) => n + u.rows.length, 0);
  if (cols.weight === null && unweighted > 0) {
    const which = weightsKnown ? `其中${unweighted}行没有权重（没有权重列，名称中也没有写明分值）` : "但没有找到权重（分值）列，名称中也没有写明分值";
    out.push({
      sheet: table.sheet,
      cell: at,
      kind: "table-unchecked",
      severity: "warning",
      reported: null,
      computed: null,
      message: `未识别到权重列，未核对得分。JX 在${table.rangeA1}读到${table.rows.length}行指标，${which}。请在加载项中指定权重列，或在命令行用 --columns 权重=列字母 指定。`,
    });
  } else if (cols.score === null) {
    out.push({
      sheet: table.sheet,
      cell: at,
      kind: "table-unchecked",
      severity: "warning",
      reported: null,
      computed: null,
      message: `未识别到得分列，未核对得分。JX 在${table.rangeA1}读到${table.rows.length}行指标，但没有找到自评得分列。请在加载项中指定得分列，或在命令行用 --columns 自评得分=列字母 指定。`,
    });
  }
  return out;
}

/** No indicator table in the whole workbook: a warning on the first sheet's A1 (counted, and `jx check` exits 1). */
export function noTableFinding(sheets: Grid[]): Finding {
  const names = sheets.map((s) => `“${s.name}”`).join("、");
  return {
    sheet: sheets[0]?.name ?? "",
    cell: "A1",
    kind: "no-table",
    severity: "warning",
    reported: null,
    computed: null,
    message: `未找到指标表：在工作表${names || "（无）"}中没有识别到带“一级/二级/三级指标”或“指标名称”以及“权重/分值”或“得分”表头的表格，未作任何核对。如表格确为指标表，请在加载项中选中表格区域后点“识别所选区域”，或在命令行用 --table "工作表!A5:K40" --columns 权重=F,自评得分=I 指定。`,
  };
}
