/**
 * Parse and parse+score throughput of this checkout against an earlier commit of the engine, measured in one
 * process, in interleaved rounds, so a busy machine slows both alike. Prints the ratio (now / then).
 * The earlier commit is BENCH_BASELINE (default: the last commit before issue 9's engine work), checked out
 * into a temporary git worktree that shares this checkout's node_modules.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { RULE_CORPUS } from "../tests/fixtures/rule-corpus";
import { judgeCorpus } from "../tests/corpus/corpus";

const BASELINE = process.env.BENCH_BASELINE ?? "bf83321";
const root = join(__dirname, "..");

function baselineCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), "jx-baseline-"));
  execFileSync("git", ["-C", root, "worktree", "add", "--detach", dir, BASELINE], { stdio: "ignore" });
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  return dir;
}

type Score = (input: Record<string, unknown>) => { ok: boolean };
type Parse = (text: string) => unknown;

const dir = baselineCheckout();
try {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const now = { parse: require("../src/rules/parse").tryParseRule as Parse, score: require("../src/rules/score").scoreRow as Score };
  const then = { parse: require(join(dir, "src/rules/parse")).tryParseRule as Parse, score: require(join(dir, "src/rules/score")).scoreRow as Score };
  // Every text read afresh, as the baseline (which had no cache) does.
  require("../src/rules/parse").setParseCache(false);
  const texts = RULE_CORPUS.map((e) => e.text);
  // The seed rules on plausible values, and the real-world corpus rows as printed.
  const rows: Record<string, unknown>[] = [
    ...RULE_CORPUS.map((e) => {
      const kind = "refuse" in e.expect ? "refused" : String((e.expect as { kind: string }).kind);
      const wordy = kind === "checklist" || kind === "qualitative" || kind === "manual";
      return { rule: e.text, target: wordy ? "健全" : "=100%", actual: wordy ? "健全" : "95.4%", weight: 4 };
    }),
    ...judgeCorpus().map((j) => ({ rule: j.row.rule, target: j.row.target, actual: j.row.actual, weight: j.row.weight, name: j.row.name })),
  ];
  const time = (body: () => void, rounds: number): number => {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < rounds; r += 1) body();
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const measure = (label: string, a: () => void, b: () => void, n: number) => {
    for (let w = 0; w < 20; w += 1) (a(), b());
    let ta = 0;
    let tb = 0;
    for (let round = 0; round < 10; round += 1) {
      ta += time(a, 20);
      tb += time(b, 20);
    }
    const perA = (200 * n) / ta;
    const perB = (200 * n) / tb;
    console.log(`${label}：现在 ${Math.round(perA).toLocaleString("zh-CN")} 次/秒，${BASELINE} ${Math.round(perB).toLocaleString("zh-CN")} 次/秒，比值 ${(perA / perB).toFixed(2)}`);
  };
  measure(`解析（种子语料 ${texts.length} 条）`, () => texts.forEach((t) => now.parse(t)), () => texts.forEach((t) => then.parse(t)), texts.length);
  measure(`解析并评分（${rows.length} 行）`, () => rows.forEach((r) => now.score(r)), () => rows.forEach((r) => then.score(r)), rows.length);
} finally {
  execFileSync("git", ["-C", root, "worktree", "remove", "--force", dir], { stdio: "ignore" });
}
