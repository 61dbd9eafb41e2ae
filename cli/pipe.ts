/**
 * `jx check DIR | head`: when the reader closes the pipe, writing to stdout fails with EPIPE. That is the
 * reader's choice, not an error: end at once and quietly (no stack trace), as other command-line tools do.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
      throw e;
    });
  }
}
