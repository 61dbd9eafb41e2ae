/**
 * The built add-in files (dist/), as Excel would load them: functions.js run in a bare V8 context whose
 * only global is the CustomFunctions stand-in (no require, process or Buffer), plus both metadata files.
 * Builds with webpack when dist/ has no functions bundle, or one older than the sources it is built from
 * (npm test builds just before jest, so there it is never rebuilt).
 */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { createContext, runInContext } from "vm";
import { makeRuntime, type StandInRuntime } from "./stand-in";
import type { FunctionsMetadata } from "../../functions/metadata/zh-cn";

export const DIST = join(__dirname, "..", "..", "dist");

export interface BuiltBundle {
  source: string;
  runtime: StandInRuntime;
  metadata: FunctionsMetadata;
  zhCn: FunctionsMetadata;
}

const ROOT = join(DIST, "..");
// What the functions bundle and its metadata are built from.
const SOURCES = ["functions", "src/rules", "src/values", "webpack.config.js", "scripts/zh-cn-metadata-plugin.js", "scripts/no-node-modules-plugin.js", "manifest.xml"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function ensureBuilt(): void {
  const needed = ["functions.js", "functions.json", "functions.zh-cn.json", "taskpane.html", "excel.html"].map((f) => join(DIST, f));
  const built = needed.every((f) => existsSync(f)) ? Math.min(...needed.map((f) => statSync(f).mtimeMs)) : 0;
  if (built > 0 && built >= Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
}

export function loadBuiltBundle(): BuiltBundle {
  ensureBuilt();
  const source = readFileSync(join(DIST, "functions.js"), "utf8");
  const runtime = makeRuntime();
  const context = createContext({ CustomFunctions: runtime });
  runInContext(source, context, { filename: "functions.js" });
  const read = (f: string) => JSON.parse(readFileSync(join(DIST, f), "utf8")) as FunctionsMetadata;
  return { source, runtime, metadata: read("functions.json"), zhCn: read("functions.zh-cn.json") };
}
