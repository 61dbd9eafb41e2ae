import { checkWorkbook } from "../../src/check";
import { detectTables } from "../../src/sheet";
import { classifyPath } from "../../src/sheet/classify";
import { applyColumns, parseColumnsSpec, parseTableSpec } from "../../src/sheet/override";
import { VOCABULARY } from "../../src/sheet/vocabulary";
import { specToGrid, type SheetSpec } from "../../examples/specs/spec";

const grid = (rows: SheetSpec["rows"], merges: string[] = [], name = "表1") => specToGrid({ name, rows, merges });
const RULE = "达到目标值得满分，未达到目标值不得分";

describe("header paths classified by keyword features", () => {
  test.each([
    [["评价指标", "一级指标", "权重(%)"], { kind: "levelWeight", level: 1 }],
    [["评价指标", "三级指标", "名称"], { kind: "level", level: 3 }],
    [["三级指标分值"], { kind: "levelWeight", level: 3 }],
    [["考核分值"], { kind: "column", key: "weight" }],
    [["参考分值"], { kind: "column", key: "weight" }],
    [["满分值"], { kind: "column", key: "weight" }],
    [["标准分"], { kind: "column", key: "weight" }],
    [["核查", "得分"], { kind: "column", key: "verified" }],
    [["复核评分"], { kind: "column", key: "verified" }],
    [["自评", "得分"], { kind: "column", key: "score" }],
    [["评(扣)分标准"], { kind: "column", key: "rule" }],
    [["计分方法"], { kind: "column", key: "rule" }],
    [["年度", "指标值"], { kind: "column", key: "target" }],
    [["计划值"], { kind: "column", key: "target" }],
    [["实际完成情况"], { kind: "column", key: "actual" }],
    [["得分说明"], { kind: "column", key: "explanation" }],
    [["序号"], { kind: "ignore" }],
    [["一级标准"], { kind: "level", level: 1 }],
  ])("%j", (path, role) => {
    expect(classifyPath(path)).toEqual(role);
  });

  test("titles, values and long texts name no role", () => {
    expect(classifyPath(["部门整体支出绩效评价评分表(参考样表)"])).toBeNull();
    expect(classifyPath(["20%"])).toBeNull();
    expect(classifyPath(["≥95%"])).toBeNull();
  });

  test("every vocabulary word is read with the role it is listed under, and names where it came from", () => {
    for (const entry of VOCABULARY) {
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const word of entry.words) {
        const role = classifyPath([word]);
        const got = role?.kind === "column" ? role.key : role?.kind === "level" ? "name" : role?.kind === "levelWeight" ? "weight" : role?.kind;
        expect([word, got]).toEqual([word, entry.role]);
      }
    }
  });
});

