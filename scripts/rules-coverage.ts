/**
 * `npm run rules:coverage`: on the real-world corpus (tests/corpus/rows), how many rows the engine scores
 * right, names among its readings, refuses, or gets wrong — by family and by province; then how many seed
 * rule texts the parser reads, and why the rest are refused.
 */
import { tryParseRule } from "../src/rules/parse";
import { RULE_CORPUS } from "../tests/fixtures/rule-corpus";
import { judgeCorpus, type Judged, type Outcome } from "../tests/corpus/corpus";

const OUTCOMES: Outcome[] = ["right", "named", "refused", "wrong"];
const LABEL: Record<Outcome, string> = { right: "正确", named: "其他读法", refused: "未评分", wrong: "错误" };

function tally(rows: Judged[], key: (j: Judged) => string): void {
  const groups = new Map<string, Record<Outcome, number>>();
  for (const j of rows) {
    const k = key(j);
    const g = groups.get(k) ?? { right: 0, named: 0, refused: 0, wrong: 0 };
    g[j.outcome] += 1;
    groups.set(k, g);
  }
  for (const [k, g] of [...groups.entries()].sort()) {
    const n = OUTCOMES.reduce((s, o) => s + g[o], 0);
    console.log(`  ${k.padEnd(12, "　")} ${String(n).padStart(4)} 行  ${OUTCOMES.map((o) => `${LABEL[o]} ${g[o]}`).join("  ")}`);
  }
}

const judged = judgeCorpus();
const docs = new Set(judged.map((j) => j.doc.file));
const provinces = new Set(judged.map((j) => j.doc.province));
const count = (o: Outcome) => judged.filter((j) => j.outcome === o).length;
const pct = (n: number) => (judged.length ? ((100 * n) / judged.length).toFixed(1) : "0.0");
console.log(`真实语料：${judged.length} 行，来自 ${docs.size} 份文件、${provinces.size} 个省份。`);
console.log(`  ${OUTCOMES.map((o) => `${LABEL[o]} ${count(o)}（${pct(count(o))}%）`).join("，")}`);
console.log("按类型：");
tally(judged, (j) => j.row.family);
console.log("按省份：");
tally(judged, (j) => j.doc.province);
for (const o of ["wrong", "named", "refused"] as Outcome[]) {
  const list = judged.filter((j) => j.outcome === o);
  if (list.length === 0) continue;
  console.log(`${LABEL[o]}：`);
  for (const j of list) {
    const want = j.row.manual ? "人工评分" : j.row.expectedRange ? `${j.row.expectedRange[0]}–${j.row.expectedRange[1]}` : String(j.row.expected);
    console.log(`  [${j.doc.file}] ${j.row.name}：应为 ${want}，引擎 ${j.said}`);
  }
}

const refused: string[] = [];
let read = 0;
for (const entry of RULE_CORPUS) {
  const r = tryParseRule(entry.text);
  if (r.ok) read += 1;
  else refused.push(`  [${entry.seed}] ${entry.indicator}：${r.error.message}`);
}
console.log(`种子文件评分规则：共 ${RULE_CORPUS.length} 条，读出 ${read} 条，未读出 ${refused.length} 条。`);
for (const line of refused) console.log(line);
