/**
 * `npm run demo`: first scores the indicator rows of a real public table (examples/seed-000-indicators.json)
 * and prints each score with its explanation beside the score the department reported; then runs
 * `jx check` on the example workbooks (examples/*.xlsx), shows the findings and exits 0.
 *
 * The two parts count alike: each row is classed as `jx check` classes it (score-diverges error, info when
 * the reported score is another reading's; score-exceeds-weight; score-missing warning; the 合计 row), so the
 * summary of the first part is the findings line `jx check` prints for the same table. Paths printed are
 * relative to the project folder: nothing names the machine it runs on.
 */
import { spawnSync } from "child_process";
import { join } from "path";
import Decimal from "decimal.js";
import { scoreRow, grade } from "../src/rules";
import { loadSeed000 } from "../examples/seed-000";
import { kindLabel } from "../cli/kind-label";

const ROOT = join(__dirname, "..");
const OUT = "演示校验副本";

type Severity = "error" | "warning" | "info";

function scoreSeedRows(): void {
  const data = loadSeed000();
  // "../shared/seeds/000：大厂…（公开文件）": the table's own description, not where it sits on this machine.
  console.log(`示例：${data.source.replace(/^[^：]*seeds\/[^：]*：/, "")}\n`);
  let computed = new Decimal(0);
  let sumReported = new Decimal(0);
  const found: Severity[] = [];
  for (const row of data.rows) {
    const r = scoreRow(row);
    const head = `${row.level1}／${row.level2}／${row.name}（权重${row.weight}）`;
    if (row.reported !== null) sumReported = sumReported.plus(row.reported);
    if (!r.ok) {
      console.log(`${head}\n  无法计算：${r.error}\n`);
      continue;
    }
    computed = computed.plus(r.score ?? 0);
    let mark = "";
    if (r.score !== null) {
      if (row.reported === null) {
        found.push("warning");
        mark = "  ← 未填";
      } else if (row.reported > row.weight) {
        found.push("error");
        mark = "  ← 超出权重";
      } else if (Math.abs(row.reported - r.score) >= 0.005) {
        const other = r.alternatives.find((a) => Math.abs(a.score - (row.reported as number)) < 0.005);
        found.push(other ? "info" : "error");
        mark = other ? `  ← 与另一种读法一致（${other.reading}）` : "  ← 不一致";
      }
    }
    const reported = row.reported === null ? "未填" : String(row.reported);
    console.log(`${head}\n  计算得分 ${r.score ?? "需人工评分"}（${kindLabel(r)}），自评得分 ${reported}${mark}`);
    console.log(`  ${r.explanation}`);
    for (const a of r.alternatives) console.log(`  其他读法：${a.reading} → ${a.score}`);
    console.log("");
  }
  const total = computed.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
  // The 合计 row as jx check reads it: an error when it is not the sum of the reported scores, else a note.
  if (Math.abs(data.reportedTotal - sumReported.toNumber()) >= 0.005) found.push("error");
  else if (Math.abs(data.reportedTotal - total) >= 0.005) found.push("info");
  const count = (s: Severity) => found.filter((f) => f === s).length;
  console.log(`计算总分 ${total}（${grade(total).grade ?? "无法定级"}），原表合计 ${data.reportedTotal}（各行自评得分之和 ${sumReported.toNumber()}）。`);
  console.log(`发现${found.length}个问题（错误${count("error")}，警告${count("warning")}，提示${count("info")}）：与下面 jx check 对 000-部门整体绩效自评表.xlsx 的报告相同。`);
}

/** `jx check examples` exactly as a user runs it, from the project folder; the checked copies go to 演示校验副本/. */
function checkExamples(): void {
  console.log(`\n==== jx check examples --out ${OUT} --force ====\n`);
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "jx.js"), "check", "examples", "--out", OUT, "--force"], { stdio: "inherit", cwd: ROOT });
  // Findings are what the demo is for: exit 1 (error findings) is expected; 2 means it could not run.
  if (r.status === 2 || r.status === null) {
    console.error(`jx check 未能完成（退出码 ${r.status}）`);
    process.exit(2);
  }
  console.log(`\njx check 退出码 ${r.status}（1 表示发现了错误级问题）。带标注的校验副本在项目文件夹的 ${OUT}/ 中。`);
}

scoreSeedRows();
checkExamples();
process.exit(0);
