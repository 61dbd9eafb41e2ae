#!/usr/bin/env node
// The jx command runs compiled JavaScript: build/cli/jx.js, bundled by esbuild at install (the prepare script,
// scripts/build-cli.js) and rebuilt first when a source file is newer. No TypeScript loader at start-up.
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
