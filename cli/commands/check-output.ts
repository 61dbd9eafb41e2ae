/** What `jx check` prints: the JSON document, or a short Chinese summary and a findings table per file. */
import { KIND_LABELS, SEVERITY_LABELS } from "../../src/check/labels";
import type { SummaryJsonFile } from "../../src/check/summary";
import type { Finding, TableSummary } from "../../src/check/types";
import { readingJson, readingLines } from "./check-tables";
import { noFindingsText } from "../../src/check/reading";

export interface FileReport {
  file: string;
  tables: TableSummary[];
  findings: Finding[];
  /** Chinese message when the file could not be read. */
  error?: string;
  /** The checked copy written, when one was. */
  written?: string;
  /** 单位名称 from the header block, and the kind of table (for the 校验汇总). */
  unit?: string | null;
  tableKind?: string | null;
}

/** `summary`: the rows of the 校验汇总 (src/check/summary.ts), for a folder or several files. */
export function jsonDocument(reports: FileReport[], summary?: SummaryJsonFile[]): string {
  return JSON.stringify({
    files: reports.map((r) => ({
      file: r.file,
      ...(r.error ? { error: r.error } : {}),
      tables: r.tables.map((t) => ({
        sheet: t.sheet,
        range: t.range,
        indicators: t.indicators,
        weightSum: t.weightSum,
        total: { reported: t.total.reported, computed: t.total.computed },
        grade: { reported: t.grade.reported, computed: t.grade.computed },
        ...(t.reading ? { reading: readingJson(t) } : {}),
      })),
      findings: r.findings.map((f) => ({
        sheet: f.sheet,
        cell: f.cell,
        kind: f.kind,
        severity: f.severity,
        reported: f.reported,
        computed: f.computed,
        message: f.message,
      })),
    })),
    ...(summary ? { summary } : {}),
  });
}

const show = (v: number | string | null): string => (v === null ? "—" : String(v));

function tableLine(t: TableSummary): string {
  const grade =
    t.grade.reported === null && t.grade.computed === null
      ? ""
      : `，等级：表中${show(t.grade.reported)}／计算${show(t.grade.computed)}`;
  const total =
    t.total.reported === null && t.total.computed === null ? "" : `，自评总分${show(t.total.reported)}／计算总分${show(t.total.computed)}`;
  return `  工作表“${t.sheet}” ${t.range}：${t.indicators}项指标，权重合计${t.weightSum}${total}${grade}`;
}

export function humanReport(r: FileReport): string {
  const lines = [`文件：${r.file}`];
  if (r.error) {
    lines.push(`  ${r.error}`);
    return lines.join("\n");
  }
  if (r.tables.length === 0 && !r.findings.some((f) => f.kind === "no-table")) lines.push("  未找到指标表（表头需含“一级指标/三级指标”与“权重/分值”或“得分”等字样）");
  lines.push(...r.tables.flatMap((t) => [tableLine(t), ...readingLines(t)]));
  if (r.findings.length === 0) {
    if (r.tables.length > 0) lines.push(`  ${noFindingsText(r.tables).text}`);
  } else {
    const count = (s: Finding["severity"]) => r.findings.filter((f) => f.severity === s).length;
    lines.push(`  发现${r.findings.length}个问题（错误${count("error")}，警告${count("warning")}，提示${count("info")}）：`);
    for (const f of r.findings) {
      lines.push(`  [${SEVERITY_LABELS[f.severity]}] ${f.sheet}!${f.cell} ${KIND_LABELS[f.kind]}（表中${show(f.reported)}，计算${show(f.computed)}）`);
      lines.push(`      ${f.message}`);
    }
  }
  if (r.written) lines.push(`  已写出校验副本：${r.written}${/\.(xls|et)$/i.test(r.file) ? "（原文件为旧格式，校验副本为 .xlsx 格式）" : ""}`);
  return lines.join("\n");
}
