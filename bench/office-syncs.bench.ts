/**
 * context.sync round trips per check on a 10,000-indicator sheet, through the pane's own ExcelSession on
 * Microsoft's office-addin-mock (the limit is 2: one read, one write). Times are the mock's and the
 * engine's, not Excel's: a real sync also crosses to the Excel process.
 */
import { performance } from "perf_hooks";
import type { OfficeCapabilities } from "../src/adapters/office-capabilities";
import { ExcelSession } from "../taskpane/state/excelSession";
import { BUILTIN_DEFAULTS, type SettingsStore } from "../taskpane/state/settings";
import { mockExcel } from "../tests/adapters/office-mock";

const ROWS = 10_000;
const ALL: OfficeCapabilities = { events: true, cellProperties: true, mergedAreas: true, insertWorksheets: true, comments: true, notes: true };
const RULE = "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止";

/** `ownNotes`: officials' own notes on that many wrong score cells (H rows of every 13th indicator). */
function sheet(ownNotes = 0) {
  const rows: (string | number)[][] = [["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"]];
  const numberFormats: Record<string, string> = {};
  for (let i = 0; i < ROWS; i++) {
    const row = i + 2;
    const actual = 0.9 + (i % 11) / 100; // 90%..100%
    const right = Math.max(0, 1 - (1 - actual) * 100 * 0.1);
    // Every 7th score missing, every 13th wrong: findings to annotate.
    const score = i % 7 === 0 ? "" : i % 13 === 0 ? 1 : Number(right.toFixed(2));
    rows.push([`一级${Math.floor(i / 1000)}`, `二级${Math.floor(i / 100)}`, `指标${i}`, "=100%", actual, 1, RULE, score]);
    numberFormats[`E${row}`] = "0%";
  }
  const notes: Record<string, string> = {};
  for (let i = 13, n = 0; n < ownNotes && i < ROWS; i += 13) if (i % 7 !== 0) notes[`H${i + 2}`] = `经办人说明${n++}`;
  // The weights sum to 10,000, so the table also gets a weight-sum finding.
  return mockExcel({ name: "自评表", rows, numberFormats, notes });
}

function memoryStore(): SettingsStore {
  const data = new Map<string, unknown>();
  return { get: (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
}

async function main() {
  const m = sheet();
  const session = new ExcelSession((fn) => fn(m.context), ALL, memoryStore());
  let t = performance.now();
  const result = await session.check(BUILTIN_DEFAULTS);
  const checkMs = performance.now() - t;
  const afterCheck = m.syncCount();
  t = performance.now();
  const annotated = await session.write(BUILTIN_DEFAULTS, { fillMissing: false, annotate: true }, "标注差异");
  const writeMs = performance.now() - t;
  const afterAnnotate = m.syncCount();
  await session.write(BUILTIN_DEFAULTS, { fillMissing: true, annotate: false }, "填写自评得分");
  const afterFill = m.syncCount();
  await session.undo();
  const afterUndo = m.syncCount();

  console.log(`工作表：${ROWS} 行指标；识别 ${result.tables.length} 张表，${result.findings.length} 个问题`);
  console.log(`一键校验（读取）          sync ${afterCheck}    ${checkMs.toFixed(0)} ms（模拟 + 引擎）`);
  console.log(`校验 + 标注差异（写入）   sync ${afterAnnotate}    ${writeMs.toFixed(0)} ms；${annotated.message}`);
  console.log(`再填写自评得分（重读+写） sync ${afterFill - afterAnnotate}`);
  console.log(`撤销（查批注+写）         sync ${afterUndo - afterFill}`);
  console.log(`syncs per check (read + write): ${afterAnnotate}  (limit 2) ${afterAnnotate <= 2 ? "OK" : "OVER LIMIT"}`);

  // A sheet that already has notes: Office.js tells a note's cell only through getLocation(), so finding
  // them (with their texts, so JX's part goes after the official's) costs two syncs between read and write.
  const n = sheet(500);
  const noted = new ExcelSession((fn) => fn(n.context), ALL, memoryStore());
  await noted.check(BUILTIN_DEFAULTS);
  t = performance.now();
  await noted.write(BUILTIN_DEFAULTS, { fillMissing: false, annotate: true }, "标注差异");
  const notedMs = performance.now() - t;
  console.log(`已有 500 条批注：校验 + 标注差异 sync ${n.syncCount()}（读取 1 + 查批注位置 2 + 写入 1）  ${notedMs.toFixed(0)} ms；改写原批注 ${n.contentSet.length} 条`);
  if (afterAnnotate > 2 || n.syncCount() > 4) process.exitCode = 1;
}

void main();
