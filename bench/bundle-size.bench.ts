/**
 * Bundle sizes from dist/ (run `npm run build` first): what Excel loads for the pane and the functions,
 * raw and gzip, and the chunks the pane loads only in a plain browser (exceljs).
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";

const DIST = join(__dirname, "..", "dist");

function sizes(file: string): { raw: number; gzip: number } {
  const data = readFileSync(join(DIST, file));
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function line(label: string, s: { raw: number; gzip: number }) {
  console.log(`${label.padEnd(34)} ${kib(s.raw).padStart(12)} ${kib(s.gzip).padStart(12)}`);
}

function main() {
  if (!existsSync(join(DIST, "taskpane.js"))) {
    console.log("dist/taskpane.js 不存在：请先运行 npm run build。");
    return;
  }
  const js = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  const lazy = js.filter((f) => f !== "taskpane.js" && f !== "functions.js");
  console.log(`${"bundle".padEnd(34)} ${"raw".padStart(12)} ${"gzip".padStart(12)}`);
  const pane = sizes("taskpane.js");
  line("taskpane.js (pane, loaded in Excel)", pane);
  if (existsSync(join(DIST, "functions.js"))) line("functions.js (custom functions)", sizes("functions.js"));
  const chunks = lazy.map((f) => ({ f, s: sizes(f) }));
  for (const { f, s } of chunks) line(`  ${f} (browser mode, on demand)`, s);
  const browser = chunks.reduce((a, c) => ({ raw: a.raw + c.s.raw, gzip: a.gzip + c.s.gzip }), pane);
  line("pane total in a plain browser", browser);
}

main();
