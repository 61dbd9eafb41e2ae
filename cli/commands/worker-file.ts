/**
 * A worker thread of jx check: bundled, cli/commands/<name>.ts is build/cli/<name>.js beside the bundle
 * (scripts/build-cli.js); run from TypeScript (tsx, jest), the worker loads tsx first.
 */
import { extname, join } from "path";
import { Worker, type ResourceLimits } from "worker_threads";

const TS = extname(__filename) === ".ts";

/** The file a worker named `name` runs (check-worker). */
export function workerFile(name: string): string {
  return join(__dirname, TS ? `${name}.ts` : `${name}.js`);
}

/** Whether this code runs bundled (workers are .js files) rather than from TypeScript. */
export const BUNDLED = !TS;

export function startWorkerFile(name: string, resourceLimits?: ResourceLimits): Worker {
  const file = workerFile(name);
  if (!TS) return new Worker(file, { resourceLimits });
  const boot = `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(file)});`;
  return new Worker(boot, { eval: true, resourceLimits });
}
