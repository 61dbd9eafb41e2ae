/** Rule parse and parse+score throughput over the seed corpus (printed figures; no assertions). */
import { scoreRow } from "../src/rules";
import { parseRule, setParseCache, tryParseRule } from "../src/rules/parse";
import { RULE_CORPUS } from "../tests/fixtures/rule-corpus";

const texts = RULE_CORPUS.map((e) => e.text);
const readable = texts.filter((t) => tryParseRule(t).ok);
// Every text read afresh each time (the cache would make this a measure of Map lookups).
setParseCache(false);

function perSecond(label: string, rounds: number, body: () => number): void {
  for (let w = 0; w < 30; w += 1) body(); // warm-up: let the JIT settle before timing
  const t0 = process.hrtime.bigint();
  let calls = 0;
  for (let r = 0; r < rounds; r += 1) calls += body();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${label}：${Math.round(calls / seconds).toLocaleString("zh-CN")} 次/秒（${calls} 次，${seconds.toFixed(2)} 秒）`);
}

perSecond(`解析（语料 ${texts.length} 条，含拒读）`, 400, () => {
  for (const t of texts) tryParseRule(t);
  return texts.length;
});

perSecond(`解析（可读的 ${readable.length} 条）`, 400, () => {
  for (const t of readable) parseRule(t);
  return readable.length;
});

// A plausible row for each rule: percent target/actual for number rules, words for checklist/qualitative ones.
const rows = RULE_CORPUS.map((e) => {
  const kind = "refuse" in e.expect ? "refused" : String((e.expect as { kind: string }).kind);
  const wordy = kind === "checklist" || kind === "qualitative" || kind === "manual";
  return { rule: e.text, target: wordy ? "健全" : "=100%", actual: wordy ? "健全" : "95.4%", weight: 4 };
});
let ok = 0;
let failed = 0;
for (const row of rows) (scoreRow(row).ok ? (ok += 1) : (failed += 1));
console.log(`解析并评分：每轮 ${rows.length} 行，其中得出分数 ${ok} 行、返回错误 ${failed} 行`);
perSecond("解析并评分（scoreRow）", 200, () => {
  for (const row of rows) scoreRow(row);
  return rows.length;
});
