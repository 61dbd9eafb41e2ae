/** bin/early-worker.js: a folder check's first worker starts before the bundle loads, and is taken or let go. */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

jest.setTimeout(120000);

const ROOT = join(__dirname, "..", "..");
const EARLY = join(ROOT, "bin", "early-worker.js");
const SEED000 = join(ROOT, "examples", "000-部门整体绩效自评表.xlsx");

/** Runs `script` in a fresh node: early-worker.js is module state, one process per case. */
function node(script: string) {
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: ROOT, timeout: 60000 });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr };
}

function folder(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "jx-early-"));
  mkdirSync(join(dir, "报送"));
  const file = join(dir, "报送", "a.xlsx");
  copyFileSync(SEED000, file);
  copyFileSync(SEED000, join(dir, "报送", "b.xlsx"));
  return { dir, file };
}

const probe = (argv: string[]) => `
  const e = require(${JSON.stringify(EARLY)});
  const dir = require("path").join(${JSON.stringify(ROOT)}, "build", "cli");
  require(${JSON.stringify(join(ROOT, "scripts", "build-cli.js"))}).cliBundle();
  e.startEarlyWorker(${JSON.stringify(["node", "jx", ...argv])}, dir);
  const w = e.takeEarlyWorker(require("path").join(dir, "check-worker.js"), e.WORKER_LIMITS);
  console.log(w ? "started" : "none");
  if (w) w.terminate();
`;

describe("early worker", () => {
  test("started for a folder or several files, not for one file, --help or another command", () => {
    const { dir, file } = folder();
    expect(node(probe(["check", join(dir, "报送")])).out).toBe("started");
    expect(node(probe(["check", file, join(dir, "报送", "b.xlsx"), "--no-write"])).out).toBe("started");
    expect(node(probe(["check", file, "--no-write"])).out).toBe("none");
    expect(node(probe(["check", join(dir, "报送"), "--help"])).out).toBe("none");
    expect(node(probe(["score", join(dir, "报送")])).out).toBe("none");
    expect(node(probe(["check", join(dir, "不存在")])).out).toBe("none");
  });

  test("taken only for the same worker file and limits; otherwise ended", () => {
    const { dir } = folder();
    const script = `
      const e = require(${JSON.stringify(EARLY)});
      const dir = require("path").join(${JSON.stringify(ROOT)}, "build", "cli");
      require(${JSON.stringify(join(ROOT, "scripts", "build-cli.js"))}).cliBundle();
      e.startEarlyWorker(["node", "jx", "check", ${JSON.stringify(join(dir, "报送"))}], dir);
      const other = e.takeEarlyWorker(require("path").join(dir, "check-worker.js"), { ...e.WORKER_LIMITS, maxOldGenerationSizeMb: 64 });
      const again = e.takeEarlyWorker(require("path").join(dir, "check-worker.js"), e.WORKER_LIMITS);
      console.log(String(Boolean(other)) + " " + String(Boolean(again)));
    `;
    expect(node(script).out).toBe("false false");
  });

  test("a worker nobody takes does not keep the process alive", () => {
    const { dir } = folder();
    const script = `
      const e = require(${JSON.stringify(EARLY)});
      const dir = require("path").join(${JSON.stringify(ROOT)}, "build", "cli");
      require(${JSON.stringify(join(ROOT, "scripts", "build-cli.js"))}).cliBundle();
      e.startEarlyWorker(["node", "jx", "check", ${JSON.stringify(join(dir, "报送"))}], dir);
      console.log("done");
    `;
    const t0 = Date.now();
    const r = node(script);
    expect(r.out).toBe("done");
    expect(r.code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(30000);
  });

  test("the taken worker checks the folder: the same reports as workers started by the pool", () => {
    const { dir } = folder();
    const jx = (args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin", "jx.js"), "check", ...args], { encoding: "utf8", cwd: ROOT, timeout: 100000 });
    const viaEarly = jx([join(dir, "报送"), "--no-write", "--json", "--jobs", "1"]);
    // Two files named one by one on the command line start it too; a single-lane pool over the same files.
    const named = jx([join(dir, "报送", "a.xlsx"), join(dir, "报送", "b.xlsx"), "--no-write", "--json", "--jobs", "2"]);
    expect(viaEarly.status).toBe(named.status);
    expect(JSON.parse(viaEarly.stdout).files).toEqual(JSON.parse(named.stdout).files);
    expect(JSON.parse(viaEarly.stdout).files).toHaveLength(2);
  });
});
