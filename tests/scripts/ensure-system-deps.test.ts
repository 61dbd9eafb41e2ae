/**
 * scripts/ensure-system-deps.sh (run by `pretest` and .ci/run) against stand-ins for dpkg-query, id, sudo and
 * apt-get on PATH: which packages it installs, how (root or sudo), and the one message when it cannot.
 */
import { spawnSync } from "child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const SCRIPT = join(__dirname, "..", "..", "scripts", "ensure-system-deps.sh");
const ALL = ["chromium", "libreoffice-calc-nogui", "fonts-wqy-zenhei"];

interface Machine {
  installed: string[];
  uid: number;
  sudo?: "passwordless" | "password" | "absent";
  aptFails?: "update" | "install";
  noApt?: boolean;
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "jx-sysdeps-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function stub(name: string, body: string): void {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/bash\n${body}\n`);
  chmodSync(p, 0o755);
}

function run(m: Machine) {
  const log = join(dir, "calls.log");
  for (const tool of ["grep", "env", "cat"]) symlinkSync(spawnSync("/bin/sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim(), join(dir, tool));
  stub("dpkg-query", `case " ${m.installed.join(" ")} " in *" \${@: -1} "*) printf 'install ok installed';; *) exit 1;; esac`);
  stub("id", `echo ${m.uid}`);
  if (!m.noApt) {
    stub("apt-get", `echo "apt-get $* DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >> ${log}; [ "$1" = "${m.aptFails ?? "none"}" ] && exit 100; exit 0`);
  }
  if (m.sudo && m.sudo !== "absent") {
    stub("sudo", `if [ "$1" = "-n" ]; then ${m.sudo === "passwordless" ? "exit 0" : "exit 1"}; fi; echo "sudo" >> ${log}; exec "$@"`);
  }
  const r = spawnSync("/bin/bash", [SCRIPT], { env: { PATH: dir }, encoding: "utf8", input: "" });
  return { code: r.status, stderr: r.stderr, calls: existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : [] };
}

test("nothing missing: nothing run, exit 0", () => {
  const r = run({ installed: ALL, uid: 1000, sudo: "absent" });
  expect(r).toMatchObject({ code: 0, calls: [] });
  expect(r.stderr).toBe("");
});

test("as root: apt-get update, then apt-get install of the missing packages only", () => {
  const r = run({ installed: ["chromium"], uid: 0 });
  expect(r.code).toBe(0);
  expect(r.calls).toEqual([
    "apt-get update -q DEBIAN_FRONTEND=noninteractive",
    "apt-get install -y -q libreoffice-calc-nogui fonts-wqy-zenhei DEBIAN_FRONTEND=noninteractive",
  ]);
});

test("not root, passwordless sudo: the same through sudo", () => {
  const r = run({ installed: [], uid: 1000, sudo: "passwordless" });
  expect(r.code).toBe(0);
  expect(r.calls).toEqual(["sudo", "apt-get update -q DEBIAN_FRONTEND=noninteractive", "sudo", `apt-get install -y -q ${ALL.join(" ")} DEBIAN_FRONTEND=noninteractive`]);
});

test.each([
  ["no sudo", { installed: ["chromium", "fonts-wqy-zenhei"], uid: 1000, sudo: "absent" } as Machine, "不能使用 sudo"],
  ["sudo wants a password and there is no terminal", { installed: ["chromium", "fonts-wqy-zenhei"], uid: 1000, sudo: "password" } as Machine, "不能使用 sudo"],
  ["no apt-get", { installed: ["chromium", "fonts-wqy-zenhei"], uid: 0, noApt: true } as Machine, "没有 apt-get"],
])("%s: stops at once with one Chinese message naming the packages and the command", (_, machine, reason) => {
  const r = run(machine);
  expect(r.code).toBe(1);
  expect(r.calls).toEqual([]);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(reason);
  expect(lines[0]).toContain("libreoffice-calc-nogui");
  expect(lines[0]).not.toContain("chromium ");
  expect(lines[0]).toContain("apt-get update && apt-get install -y libreoffice-calc-nogui");
});

test("apt-get failing stops with the message, without going on to install", () => {
  const r = run({ installed: [], uid: 0, aptFails: "update" });
  expect(r.code).toBe(1);
  expect(r.calls).toEqual(["apt-get update -q DEBIAN_FRONTEND=noninteractive"]);
  expect(r.stderr).toContain("apt-get update 失败");
  expect(r.stderr).toContain(`apt-get install -y ${ALL.join(" ")}`);
});
