/**
 * `jx check --table "Sheet1!A5:K40" --columns 权重=F,自评得分=I,核查得分=J`, and the same correction kept
 * for a bureau's own template in jx-defaults.json ({"tables": [{"sheet": "表1", "range": "A5:K40",
 * "headerRows": "5-6", "columns": {"权重": "F", "自评得分": "I"}}]}); and how a table's reading is printed.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { parseColumnsSpec, parseTableSpec, roleFromName, type TableOverride } from "../../src/sheet/override";
import { countsText, mappingText } from "../../src/check/reading";
import type { TableSummary } from "../../src/check/types";
import { UsageError } from "../errors";

export const DEFAULTS_FILE = "jx-defaults.json";

/** "5-6" or "5" (sheet rows) -> 0-based header rows. */
function headerRowsFrom(text: unknown, where: string): TableOverride["headerRows"] {
  if (text === undefined || text === null) return undefined;
  const m = /^\s*(\d+)\s*(?:[-–~～至]\s*(\d+))?\s*$/.exec(String(text));
  if (!m || Number(m[1]) < 1) throw new UsageError(`${where}的表头行“${String(text)}”无法识别：应写成行号或行号范围，如 5-6`);
  const top = Number(m[1]) - 1;
  const bottom = m[2] ? Number(m[2]) - 1 : top;
  return { top: Math.min(top, bottom), bottom: Math.max(top, bottom) };
}

function override(sheetAndRange: string | undefined, columns: string | undefined, where: string): TableOverride {
  const o: TableOverride = {};
  try {
    if (sheetAndRange) {
      const { sheet, range } = parseTableSpec(sheetAndRange);
      o.sheet = sheet;
      o.range = range;
    }
    if (columns) o.columns = parseColumnsSpec(columns);
  } catch (e) {
    throw new UsageError(`${where}：${(e as Error).message}`);
  }
  return o;
}

/** The tables of a jx-defaults.json: a list of {sheet?, range?, headerRows?, columns?}; columns as an object or a "权重=F,…" text. */
export function overridesFromDefaults(raw: unknown, file: string): TableOverride[] {
  if (!raw || typeof raw !== "object" || !("tables" in raw)) return [];
  const tables = (raw as { tables: unknown }).tables;
  if (!Array.isArray(tables)) throw new UsageError(`${file} 中的 tables 应为列表`);
  return tables.map((t, i) => {
    const where = `${file} 的第${i + 1}个表格`;
    if (!t || typeof t !== "object") throw new UsageError(`${where}应为对象`);
    const entry = t as Record<string, unknown>;
    const range = typeof entry.range === "string" ? (typeof entry.sheet === "string" && !entry.range.includes("!") ? `'${entry.sheet.replace(/'/g, "''")}'!${entry.range}` : entry.range) : undefined;
    let columns: string | undefined;
    if (typeof entry.columns === "string") columns = entry.columns;
    else if (entry.columns && typeof entry.columns === "object") {
      columns = Object.entries(entry.columns as Record<string, unknown>)
        .map(([role, col]) => {
          if (!roleFromName(role)) throw new UsageError(`${where}：未知的列角色“${role}”`);
          return `${role}=${String(col)}`;
        })
        .join(",");
    }
    const o = override(range, columns, where);
    if (typeof entry.sheet === "string") o.sheet = entry.sheet;
    const rows = headerRowsFrom(entry.headerRows, where);
    if (rows) o.headerRows = rows;
    return o;
  });
}

/** --table/--columns, else jx-defaults.json in the working folder; [] when neither is given. */
export function tableOverrides(cli: { table?: string; columns?: string; headerRows?: string }, cwd = process.cwd()): TableOverride[] {
  if (cli.table || cli.columns) {
    const o = override(cli.table, cli.columns, cli.table ? `--table ${cli.table}` : `--columns ${cli.columns}`);
    const rows = headerRowsFrom(cli.headerRows, "--header-rows");
    if (rows) o.headerRows = rows;
    return [o];
  }
  if (cli.headerRows) throw new UsageError("--header-rows 需与 --table 一同给出");
  const file = join(cwd, DEFAULTS_FILE);
  if (!existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`无法读取 ${file}：${(e as Error).message}`);
  }
  return overridesFromDefaults(raw, file);
}

/** The reading of a table in the text report: mapping, counts, why not computed, rows skipped. */
export function readingLines(t: TableSummary): string[] {
  const r = t.reading;
  if (!r) return [];
  const lines = [`    ${r.source === "override" ? "按指定读取" : "识别"}：表头第${r.headerRows}行；${mappingText(r)}`];
  if (r.unmapped.length) lines.push(`    未使用的列：${r.unmapped.map((u) => `${u.column}（${u.header}）`).join("，")}`);
  lines.push(`    ${countsText(r)}`);
  if (r.skipped.length) {
    const byReason = new Map<string, number[]>();
    for (const s of r.skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.row]);
    lines.push(`    未作为指标读取：${[...byReason].map(([reason, rows]) => `第${rows.join("、")}行（${reason}）`).join("；")}`);
  }
  return lines;
}

/** The reading as it goes into --json. */
export function readingJson(t: TableSummary): Record<string, unknown> | undefined {
  const r = t.reading;
  if (!r) return undefined;
  return {
    source: r.source,
    headerRows: r.headerRows,
    columns: r.columns.map((c) => ({ role: c.role, label: c.label, column: c.column, header: c.header })),
    unmapped: r.unmapped,
    rowsRead: r.rowsRead,
    rowsWithWeight: r.rowsWithWeight,
    rowsWithScore: r.rowsWithScore,
    rowsComputed: r.rowsComputed,
    notComputed: r.notComputed,
    skipped: r.skipped,
  };
}
