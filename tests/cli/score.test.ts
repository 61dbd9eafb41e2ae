import { spawnSync } from "child_process";
import { join } from "path";

const JX = join(__dirname, "..", "..", "bin", "jx.js");

function jx(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [JX, ...args], { input, encoding: "utf8", timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const RULE = "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止。";

describe("jx score", () => {
  test("prints the score, the kind and the arithmetic", () => {
    const r = jx(["score", "--rule", RULE, "--target", "=100%", "--actual", "95.4%", "--weight", "4"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("得分：2.16（线性扣分）");
    expect(r.stdout).toContain("低于目标4.6个百分点");
    expect(r.stdout).toContain("按整步计（不足一步不扣） → 2.4");
  });

  test("--json has the documented shape", () => {
    const r = jx(["score", "--rule", RULE, "--target", "=100%", "--actual", "95.4%", "--weight", "4", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ score: 2.16, kind: "linear" });
    expect(out.explanation).toContain("共扣1.84分");
    expect(out.alternatives).toEqual(expect.arrayContaining([{ reading: expect.stringContaining("整步"), score: 2.4 }]));
  });

  test("--json and the text name the assumptions the row does not settle", () => {
    const r = jx(["score", "--rule", "", "--target", "0.9%", "--actual", "1.2%", "--weight", "10", "--name", "森林火灾受害率", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.assumptions).toEqual(["目标值未写≥或≤，按指标名称“森林火灾受害率”判断为越低越好"]);
    expect(out.score).toBe(7.5);
    const text = jx(["score", "--rule", "", "--target", "0.9%", "--actual", "1.2%", "--weight", "10", "--name", "森林火灾受害率"]);
    expect(text.stdout).toContain("假设（请确认）：目标值未写≥或≤，按指标名称“森林火灾受害率”判断为越低越好");
  });

  test("--option changes the reading", () => {
    const r = jx(["score", "--rule", RULE, "--target", "=100%", "--actual", "95.4%", "--weight", "4", "--json", "--option", "步长=就近"]);
    expect(JSON.parse(r.stdout).score).toBe(2);
  });

  test("an empty rule is the national default rule", () => {
    const r = jx(["score", "--target", "≥95%", "--actual", "90%", "--weight", "10", "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ score: 9.47, kind: "default" });
  });

  test("an unreadable rule: JSON error and exit 2", () => {
    const r = jx(["score", "--rule", "参照上年度结果确定", "--target", "=100%", "--actual", "95%", "--weight", "4", "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toContain("无法识别评分规则");
    expect(r.stderr).toContain("错误：无法识别评分规则");
    const plain = jx(["score", "--rule", "参照上年度结果确定", "--target", "=100%", "--actual", "95%", "--weight", "4"]);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toBe("");
    expect(plain.stderr).toContain("无法识别评分规则");
  });

  test("usage errors are Chinese, exit 2", () => {
    const missing = jx(["score", "--rule", RULE]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("缺少参数");
    const badOption = jx(["score", "--target", "1", "--actual", "1", "--weight", "1", "--option", "speed=fast"]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("未知的选项");
    const unknown = jx(["score", "--frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("未知选项");
  });

  test("--jsonl answers every line in order; a bad line is an error line and the rest go on", () => {
    const lines = [
      JSON.stringify({ rule: RULE, target: "=100%", actual: "95.4%", weight: 4 }),
      "{not json",
      JSON.stringify({ rule: "", target: "≥95%", actual: "90%", weight: 10 }),
      JSON.stringify({ rule: RULE, target: "=100%", actual: "95.4%", weight: 4, options: { stepCounting: "whole" } }),
      JSON.stringify({ rule: RULE, target: "=100%", actual: "95.4%", weight: "x" }),
    ].join("\n");
    const r = jx(["score", "--jsonl"], lines + "\n");
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0].score).toBe(2.16);
    expect(out[1].error).toContain("第2行：不是有效的 JSON");
    expect(out[2].score).toBe(9.47);
    expect(out[3].score).toBe(2.4);
    expect(out[4].error).toContain("权重无效");
    expect(r.code).toBe(2);
  });

  test("jx --help is Chinese with examples", () => {
    const top = jx(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("用法：");
    expect(top.stdout).toContain("score");
    const sub = jx(["score", "--help"]);
    expect(sub.stdout).toContain("示例：");
    expect(sub.stdout).toContain("步长计算");
  });
});

test("several --option flags all apply (not only the last)", () => {
  const r = jx(["score", "--rule", RULE, "--target", "=100%", "--actual", "95.37%", "--weight", "4", "--json", "--option", "stepCounting=whole", "--option", "rounding=integer"]);
  expect(JSON.parse(r.stdout).score).toBe(2); // whole steps give 2.4, then integer rounding gives 2
});

test("`npx jx` finds the project's own bin after npm ci (linked by the prepare script), not a registry package", () => {
  const bin = join(__dirname, "..", "..", "node_modules", ".bin", process.platform === "win32" ? "jx.cmd" : "jx");
  const r = spawnSync(bin, ["score", "--rule", RULE, "--target", "=100%", "--actual", "95.4%", "--weight", "4", "--json"], { encoding: "utf8", timeout: 60000, shell: process.platform === "win32" });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).score).toBe(2.16);
});
