import { spawnSync } from "child_process";
import { join } from "path";
import { evaluateFormula, numericResult } from "./hf";

const JX = join(__dirname, "..", "..", "bin", "jx.js");

function jx(args: string[]) {
  const r = spawnSync(process.execPath, [JX, ...args], { encoding: "utf8", timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const RULE = "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止。";
const CELLS = ["--target-cell", "D11", "--actual-cell", "E11", "--weight-cell", "F11"];

describe("jx formula", () => {
  it("prints a formula over the given cells that scores as the engine", () => {
    const r = jx(["formula", "--rule", RULE, ...CELLS]);
    expect(r.code).toBe(0);
    const formula = r.stdout.trim();
    expect(formula).toMatch(/^=ROUND\(/);
    expect(formula).toContain("E11");
    expect(numericResult(evaluateFormula(formula, { D11: "=100%", E11: 0.954, F11: 4 }))).toBe(2.16);
  });

  it("applies --option", () => {
    const r = jx(["formula", "--rule", RULE, ...CELLS, "--option", "步长=整步", "--option", "舍入=截断"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^=ROUNDDOWN\(/);
    expect(numericResult(evaluateFormula(r.stdout.trim(), { D11: "=100%", E11: 0.954, F11: 4 }))).toBe(2.4);
  });

  it("an empty rule compiles the national default rule", () => {
    const r = jx(["formula", ...CELLS]);
    expect(r.code).toBe(0);
    expect(numericResult(evaluateFormula(r.stdout.trim(), { D11: "≥95%", E11: 0.9, F11: 10 }))).toBe(9.47);
  });

  it.each([
    [["--rule", "视情节严重程度酌情扣分", ...CELLS], /无法写成公式.*酌情/],
    [["--rule", "这不是规则", ...CELLS], /无法识别评分规则/],
    [["--rule", RULE, "--target-cell", "D11", "--actual-cell", "E 11", "--weight-cell", "F11"], /实际值单元格应为单元格地址/],
    [["--rule", RULE, "--target-cell", "D11", "--actual-cell", "E11"], /缺少参数：--weight-cell/],
    [["--rule", RULE, ...CELLS, "--option", "步长=随便"], /不接受取值/],
  ])("exits 2 with a Chinese message: %j", (args, message) => {
    const r = jx(["formula", ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message as RegExp);
  });
});
