#!/usr/bin/env node
// The jx command runs compiled JavaScript: build/cli/jx.js, bundled by esbuild at install (the prepare script,
// scripts/build-cli.js) and rebuilt first when a source file is newer. No TypeScript loader at start-up.
//
// A smaller inlining budget for V8's optimising compiler, set before any code is hot and before any worker
// starts (workers share the process's V8 flags). jx is a short-lived command: every worker compiles the engine
// anew, and with the default budget that compilation costs more CPU than a check of a few hundred files earns
// back from it (on 2 cores it competes with the checking itself). Measured by bench/check.bench.ts, which
// runs jx through this file; results do not depend on it.
require("v8").setFlagsFromString("--max-inlined-bytecode-size-cumulative=300");
const path = require("path");
const { cliBundle } = require("../scripts/build-cli.js");
const bundle = cliBundle();
// A folder check: its first worker starts now, while the bundle loads (bin/early-worker.js).
require("./early-worker.js").startEarlyWorker(process.argv, path.dirname(bundle));
require(bundle)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