describe("layouts of issue 10", () => {
  test("核查评分表: 评价指标 over 一级/二级/三级指标, each 名称 | 权重(%), 自评得分 and 核查得分 side by side", () => {
    const g = grid(
      [
        ["某县部门整体支出绩效自评核查评分表"],
        ["评价指标", null, null, null, null, null, "评分标准", "自评得分", "核查得分"],
        ["一级指标", null, "二级指标", null, "三级指标", null, null, null, null],
        ["名称", "权重(%)", "名称", "权重(%)", "名称", "权重(%)", null, null, null],
        ["决策", 20, "目标设定", 20, "绩效目标合理性", 10, RULE, 10, 10],
        [null, null, null, null, "绩效指标明确性", 10, RULE, 10, 8],
        ["产出", 80, "产出数量", 80, "完成数量", 80, RULE, 80, 80],
        ["合计", 100, null, null, null, null, null, 100, 98],
      ],
      ["A1:I1", "A2:F2", "G2:G4", "H2:H4", "I2:I4", "A3:B3", "C3:D3", "E3:F3", "A5:A6", "B5:B6", "C5:C6", "D5:D6"],
    );
    const result = checkWorkbook([g]);
    expect(result.tables).toHaveLength(1);
    const [t] = result.details.map((d) => d.table);
    expect(t.header).toEqual({ top: 1, bottom: 3 });
    expect(t.columns).toMatchObject({ level: [0, 2, 4], levelWeight: [1, 3, null], weight: 5, rule: 6, score: 7, verified: 8 });
    expect(t.reading.columns.find((c) => c.role === "level1Weight")?.header).toBe("评价指标 › 一级指标 › 权重(%)");
    expect(t.blocks.map((b) => [b.weight, b.score, b.verified])).toEqual([[10, 10, 10], [10, 10, 8], [80, 80, 80]]);
    // The 核查 score differs on one row: said, and the table is not "0 problems".
    expect(result.findings.map((f) => `${f.cell} ${f.kind}`)).toContain("I6 verified-differs");
  });

  test("a weight column headed by a prefixed …分值 is read, so the scores are checked", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "考核分值", "得分"],
      ["产出指标", "数量指标", "完成数", "≥10个", "5个", 60, 60],
      ["效益指标", "社会效益", "满意度", "≥90%", "95%", 40, 40],
    ]);
    const result = checkWorkbook([g]);
    expect(result.tables[0].weightSum).toBe(100);
    expect(result.findings.map((f) => `${f.cell} ${f.kind}`)).toEqual(["G2 score-diverges"]);
  });

  test("序号 column, a prompt left in a score cell, an unused 可选项 and a section heading are not counted", () => {
    const g = grid(
      [
        ["序号", "一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"],
        ["一、部门决策", null, null, null, null, null, null],
        [1, "决策", "目标设定", "目标明确性", 40, RULE, 40],
        [2, "产出", "经济效益(可选项)", "带动增收", 30, RULE, 30],
        [3, null, "社会效益(可选项)", "就业人数", null, RULE, null],
        [4, null, "质量", "合格率", 30, RULE, "（请填写自评得分）"],
        ["合计", null, null, null, 100, null, 70],
      ],
      ["A2:G2"],
    );
    const [t] = detectTables(g);
    expect(t.rows.map((r) => r.name)).toEqual(["目标明确性", "带动增收", "合格率"]);
    expect(t.columns.level).toEqual([1, 2, 3]);
    // 序号 numbers are neither names nor weights.
    expect(t.reading.columns.some((c) => c.column === "A")).toBe(false);
    expect(t.reading.skipped.map((s) => s.reason)).toEqual(["分节标题“一、部门决策”", "可选项未选用（无权重、无得分）"]);
    // The prompt is an empty score, not an unreadable one.
    expect(t.blocks[2]).toMatchObject({ score: null, scoreRaw: null });
    expect(t.total).toMatchObject({ weight: 100, score: 70 });
  });

  test("自评得分 written in the header block beside the title is the total compared", () => {
    const g = grid([
      ["2022年度项目支出绩效自评表", null, null, "自评得分", 95],
      ["一级指标", "三级指标", "分值", "评分标准", "得分"],
      ["产出", "完成数", 60, RULE, 60],
      ["效益", "满意度", 40, RULE, 40],
    ]);
    const result = checkWorkbook([g]);
    expect(result.details[0].table.total).toMatchObject({ position: "header", score: 95, scoreCell: { address: "E1" } });
    expect(result.findings.map((f) => `${f.cell} ${f.kind} ${f.severity}`)).toEqual(["E1 total-diverges error"]);
  });

  test("a header repeated after a page break continues the same table", () => {
    const head = ["一级指标", "三级指标", "分值", "评分标准", "得分"];
    const g = grid([head, ["产出", "完成数", 60, RULE, 60], head, ["效益", "满意度", 40, RULE, 40], ["合计", null, 100, null, 100]]);
    const tables = detectTables(g);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((r) => r.name)).toEqual(["完成数", "满意度"]);
    expect(tables[0].reading.skipped).toEqual([{ row: 2, reason: "分页后重复的表头" }]);
    expect(tables[0].total).toMatchObject({ weight: 100, score: 100 });
  });

  test("a table without a weight column is a warning, never silence", () => {
    const g = grid([["一级指标", "三级指标", "指标值", "实际值", "得分"], ["产出", "完成数", "10个", "10个", 5]]);
    const result = checkWorkbook([g]);
    expect(result.findings.map((f) => [f.kind, f.severity])).toEqual([["table-unchecked", "warning"]]);
    expect(result.findings[0].message).toMatch(/^未识别到权重列，未核对得分。/);
    expect(result.tables[0].reading?.notComputed).toEqual([{ reason: "未读到权重", count: 1, rows: [2] }]);
  });

  test("a workbook without any table is a warning finding", () => {
    const result = checkWorkbook([grid([["收入科目", "预算数"], ["财政拨款收入", 100]])]);
    expect(result.tables).toEqual([]);
    expect(result.findings.map((f) => [f.sheet, f.cell, f.kind, f.severity])).toEqual([["表1", "A1", "no-table", "warning"]]);
  });
});

