/** Runs every bench/*.bench.ts in turn; each prints its own figures. */
import { execFileSync } from "child_process";
import { readdirSync } from "fs";
import { join } from "path";

const only = process.argv[2];
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)))
  .sort();
for (const f of files) {
  console.log(`\n== ${f} ==`);
  execFileSync(process.execPath, ["--import", "tsx", "--expose-gc", join(__dirname, f)], { stdio: "inherit" });
}
