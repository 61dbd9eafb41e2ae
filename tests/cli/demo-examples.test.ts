/** `npm run demo` names no machine path and counts alike in its two parts; `npm run examples` is byte-stable. */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { homedir, tmpdir } from "os";
import { join } from "path";
import { strToU8, zipSync } from "fflate";
import { samePackage } from "../../scripts/build-examples";
import { EXAMPLES } from "../../examples/specs";
import { specToWorkbook } from "../../examples/specs/to-workbook";

const ROOT = join(__dirname, "..", "..");
jest.setTimeout(240_000);

describe("npm run examples", () => {
  test("two packages with the same parts are the same whatever their zip timestamps; one changed part is not", () => {
    const parts = { "xl/workbook.xml": strToU8("<workbook/>"), "[Content_Types].xml": strToU8("<Types/>") };
    const a = zipSync(parts, { mtime: new Date(2020, 0, 1) });
    const b = zipSync(parts, { mtime: new Date(2024, 5, 6) });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(samePackage(a, b)).toBe(true);
    expect(samePackage(a, zipSync({ ...parts, "xl/workbook.xml": strToU8("<workbook x='1'/>") }))).toBe(false);
    expect(samePackage(a, zipSync({ ...parts, "xl/extra.xml": strToU8("") }))).toBe(false);
  });

  test.each(EXAMPLES.map((s) => [s.file, s] as const))("%s: the committed file is what the spec writes now, so nothing is rewritten", async (file, spec) => {
    const fresh = new Uint8Array(await specToWorkbook(spec).xlsx.writeBuffer());
    expect(samePackage(readFileSync(join(ROOT, "examples", file)), fresh)).toBe(true);
  });
});

describe("npm run demo", () => {
  let out = "";
  beforeAll(() => {
    const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "demo.ts")], { cwd: ROOT, encoding: "utf8", timeout: 230_000 });
    expect(r.status).toBe(0);
    out = r.stdout;
  });

  test("names no path of the machine it runs on", () => {
    for (const p of [ROOT, tmpdir(), homedir(), "../shared", "/work/"]) expect(out).not.toContain(p);
    expect(out).toContain("文件：examples/000-部门整体绩效自评表.xlsx");
  });

  test("the first part's count of problems is jx check's for the same table", () => {
    const first = /\n发现(\d+个问题（错误\d+，警告\d+，提示\d+）)：与下面 jx check/.exec(out);
    expect(first).not.toBeNull();
    const block = out.slice(out.indexOf("文件：examples/000-部门整体绩效自评表.xlsx"));
    const second = /发现(\d+个问题（错误\d+，警告\d+，提示\d+）)：/.exec(block);
    expect(second?.[1]).toBe(first![1]);
  });

  test("each row is labelled with the kind it was scored by; checklist explanations name the gate point", () => {
    expect(out).toMatch(/政策知晓率[^\n]*\n {2}计算得分 10（定性指标，按文字比对；规则为线性扣分）/);
    expect(out).toMatch(/财务管理制度健全性[^\n]*\n[^\n]*要点计分[^\n]*\n[^\n]*关键要点1已具备/);
  });
});
