import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { specToWorkbook } from "../../examples/specs/to-workbook";

jest.setTimeout(180000);

const ROOT = join(__dirname, "..", "..");

function jx(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "jx.js"), "check", ...args], { encoding: "utf8", cwd, timeout: 170000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A table whose header words JX does not know (类别/事项/目标/完成/A值/B值): not found unless the user says. */
async function unknownHeaders(dir: string): Promise<string> {
  const file = join(dir, "自定义表头.xlsx");
  await specToWorkbook({
    file: "自定义表头.xlsx",
    source: "test",
    sheets: [
      {
        name: "表1",
        rows: [
          ["某单位自定义格式"],
          ["类别", "事项", "目标", "完成", "A值", "B值"],
          ["产出", "完成数", "≥5个", "5个", 60, 60],
          ["效益", "满意度", "≥90%", "80%", 40, 40],
        ],
        merges: [],
      },
    ],
  }).xlsx.writeFile(file);
  return file;
}

const COLUMNS = "一级指标=A,三级指标=B,目标值=C,实际值=D,权重=E,自评得分=F";

describe("jx check --table / --columns / jx-defaults.json", () => {
  test("no table found: a counted warning and exit 1, never 0 problems", async () => {
    const file = await unknownHeaders(mkdtempSync(join(tmpdir(), "jx-tables-")));
    const r = jx([file, "--no-write", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].tables).toEqual([]);
    expect(doc.files[0].findings.map((f: { kind: string; severity: string }) => `${f.kind} ${f.severity}`)).toEqual(["no-table warning"]);
    expect(jx([file, "--no-write"]).stdout).toContain("发现1个问题");
  });

  test("the user's range and columns: the table is read with them, said so, and checked", async () => {
    const file = await unknownHeaders(mkdtempSync(join(tmpdir(), "jx-tables-")));
    const r = jx([file, "--no-write", "--json", "--table", "表1!A2:F4", "--columns", COLUMNS]);
    const doc = JSON.parse(r.stdout);
    const [t] = doc.files[0].tables;
    expect(t).toMatchObject({ range: "A2:F4", indicators: 2, weightSum: 100 });
    expect(t.reading.source).toBe("override");
    expect(t.reading.headerRows).toBe("2");
    expect(t.reading.columns.map((c: { label: string; column: string; header: string }) => `${c.label}=${c.column}（${c.header}）`)).toEqual([
      "一级指标=A（类别）", "三级指标=B（事项）", "目标值=C（目标）", "实际值=D（完成）", "权重=E（A值）", "自评得分=F（B值）",
    ]);
    // 满意度 80% against ≥90%: 40×80/90 = 35.56 by the national default rule, reported 40.
    expect(doc.files[0].findings.map((f: { cell: string; kind: string }) => `${f.cell} ${f.kind}`)).toEqual(["F4 score-diverges"]);
    const text = jx([file, "--no-write", "--table", "表1!A2:F4", "--columns", COLUMNS]).stdout;
    expect(text).toContain("按指定读取：表头第2行；一级指标=A（类别）");
    expect(text).toContain("读取2行指标，有权重2行，有自评得分2行，JX 可计算得分2行");
  });

  test("jx-defaults.json in the working folder keeps a bureau's template; a wrong role is a usage error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jx-tables-"));
    const file = await unknownHeaders(dir);
    writeFileSync(join(dir, "jx-defaults.json"), JSON.stringify({ tolerance: 0.005, tables: [{ sheet: "表1", range: "A2:F4", columns: { 一级指标: "A", 三级指标: "B", 目标值: "C", 实际值: "D", 权重: "E", 自评得分: "F" } }] }));
    const r = jx([file, "--no-write", "--json"], dir);
    expect(JSON.parse(r.stdout).files[0].tables[0].reading.source).toBe("override");
    const bad = jx([file, "--no-write", "--columns", "分数列=F"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("未知的列角色“分数列”");
  });
});
