/**
 * Writes the 校验汇总 in a worker thread started with the check (check-summary.ts SummaryWriter): exceljs,
 * about 0.35 s to load, is loaded here at start, and each file's rows are written as its report comes — while
 * the files are still being checked. Messages: begin (the file, --force), one per file in the inputs' order,
 * end; one answer: done, or the Chinese reason the summary could not be written.
 */
import { isMainThread, parentPort } from "worker_threads";
import { SummaryBuilder } from "../../src/check/summary";
import { SummaryFileWriter } from "../../src/adapters/summary-xlsx-file";
import { summaryWriteError, type SummaryAnswer, type SummaryMessage } from "./check-summary";
import { writeAtomically } from "./check-paths";

/** One summary, written as its messages come. */
export class StreamedSummary {
  private readonly builder = new SummaryBuilder();
  private writer: Promise<SummaryFileWriter | undefined> | undefined;
  private ended: (() => void) | undefined;
  private failed: unknown;
  private done: Promise<SummaryAnswer> | undefined;

  async handle(m: SummaryMessage): Promise<SummaryAnswer | undefined> {
    if (m.kind === "begin") {
      let opened!: (w: SummaryFileWriter | undefined) => void;
      this.writer = new Promise((resolve) => (opened = resolve));
      // The temporary file is named and opened by writeAtomically; it is renamed into place after the end.
      this.done = writeAtomically(
        m.file,
        (tmp) => {
          const w = new SummaryFileWriter(tmp);
          opened(w);
          return new Promise<void>((resolve) => (this.ended = resolve)).then(() => {
            if (this.failed) throw this.failed;
            return w.finish();
          });
        },
        m.force,
      ).then(
        (): SummaryAnswer => ({ ok: true }),
        (e): SummaryAnswer => ({ ok: false, error: summaryWriteError(m.file, e) }),
      );
      // Refused before a file was opened (its folder cannot be made): the parts are let go, the end answers why.
      void this.done.then(() => opened(undefined));
      return undefined;
    }
    const writer = await this.writer;
    if (m.kind === "file") {
      if (!writer) return undefined;
      try {
        if (!this.failed) writer.add(this.builder.add(m.input));
      } catch (e) {
        this.failed = e;
      }
      return undefined;
    }
    this.ended?.();
    return this.done ?? { ok: false, error: "内部错误：校验汇总未开始写出" };
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const summary = new StreamedSummary();
  // One message after another: a file's rows are added only once the file before it is in.
  let queue = Promise.resolve();
  port.on("message", (m: SummaryMessage) => {
    queue = queue.then(async () => {
      const answer = await summary.handle(m);
      if (answer) port.postMessage(answer);
    });
  });
}
