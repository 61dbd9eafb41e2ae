/**
 * Each file of a folder in isolation: a pool of worker threads, one file at a time each, every worker with
 * a heap limit (resourceLimits) and every file with a time limit. A file that runs out of memory or time
 * ends its worker only — it is reported in Chinese and a fresh worker takes the next file — so one file never
 * stops or crashes the others. Reports are handed on as they come.
 */
import { availableParallelism } from "os";
import { join } from "path";
import type { ResourceLimits, Worker } from "worker_threads";
import { BUNDLED, startWorkerFile, workerFile } from "./worker-file";
import type { FileReport } from "./check-output";
import type { CheckTask } from "./check-worker";

export interface PoolOptions {
  jobs: number;
  /** Heap of one worker (old generation), MB. */
  heapMb: number;
  /** Time for one file, seconds. */
  seconds: number;
}

/** bin/early-worker.js, loaded at run time (it runs before this bundle): the worker it may have started, and its limits. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const early = require(join(__dirname, "..", "..", "bin", "early-worker.js")) as {
  takeEarlyWorker(file: string, limits: ResourceLimits): Worker | undefined;
  WORKER_LIMITS: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number };
};

/**
 * How many workers a check uses unless --jobs says: one per core, at most 4. Every worker compiles the engine
 * anew, on V8's background threads, so on 2 cores a second worker gains nothing on a folder of 200 (measured
 * 1.00×: one worker and its compiler already use both cores) but is ≈10% faster on 1,000 files checked only, and
 * 10–20% faster wherever copies are written (bench/check; paired runs).
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, 4));
}

export const DEFAULT_POOL: PoolOptions = {
  jobs: defaultJobs(),
  heapMb: early.WORKER_LIMITS.maxOldGenerationSizeMb,
  seconds: 60,
};

function startWorker(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: early.WORKER_LIMITS.maxYoungGenerationSizeMb };
  return (BUNDLED ? early.takeEarlyWorker(workerFile("check-worker"), resourceLimits) : undefined) ?? startWorkerFile("check-worker", resourceLimits);
}

const failed = (file: string, reason: string): FileReport => ({ file, tables: [], findings: [], error: `无法检查文件“${file}”：${reason}` });

/**
 * Runs one task on `worker`: its report, or a report of why the worker had to end. `sent`: the task was
 * already posted (sent ahead, behind the one before it). `ahead`: posted now too, to start as soon as this one
 * is done — the worker never waits for this thread to hand it the next file. The time limit counts from now:
 * the worker starts a task when it has reported the one before it (check-worker.ts runs one at a time).
 */
function runOn(worker: Worker, task: CheckTask, opts: PoolOptions, sent: boolean, ahead?: CheckTask): Promise<{ report: FileReport; alive: boolean }> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (report: FileReport, alive: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (!alive) void worker.terminate();
      resolve({ report, alive });
    };
    // A report comes as JSON text (check-worker.ts): one string copied across, parsed here once.
    const onMessage = (m: { report: FileReport } | { json: string }) => finish("json" in m ? (JSON.parse(m.json) as FileReport) : m.report, true);
    const onError = (e: Error & { code?: string }) =>
      finish(
        failed(
          task.file,
          e.code === "ERR_WORKER_OUT_OF_MEMORY" ? `内存用量超过上限 ${opts.heapMb} MB，已停止检查该文件` : `检查时出错，已停止检查该文件（${e.message}）`,
        ),
        false,
      );
    const onExit = (code: number) => finish(failed(task.file, `检查进程意外退出（退出码 ${code}）`), false);
    const timer = setTimeout(() => finish(failed(task.file, `检查用时超过上限 ${opts.seconds} 秒，已停止检查该文件`), false), opts.seconds * 1000);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    if (!sent) worker.postMessage(task);
    if (ahead) worker.postMessage(ahead);
  });
}

/** Checks every task; `onReport` is called as each file finishes (in finishing order); returns reports in task order. */
export async function runPool(
  tasks: CheckTask[],
  opts: PoolOptions,
  onReport: (report: FileReport, index: number) => void,
  onStart?: (task: CheckTask, index: number) => void,
): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(tasks.length);
  let next = 0;
  const take = () => (next < tasks.length ? next++ : undefined);
  const lane = async () => {
    let worker: Worker | undefined;
    // The task sent ahead to this lane's worker, queued behind the one it is checking.
    let queued: number | undefined;
    try {
      for (let i = take(); i !== undefined; ) {
        // A worker that ended took no task of its queue with it: a fresh one is sent it again.
        const sent = worker !== undefined && queued === i;
        worker ??= startWorker(opts.heapMb);
        // One task ahead, while there are more than lanes can start (the last files go to whichever lane is free).
        const ahead = tasks.length - next > lanes ? take() : undefined;
        queued = ahead;
        onStart?.(tasks[i], i);
        const { report, alive } = await runOn(worker, tasks[i], opts, sent, ahead === undefined ? undefined : tasks[ahead]);
        if (!alive) worker = undefined;
        reports[i] = report;
        onReport(report, i);
        i = ahead ?? take();
      }
    } finally {
      // Ended without waiting: an idle worker has nothing to finish, and its isolate's teardown (which waits for
      // V8's background compiles) would hold the report back by 10–30 ms.
      if (worker) {
        worker.unref();
        void worker.terminate();
      }
    }
  };
  const lanes = Math.max(1, Math.min(opts.jobs, tasks.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return reports;
}
