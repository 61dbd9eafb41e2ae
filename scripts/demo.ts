/**
 * `npm run demo`: first scores the indicator rows of a real public table (examples/seed-000-indicators.json)
 * and prints each score with its explanation beside the score the department reported; then runs
 * `jx check` on the example workbooks (examples/*.xlsx), shows the findings and exits 0.
 */
import { spawnSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import Decimal from "decimal.js";
import { scoreRow, KIND_LABELS, grade } from "../src/rules";
import { loadSeed000 } from "../examples/seed-000";

function scoreSeedRows(): void {
const data = loadSeed000();
console.log(`示例：${data.source}\n`);
let computed = new Decimal(0);
let differences = 0;
for (const row of data.rows) {
  const r = scoreRow(row);
  const head = `${row.level1}／${row.level2}／${row.name}（权重${row.weight}）`;
  if (!r.ok) {
    console.log(`${head}\n  无法计算：${r.error}\n`);
    continue;
  }
  computed = computed.plus(r.score ?? 0);
  const same = row.reported !== null && r.score !== null && Math.abs(row.reported - r.score) < 0.005;
  if (!same) differences++;
  const reported = row.reported === null ? "未填" : String(row.reported);
  console.log(`${head}\n  计算得分 ${r.score ?? "需人工评分"}（${KIND_LABELS[r.kind]}），自评得分 ${reported}${same ? "" : "  ← 不一致"}`);
  console.log(`  ${r.explanation}`);
  for (const a of r.alternatives) console.log(`  其他读法：${a.reading} → ${a.score}`);
  console.log("");
}
const total = computed.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
console.log(`计算总分 ${total}（${grade(total).grade ?? "无法定级"}），原表合计 ${data.reportedTotal}；${differences} 行自评得分与计算不一致。`);
}

/** `jx check examples` exactly as a user runs it; the checked copies go to a temporary folder. */
function checkExamples(): void {
  const out = mkdtempSync(join(tmpdir(), "jx-demo-"));
  const root = join(__dirname, "..");
  console.log(`\n==== jx check examples --out ${out} ====\n`);
  const r = spawnSync(process.execPath, [join(root, "bin", "jx.js"), "check", join(root, "examples"), "--out", out], { stdio: "inherit", cwd: root });
  // Findings are what the demo is for: exit 1 (error findings) is expected; 2 means it could not run.
  if (r.status === 2 || r.status === null) {
    console.error(`jx check 未能完成（退出码 ${r.status}）`);
    process.exit(2);
  }
  console.log(`\njx check 退出码 ${r.status}（1 表示发现了错误级问题）。带标注的校验副本在 ${out}`);
}

scoreSeedRows();
checkExamples();
process.exit(0);
