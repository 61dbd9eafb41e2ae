// The jx command runs compiled JavaScript, not TypeScript through a loader at every call: esbuild bundles
// cli/main.ts and the engine it imports into build/cli/jx.js (dependencies stay in node_modules). Built by the
// `prepare` script, so `npm ci` and `npm link` build it; `npm run build:cli` rebuilds it by hand.
//
// A developer who edits cli/ or src/ must not run a stale bundle (the tests spawn bin/jx.js too): bin/jx.js asks
// cliBundle(), which compares the bundle's build time with the modification times of the files it was built from
// (listed in build/cli/inputs.json) and rebuilds first when one is newer. The check costs about a millisecond.
// Files are written beside their final name and renamed, so concurrent runs never see a half-written bundle.
//
// Entry points: cli/main.ts -> jx.js, and every cli/**/*.worker.ts or *-worker.ts -> <basename>.js beside it
// (a worker thread started from the bundle loads `join(__dirname, "<basename>.js")`).
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUT_DIR = path.join(ROOT, "build", "cli");
const MAIN = path.join(OUT_DIR, "jx.js");
const INPUTS = path.join(OUT_DIR, "inputs.json");

function workerEntries(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...workerEntries(p));
    else if (/[.-]worker\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

/** How jx is compiled (bench/check.bench.ts measures the engine compiled the same way). */
const CLI_ESBUILD_OPTIONS = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  logLevel: "warning",
};

/** Bundles the CLI; returns the path of build/cli/jx.js. */
function buildCli() {
  const esbuild = require("esbuild");
  const builtAt = Date.now();
  const entryPoints = { jx: path.join(ROOT, "cli", "main.ts") };
  for (const w of workerEntries(path.join(ROOT, "cli"))) entryPoints[path.basename(w, ".ts")] = w;
  fs.mkdirSync(path.dirname(OUT_DIR), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(OUT_DIR), ".cli-"));
  try {
    const result = esbuild.buildSync({
      ...CLI_ESBUILD_OPTIONS,
      entryPoints,
      outdir: tmp,
      sourcemap: true,
      metafile: true,
      absWorkingDir: ROOT,
    });
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith("node_modules/"));
    fs.writeFileSync(path.join(tmp, "inputs.json"), JSON.stringify({ builtAt, inputs }) + "\n");
    // The bundles first, the list of inputs last: a reader that sees the new list sees the new bundles.
    const files = fs.readdirSync(tmp).sort((a, b) => (a === "inputs.json") - (b === "inputs.json"));
    for (const f of files) fs.renameSync(path.join(tmp, f), path.join(OUT_DIR, f));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return MAIN;
}

/** True when build/cli/jx.js is missing or older than one of the files it was built from. */
function isStale() {
  let meta;
  try {
    meta = JSON.parse(fs.readFileSync(INPUTS, "utf8"));
    fs.statSync(MAIN);
  } catch {
    return true;
  }
  for (const rel of meta.inputs) {
    let st;
    try {
      st = fs.statSync(path.join(ROOT, rel));
    } catch {
      return true;
    }
    if (st.mtimeMs > meta.builtAt) return true;
  }
  return false;
}

/** The bundle to run: rebuilt first when stale; the one there only when esbuild is not installed. */
function cliBundle() {
  if (!isStale()) return MAIN;
  let esbuildMissing = false;
  try {
    require.resolve("esbuild");
  } catch {
    esbuildMissing = true;
  }
  if (esbuildMissing && fs.existsSync(MAIN)) return MAIN;
  try {
    return buildCli();
  } catch (e) {
    if (e && Array.isArray(e.errors) && e.errors.length) {
      // esbuild has already printed where the sources do not compile.
      process.stderr.write(`错误：jx 命令的源代码无法编译（见上方的错误），未运行。\n`);
    } else {
      process.stderr.write(`错误：无法构建 jx 命令（${e && e.message ? e.message.split("\n")[0] : e}）。请在 ${ROOT} 中运行 npm ci 或 npm run build:cli。\n`);
    }
    process.exit(2);
  }
}

module.exports = { buildCli, cliBundle, isStale, OUT_DIR, CLI_ESBUILD_OPTIONS };

if (require.main === module) {
  const out = buildCli();
  process.stdout.write(`已构建：${path.relative(process.cwd(), out)}\n`);
}
