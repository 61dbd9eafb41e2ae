/**
 * The built add-in files (dist/), as Excel would load them: functions.js run in a bare V8 context whose
 * only global is the CustomFunctions stand-in (no require, process or Buffer), plus both metadata files.
 * Builds once with webpack when dist/ has no functions bundle yet (npm test builds before jest).
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
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

export function ensureBuilt(): void {
  const needed = ["functions.js", "functions.json", "functions.zh-cn.json"];
  if (needed.every((f) => existsSync(join(DIST, f)))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: join(DIST, ".."), stdio: "pipe" });
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
