import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkManifest } from "../../scripts/manifest-checks";

const ROOT = join(__dirname, "..", "..");
const GOOD = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function failures(xml: string): string[] {
  return checkManifest(xml).flatMap((r) => r.problems);
}

function broken(from: string | RegExp, to: string): string {
  const out = GOOD.replace(from, to);
  expect(out).not.toBe(GOOD);
  return out;
}

describe("checkManifest", () => {
  test("the project's manifest.xml passes every check", () => {
    const results = checkManifest(GOOD);
    expect(results.length).toBe(11);
    expect(results.filter((r) => r.problems.length)).toEqual([]);
  });

  test("malformed XML is reported and stops the other checks", () => {
    const results = checkManifest(GOOD.replace("</Permissions>", "</Permission>"));
    expect(results).toHaveLength(1);
    expect(results[0].problems.length).toBeGreaterThan(0);
  });

  test("a root that is not a TaskPaneApp OfficeApp", () => {
    expect(failures(broken('xsi:type="TaskPaneApp"', 'xsi:type="MailApp"')).join()).toMatch(/TaskPaneApp/);
  });

  test("<Runtimes> after <AllFormFactors> breaks the element order after <Host>", () => {
    const runtimes = GOOD.match(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/)?.[0] ?? "";
    const moved = GOOD.replace(runtimes, "").replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
    expect(failures(moved).join()).toMatch(/<Runtimes> 应位于 <AllFormFactors> 之前/);
  });

  test("OfficeApp children out of order, or a required one missing", () => {
    const perms = "<Permissions>ReadWriteDocument</Permissions>";
    expect(failures(GOOD.replace(perms, "").replace("<Hosts>\n    <Host Name", `${perms}\n  <Hosts>\n    <Host Name`)).join()).toMatch(/<Hosts> 应位于 <Permissions> 之前/);
    expect(failures(GOOD.replace(perms, "")).join()).toMatch(/缺少 <Permissions>/);
  });

  test("a resid with no resource, or pointing into the wrong collection", () => {
    expect(failures(broken('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>')).join()).toMatch(/Group\.Missing.*没有定义/);
    expect(failures(broken('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>')).join()).toMatch(/应定义在 <bt:ShortStrings>/);
  });

  test("runtime resid inconsistent across Runtimes, Page and FunctionFile", () => {
    const xml = broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>');
    expect(failures(xml).join()).toMatch(/<FunctionFile> 的 resid="Functions.Script.Url" 与 <Runtime resid="Taskpane.Url"> 不一致/);
    const page = broken(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page><SourceLocation resid="Functions.Script.Url"/>');
    expect(failures(page).join()).toMatch(/自定义函数 <Page>/);
  });

  test("a short lifetime or a missing SharedRuntime requirement", () => {
    expect(failures(broken('lifetime="long"', 'lifetime="short"')).join()).toMatch(/lifetime 应为 long/);
    expect(failures(broken('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>')).join()).toMatch(/SharedRuntime/);
  });

  test("http URLs, including a locale override", () => {
    expect(failures(broken('DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"')).join()).toMatch(/不是 https/);
    expect(failures(broken('Value="https://localhost:3000/functions.zh-cn.json"', 'Value="http://localhost:3000/functions.zh-cn.json"')).join()).toMatch(/不是 https/);
    expect(failures(broken('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://')).join()).toMatch(/IconUrl/);
  });

  test("duplicate resource ids and control ids", () => {
    expect(failures(broken('<bt:String id="Group.Label"', '<bt:String id="Functions.Namespace"')).join()).toMatch(/id="Functions.Namespace" 定义了2次/);
    expect(failures(broken('id="JX.TaskpaneButton"', 'id="JX.Group"')).join()).toMatch(/控件 id="JX.Group" 出现了2次/);
  });

  test("a missing or invalid function namespace", () => {
    expect(failures(broken(/\s*<Namespace resid="Functions.Namespace"\/>/, "")).join()).toMatch(/缺少 <Namespace>/);
    expect(failures(broken('<bt:String id="Functions.Namespace" DefaultValue="JX"/>', '<bt:String id="Functions.Namespace" DefaultValue="绩效"/>')).join()).toMatch(/命名空间/);
  });

  test("texts longer than the manifest allows", () => {
    expect(failures(broken('<bt:String id="Group.Label" DefaultValue="JX">', `<bt:String id="Group.Label" DefaultValue="${"长".repeat(126)}">`)).join()).toMatch(/Group.Label.*126个字符，超过125/);
    expect(failures(broken('<Override Locale="zh-CN" Value="JX 绩效自评表评分"/>', `<Override Locale="zh-CN" Value="${"表".repeat(130)}"/>`)).join()).toMatch(/超过125/);
  });

  test("an Id that is not a GUID", () => {
    expect(failures(broken(/<Id>[^<]+<\/Id>/, "<Id>jx-addin</Id>")).join()).toMatch(/GUID/);
  });
});

describe("npm run validate (scripts/validate-manifest.ts)", () => {
  const run = (file: string) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/validate-manifest.ts"), file], { encoding: "utf8" }) };
    } catch (err) {
      const e = err as { status: number; stdout: string };
      return { code: e.status, out: e.stdout };
    }
  };

  test("prints every check and exits 0 for the project's manifest", () => {
    const r = run(join(ROOT, "manifest.xml"));
    expect(r.code).toBe(0);
    expect(r.out.match(/^✓ /gm)).toHaveLength(11);
    expect(r.out).toMatch(/全部 11 项检查通过/);
  });

  test("exits 1 and names the problem for a broken manifest", () => {
    const dir = mkdtempSync(join(tmpdir(), "jx-manifest-"));
    const file = join(dir, "manifest.xml");
    writeFileSync(file, GOOD.replace('lifetime="long"', 'lifetime="short"'));
    const r = run(file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ 共享运行时/);
    expect(r.out).toMatch(/1 项检查未通过/);
  });
});
