/**
 * The built add-in (dist/, from `npm run build`): bundle sizes, and =JX.* calls per second through the
 * functions bundle loaded as Excel loads it (the stand-in runtime of the tests). Printed figures only.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { loadBuiltBundle } from "../tests/functions/built-bundle";

const dist = join(__dirname, "..", "dist");
if (!existsSync(join(dist, "functions.js"))) {
  console.log("dist/functions.js 不存在：先运行 npm run build");
  process.exit(0);
}

for (const file of ["functions.js", "taskpane.js", "functions.json", "functions.zh-cn.json"]) {
  const path = join(dist, file);
  if (!existsSync(path)) continue;
  const bytes = readFileSync(path);
  console.log(`${file}：${(bytes.length / 1024).toFixed(1)} KiB，gzip 后 ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB`);
}

const { runtime } = loadBuiltBundle();
const fn = (id: string) => {
  const f = runtime.registered.get(id);
  if (!f) throw new Error(`${id} 未注册`);
  return f;
};

function perSecond(label: string, calls: number, body: (i: number) => unknown): void {
  for (let i = 0; i < 200; i++) body(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) body(i);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${label}：${Math.round(calls / seconds).toLocaleString("zh-CN")} 次/秒（${calls} 次，${seconds.toFixed(2)} 秒）`);
}

const RULE = "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止";
const score = fn("SCORE");
const linear = fn("LINEAR_DEDUCT");
const bracket = fn("BRACKET");
const weights = fn("WEIGHTS");
perSecond("=JX.SCORE（规则文字，每次解析）", 20000, (i) => score(RULE, "=100%", 0.9 + (i % 100) / 1000, 4, null));
perSecond("=JX.LINEAR_DEDUCT", 20000, (i) => linear(0.9 + (i % 100) / 1000, 1, 4, 0.1, null, null, null));
perSecond("=JX.BRACKET（数组常量）", 20000, (i) => bracket(0.8 + (i % 200) / 1000, [[1, 0.95, 0.9, 0.85]], [[4, 3, 2, 1]], null));
const column = Array.from({ length: 1000 }, (_, i) => [i % 10 === 0 ? null : 0.1]);
perSecond("=JX.WEIGHTS（1000 个单元格）", 2000, () => weights(column, 90));
