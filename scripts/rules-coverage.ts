/** `npm run rules:coverage`: how many corpus rule texts the parser reads, and why the rest are refused. */
import { tryParseRule } from "../src/rules/parse";
import { RULE_CORPUS } from "../tests/fixtures/rule-corpus";

const refused: string[] = [];
const kinds = new Map<string, number>();
let read = 0;
for (const entry of RULE_CORPUS) {
  const r = tryParseRule(entry.text);
  if (r.ok) {
    read += 1;
    kinds.set(r.rule.kind, (kinds.get(r.rule.kind) ?? 0) + 1);
  } else {
    refused.push(`  [${entry.seed}] ${entry.indicator}：${r.error.message}`);
  }
}
const distinct = new Set(RULE_CORPUS.map((e) => e.text)).size;
console.log(`评分规则语料：共 ${RULE_CORPUS.length} 条（不同文字 ${distinct} 条），读出 ${read} 条，未读出 ${refused.length} 条。`);
console.log(`按类型：${[...kinds.entries()].map(([k, n]) => `${k} ${n}`).join("，")}`);
if (refused.length > 0) {
  console.log("未读出：");
  for (const line of refused) console.log(line);
}
