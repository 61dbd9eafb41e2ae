/**
 * Writes the 校验汇总 in a worker thread started with the check (check-summary.ts): exceljs, about 0.35 s to
 * load, is loaded here at start — while the files are being checked — instead of after the last one. One
 * message: the summary, the file and --force; one answer: done, or the Chinese reason it could not be written.
 */
import { isMainThread, parentPort } from "worker_threads";
import "../../src/adapters/summary-xlsx-file";
import { writeSummaryJob, type SummaryJob } from "./check-summary";

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.once("message", (job: SummaryJob) => void writeSummaryJob(job).then((answer) => port.postMessage(answer)));
}