describe("the user's correction (TableOverride)", () => {
  const unknown = () =>
    grid([
      ["类别", "事项", "目标", "完成", "A值", "B值"],
      ["产出", "完成数", "≥5个", "5个", 60, 60],
      ["效益", "满意度", "≥90%", "90%", 40, 40],
    ]);

  test("--columns text and --table text are parsed; wrong ones say why in Chinese", () => {
    expect(parseColumnsSpec("权重=F, 自评得分=i，核查得分=J,忽略=A,忽略=B")).toEqual({ weight: "F", score: "I", verified: "J", ignore: ["A", "B"] });
    expect(parseTableSpec("'表 1'!A5:K40")).toEqual({ sheet: "表 1", range: { top: 4, left: 0, bottom: 39, right: 10 } });
    expect(parseTableSpec("Sheet1!$A$5:$K$40").sheet).toBe("Sheet1");
    expect(() => parseColumnsSpec("分数=F")).toThrow("未知的列角色“分数”");
    expect(() => parseColumnsSpec("权重F")).toThrow("应写成 角色=列字母");
    expect(() => parseTableSpec("Sheet1!A5:")).toThrow("无法识别表格范围");
  });

  test("a range and columns read a table the header search cannot", () => {
    expect(detectTables(unknown())).toEqual([]);
    const [t] = detectTables(unknown(), [{ sheet: "表1", range: "A1:F3", columns: parseColumnsSpec("一级指标=A,三级指标=B,目标值=C,实际值=D,权重=E,自评得分=F") }]);
    expect(t.reading.source).toBe("override");
    expect(t.rows.map((r) => r.path)).toEqual([["产出", "完成数"], ["效益", "满意度"]]);
    expect(t.blocks.map((b) => [b.weight, b.score])).toEqual([[60, 60], [40, 40]]);
  });

  test("columns alone correct the tables found; another sheet's correction is not applied", () => {
    const g = grid([["一级指标", "三级指标", "分值", "评分标准", "得分", "复核"], ["产出", "完成数", 100, RULE, 90, 100]]);
    expect(detectTables(g)[0].columns.score).toBe(4);
    const [t] = detectTables(g, [{ columns: { score: "F", ignore: "E" } }]);
    expect(t.columns.score).toBe(5);
    expect(t.blocks[0].score).toBe(100);
    expect(detectTables(g, [{ sheet: "别的表", columns: { score: "F" } }])[0].columns.score).toBe(4);
  });

  test("a level's own weight column can be given (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值, 海南)", () => {
    expect(parseColumnsSpec("一级指标权重=B,二级指标权重=D")).toEqual({ level1Weight: "B", level2Weight: "D" });
    const g = grid([
      ["一级指标", "A", "二级指标", "B", "三级指标", "C", "得分"],
      ["项目决策", 20, "项目目标", 4, "目标内容", 4, 4],
      ["", "", "决策过程", 16, "决策依据", 16, 16],
    ]);
    expect(detectTables(g)[0].levelWeights).toEqual([]);
    const [t] = detectTables(g, [{ columns: parseColumnsSpec("一级指标权重=B,二级指标权重=D,权重=F") }]);
    expect(t.levelWeights.map((w) => [w.path.join("/"), w.weight])).toEqual([["项目决策", 20], ["项目决策/项目目标", 4], ["项目决策/决策过程", 16]]);
    expect(t.blocks.map((b) => b.weight)).toEqual([4, 16]);
  });

  test("a column given a role loses the one it had", () => {
    const [t] = detectTables(grid([["一级指标", "三级指标", "分值", "得分"], ["产出", "完成数", 100, 100]]));
    const map = applyColumns(t.columns, { weight: "D" });
    expect(map.weight).toBe(3);
    expect(map.score).toBeNull();
  });
});

test("a rule text naming 满分 is no header: 10,000 rows of a table are one table, not 10,000 candidates", () => {
  const rows: SheetSpec["rows"] = [["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"]];
  for (let i = 0; i < 2000; i++) rows.push([i % 50 === 0 ? `一级${i / 50}` : null, i % 10 === 0 ? `二级${i / 10}` : null, `指标${i}`, "≥90%", "95%", 0.05, "达到目标值得满分", 0.05]);
  const tables = detectTables(grid(rows));
  expect(tables).toHaveLength(1);
  expect(tables[0].rows).toHaveLength(2000);
});
