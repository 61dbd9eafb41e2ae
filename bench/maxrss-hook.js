// Preloaded into a benchmarked `jx` process (node --require): its peak resident memory, worker threads
// included, printed on stderr at exit for bench/hostile.bench.ts.
process.on("exit", () => process.stderr.write(`\nJX_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
