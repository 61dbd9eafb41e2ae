#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx jx` works right after `npm ci` with no build step.
require("tsx/cjs");
require("../cli/main.ts")
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
