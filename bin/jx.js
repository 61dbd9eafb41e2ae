#!/usr/bin/env node
// The jx command runs compiled JavaScript: build/cli/jx.js, bundled by esbuild at install (the prepare script,
// scripts/build-cli.js) and rebuilt first when a source file is newer. No TypeScript loader at start-up.
const { cliBundle } = require("../scripts/build-cli.js");
require(cliBundle())
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
