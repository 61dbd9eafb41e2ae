// A folder check's first worker thread, started before the jx bundle is loaded: the worker boots and loads
// build/cli/check-worker.js on the other core while this thread loads jx.js and lists the folder (≈0.1 s
// of a check's start-up). cli/commands/check-pool.ts takes it for its first lane; a worker nobody takes
// (a single file, a usage error) is unref'd and never keeps the process alive.
"use strict";
const fs = require("fs");
const path = require("path");

/** Every check worker's heap: the pool starts its workers with the same limits (a file over them is refused alone). */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 };

let early;

/** `jx check` with a folder or several files among its arguments: worth a worker. Options are not inputs. */
function wantsWorker(argv) {
  if (argv[2] !== "check" || argv.includes("--help") || argv.includes("-h")) return false;
  const args = argv.slice(3).filter((a) => !a.startsWith("-"));
  let files = 0;
  for (const a of args) {
    try {
      const st = fs.statSync(a);
      if (st.isDirectory()) return true;
      if (st.isFile()) files++;
    } catch {
      // not a path: an option's value, or an input the check itself will report
    }
  }
  return files > 1;
}

/** Starts the worker of `bundleDir`/check-worker.js when `argv` asks for a folder check. */
function startEarlyWorker(argv, bundleDir) {
  const file = path.join(bundleDir, "check-worker.js");
  if (early || !wantsWorker(argv) || !fs.existsSync(file)) return;
  const { Worker } = require("worker_threads");
  early = { file, worker: new Worker(file, { resourceLimits: WORKER_LIMITS }) };
  early.worker.unref();
  // An error before the pool takes it (it cannot start): the pool starts its own.
  early.worker.once("error", () => (early = undefined));
}

/** The early worker, if it runs `file` with `limits`: the caller owns it from now on (it is ref'd again). */
function takeEarlyWorker(file, limits) {
  const taken = early;
  early = undefined;
  if (!taken || path.resolve(taken.file) !== path.resolve(file) || JSON.stringify(limits) !== JSON.stringify(WORKER_LIMITS)) {
    if (taken) void taken.worker.terminate();
    return undefined;
  }
  taken.worker.removeAllListeners("error");
  taken.worker.ref();
  return taken.worker;
}

module.exports = { startEarlyWorker, takeEarlyWorker, WORKER_LIMITS };
