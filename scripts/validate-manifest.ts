/**
 * `npm run validate`: offline checks of manifest.xml (see scripts/manifest-checks.ts for what is checked
 * and why). Prints every check with its result; exits 1 if any fails. `npm run validate:online` runs
 * Microsoft's office-addin-manifest validator, which needs the network.
 */
import { readFileSync } from "fs";
import { checkManifest } from "./manifest-checks";

const file = process.argv[2] ?? "manifest.xml";
let xml: string;
try {
  xml = readFileSync(file, "utf8");
} catch (err) {
  console.error(`无法读取清单文件 ${file}：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const results = checkManifest(xml);
console.log(`检查清单 ${file}（离线检查，不替代 Microsoft 的在线验证 npm run validate:online）`);
for (const r of results) {
  console.log(`${r.problems.length ? "✗" : "✓"} ${r.check}`);
  for (const p of r.problems) console.log(`    - ${p}`);
}
const failed = results.filter((r) => r.problems.length).length;
console.log(failed ? `${failed} 项检查未通过` : `全部 ${results.length} 项检查通过`);
process.exit(failed ? 1 : 0);
