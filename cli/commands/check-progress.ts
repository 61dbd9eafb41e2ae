/**
 * Progress of `jx check` over a folder, on stderr: done/total, the file being checked, time taken and an
 * estimate of the rest. On a terminal one live line, redrawn at most every 100 ms and cut to the terminal's
 * width (a Chinese character is two columns); otherwise (a log file, a pipe, CI) nothing until one final line.
 *
 * Hand-written: cli-progress (3.12, last released 2023) and log-update (ESM only) were considered; neither
 * measures Chinese text by its display width, and the line is twenty lines of code.
 */
import { displayWidth } from "../help";

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** 75 -> "1:15"; 3725 -> "1:02:05". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** Cuts `s` to `width` terminal columns, keeping its end (a path's file name) after an ellipsis. */
function fitEnd(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  const chars = [...s];
  let out = "";
  for (let i = chars.length - 1; i >= 0 && displayWidth(chars[i] + out) <= width - 1; i--) out = chars[i] + out;
  return `…${out}`;
}

export class Progress {
  private done = 0;
  private current = "";
  private lastDraw = -Infinity;
  private drawn = false;
  private firstDone: number | null = null;
  private readonly started: number;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  private get live(): boolean {
    return Boolean(this.stream.isTTY);
  }

  /** A file started (shown as the current one). */
  start(file: string): void {
    this.current = file;
    this.draw(false);
  }

  /** A file finished. */
  finish(file: string): void {
    this.done++;
    this.firstDone ??= this.now();
    if (this.current === "") this.current = file;
    this.draw(this.done === this.total);
  }

  /** The line as it reads now. */
  line(): string {
    const elapsed = (this.now() - this.started) / 1000;
    const pct = this.total ? Math.floor((this.done * 100) / this.total) : 100;
    // The pace since the first file finished: the start of the workers is not counted against every later file.
    const each = this.done > 1 && this.firstDone !== null ? (this.now() - this.firstDone) / 1000 / (this.done - 1) : elapsed / Math.max(1, this.done);
    const rest = this.done > 0 && this.done < this.total ? `，预计还需 ${clock(each * (this.total - this.done))}` : "";
    return `已完成 ${this.done}/${this.total}（${pct}%），用时 ${clock(elapsed)}${rest}`;
  }

  private draw(force: boolean): void {
    if (!this.live) return;
    const t = this.now();
    if (!force && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    const head = this.line();
    const width = (this.stream.columns ?? 80) - 1;
    const room = width - displayWidth(head) - 2;
    const text = room > 8 && this.current && this.done < this.total ? `${head}  ${fitEnd(this.current, room)}` : fitEnd(head, width);
    this.stream.write(`\r${text}\x1b[K`);
    this.drawn = true;
  }

  /** Something else is about to be written to the stream (an error line): the live line makes way. */
  clear(): void {
    if (this.live && this.drawn) this.stream.write("\r\x1b[K");
    this.drawn = false;
    this.lastDraw = -Infinity;
  }

  /** The final line: on a terminal it replaces the live one; elsewhere it is the only one. */
  end(): void {
    if (this.live && this.drawn) this.stream.write("\r\x1b[K");
    const seconds = (this.now() - this.started) / 1000;
    const rate = seconds > 0 ? `，每秒 ${(this.done / seconds).toFixed(1)} 个` : "";
    this.stream.write(`已完成 ${this.done}/${this.total}，用时 ${clock(seconds)}（${seconds.toFixed(1)} 秒${rate}）\n`);
  }
}
