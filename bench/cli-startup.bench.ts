/**
 * The command line's start-up against bare node (held to at most +0.3 s): `jx --help`, `jx score` and
 * `jx template list` through bin/jx.js (the compiled bundle, build/cli/jx.js) against `node -e 0`.
 * Median of several runs each, after one warm-up run (which also rebuilds a stale bundle). Printed figures only.
 */
import { spawnSync } from "child_process";
import { join } from "path";

const JX = join(__dirname, "..", "bin", "jx.js");
const RUNS = 9;

function median(args: string[]): number {
  spawnSync(process.execPath, args, { stdio: "ignore" });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: "ignore" });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (r.status !== 0 && !args.includes("--help")) throw new Error(`${args.join(" ")} 退出码 ${r.status}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const bare = median(["-e", "0"]);
console.log(`node -e 0：${bare.toFixed(3)} 秒（${RUNS} 次的中位数）`);
for (const args of [["--help"], ["score", "--target", "≥95%", "--actual", "90%", "--weight", "10"], ["template", "list"]]) {
  const t = median([JX, ...args]);
  const diff = t - bare;
  console.log(`jx ${args.join(" ")}：${t.toFixed(3)} 秒，比 node 多 ${diff.toFixed(3)} 秒（${(t / bare).toFixed(2)} 倍；上限 +0.3 秒${diff <= 0.3 ? "，达标" : "，超出"}）`);
}
