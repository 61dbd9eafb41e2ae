/**
 * `npm run layouts:coverage`: for every real table fixture (tests/fixtures/tables), the indicators found
 * against those expected, the weights, the columns mapped (role = letter and header text), the findings
 * against the expected ones (tests/sheet/real-table-expectations.ts), and the totals. Exit 0 always: it is
 * a report; tests/sheet/real-tables.test.ts is the gate.
 */
import { checkWorkbook } from "../src/check";
import { mappingText } from "../src/check/reading";
import { fixtureGrid, loadTableFixtures } from "../tests/fixtures/tables/load";
import { EXPECTED_FINDINGS, KNOWN_GAPS, shownFindings } from "../tests/sheet/real-table-expectations";

const fixtures = loadTableFixtures();
const totals = { tables: 0, full: 0, indicatorsFound: 0, indicatorsExpected: 0, findingsExpected: 0, findingsFound: 0, findingsMissed: 0, findingsExtra: 0, unchecked: 0 };
const provinces = new Set<string>();

for (const f of fixtures) {
  provinces.add(f.province);
  totals.tables++;
  const result = checkWorkbook([fixtureGrid(f)]);
  const weighted = result.details.flatMap((d) => d.table.blocks.filter((b) => b.weight !== null));
  // A table that prints no weights at all (weightSum null): its indicators are the rows read.
  const found = f.expected.weightSum === null ? result.tables.reduce((n, t) => n + (t.reading?.rowsRead ?? 0), 0) : weighted.length;
  const weightSum = Number(weighted.reduce((s, b) => s + (b.weight as number), 0).toFixed(2));
  const reportedTotal = result.tables.find((t) => t.total.reported !== null)?.total.reported ?? null;
  totals.indicatorsFound += Math.min(found, f.expected.indicators);
  totals.indicatorsExpected += f.expected.indicators;
  const weightsOk = f.expected.weightSum === null || weightSum === f.expected.weightSum;
  const full = found === f.expected.indicators && weightsOk && reportedTotal === f.expected.reportedTotal;
  if (full) totals.full++;
  const mark = full ? "✓" : "✗";
  console.log(`${mark} ${f.id}（${f.province}${f.truncated ? "，摘录不全" : ""}）`);
  console.log(`    指标 ${found}/${f.expected.indicators}，权重合计 ${weightSum}/${f.expected.weightSum ?? "—"}，表中总分 ${reportedTotal ?? "—"}/${f.expected.reportedTotal ?? "—"}，表格 ${result.tables.length} 张`);
  for (const t of result.tables) {
    const r = t.reading!;
    console.log(`    ${t.range} 表头第${r.headerRows}行，映射${r.columns.length}列：${mappingText(r)}`);
    if (r.unmapped.length) console.log(`      未使用：${r.unmapped.map((u) => `${u.column}（${u.header}）`).join("，")}`);
    console.log(`      读取${r.rowsRead}行，有权重${r.rowsWithWeight}，有得分${r.rowsWithScore}，可计算${r.rowsComputed}${r.notComputed.length ? `；未计算：${r.notComputed.map((n) => `${n.reason}${n.count}行`).join("；")}` : ""}`);
  }
  const shown = shownFindings(result.findings, Boolean(f.truncated));
  if (result.findings.some((x) => x.kind === "table-unchecked")) totals.unchecked++;
  const expected = EXPECTED_FINDINGS[f.id];
  if (expected) {
    const missed = expected.filter((e) => !shown.includes(e));
    const extra = shown.filter((s) => !expected.includes(s));
    totals.findingsExpected += expected.length;
    totals.findingsFound += expected.length - missed.length;
    totals.findingsMissed += missed.length;
    totals.findingsExtra += extra.length;
    console.log(`    问题 ${expected.length - missed.length}/${expected.length}（文件所列错误${f.expected.documentErrors.length}条）${missed.length ? `，漏报：${missed.join("、")}` : ""}${extra.length ? `，多报：${extra.join("、")}` : ""}`);
  } else {
    console.log(`    问题：${shown.length ? shown.join("、") : "无"}（尚无逐条期望${KNOWN_GAPS.has(f.id) ? "；已知未完全识别的版式" : ""}；文件所列错误${f.expected.documentErrors.length}条）`);
  }
}

console.log("");
console.log(
  `合计：${totals.tables}张真实表格（${provinces.size}个省份），完全读对${totals.full}张；指标 ${totals.indicatorsFound}/${totals.indicatorsExpected}；` +
    `期望问题 ${totals.findingsFound}/${totals.findingsExpected}，漏报${totals.findingsMissed}，多报${totals.findingsExtra}；提示未核对得分的表格${totals.unchecked}张。`,
);
