import { detectTables } from "../../src/sheet";
import { specToGrid, type SheetSpec } from "../../examples/specs/spec";
import { seed000, seed001, projectNational } from "../../examples/specs";

const grid = (rows: SheetSpec["rows"], merges: string[] = [], name = "表1") => specToGrid({ name, rows, merges });

describe("detectTables on the example workbooks", () => {
  test("seeds/000: title, budget and task tables above are skipped; one indicator table with merged levels", () => {
    const tables = detectTables(specToGrid(seed000.sheets[0]));
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.rangeA1).toBe("A23:I52");
    expect(t.rows).toHaveLength(27);
    expect(t.hasRuleColumn).toBe(true);
    // Merged level cells are forward-filled.
    const adjust = t.rows.find((r) => r.name === "预算调整率")!;
    expect(adjust.path).toEqual(["部门管理", "资金投入", "预算调整率"]);
    const lastOfLevel1 = t.rows.find((r) => r.name === "重点工作制度健全性")!;
    expect(lastOfLevel1.path).toEqual(["部门管理", "重点工作管理", "重点工作制度健全性"]);
    // The 数量 block: three rows sharing weight 15 and one score.
    const qty = t.blocks[t.rows.find((r) => r.name === "聘请专家人数")!.block];
    expect(qty.rows.map((i) => t.rows[i].name)).toEqual(["购置标准化建设宣传电子屏数量", "聘请专家人数", "工作内容"]);
    expect(qty.weight).toBe(15);
    expect(qty.score).toBe(15);
    // The 效果 block: weight 10 over 经济效益/社会效益/政策知晓率, no score.
    const effect = t.blocks[t.rows.find((r) => r.name === "政策知晓率")!.block];
    expect(effect.rows.map((i) => t.rows[i].name)).toEqual(["经济效益", "社会效益", "政策知晓率"]);
    expect(effect.weight).toBe(10);
    expect(effect.score).toBeNull();
    expect(effect.scoreCell?.address).toBe("I47");
    expect(t.blocks.reduce((s, b) => s + (b.weight ?? 0), 0)).toBe(100);
    expect(t.total).toMatchObject({ label: "合计", weight: 100, score: 96.5, position: "bottom" });
    expect(t.grade).toMatchObject({ grade: "优" });
    // Percent actuals keep their number format.
    const progress = t.rows.find((r) => r.name === "支出进度率")!;
    expect(progress.actual).toBe(0.954);
    expect(progress.actualFormat).toBe("0.0%");
    expect(progress.cells.actual?.address).toBe("E26");
  });

  test("seeds/001: header over two rows, weights in names, level weights per level", () => {
    const [t] = detectTables(specToGrid(seed001.sheets[0]));
    expect(t.header).toEqual({ top: 3, bottom: 4 });
    expect(t.columns.level).toEqual([0, 1, 2]);
    expect(t.columns.note).toBe(3);
    expect(t.columns.rule).toBe(4);
    expect(t.columns.score).toBe(5);
    expect(t.columns.weight).toBeNull();
    const duty = t.rows.find((r) => r.name === "职责明确")!;
    expect(duty.path).toEqual(["投入", "目标设定", "职责明确"]);
    expect(t.blocks[duty.block]).toMatchObject({ weight: 1, weightSource: "name", score: 1 });
    const coverage = t.rows.find((r) => r.name === "目标覆盖率")!;
    expect(coverage.path).toEqual(["投入", "目标覆盖率"]);
    expect(t.levelWeights.find((w) => w.path.join("/") === "投入")).toMatchObject({ level: 1, weight: 15, cell: { address: "A6" } });
    expect(t.levelWeights.find((w) => w.path.join("/") === "投入/目标设定")).toMatchObject({ level: 2, weight: 5 });
  });

  test("national project table: no rule column, 预算执行率 row from the 项目资金 block, 总分 row", () => {
    const [t] = detectTables(specToGrid(projectNational.sheets[0]));
    expect(t.hasRuleColumn).toBe(false);
    expect(t.budgetExecution).toBe(true);
    expect(t.rows[0]).toMatchObject({ name: "预算执行率", target: 93, actual: 88.13, rule: null });
    expect(t.blocks[0]).toMatchObject({ weight: 10, score: 9.48, scoreCell: { address: "J6" } });
    expect(t.rows).toHaveLength(10);
    expect(t.columns.explanation).toBe(8);
    expect(t.total).toMatchObject({ label: "总分", weight: 100, score: 96.26 });
    expect(t.blocks.reduce((s, b) => s + (b.weight ?? 0), 0)).toBe(100);
  });
});

describe("detectTables on layout variants", () => {
  test("header over three rows with a weight column under each level", () => {
    const g = grid(
      [
        ["绩效指标", null, null, null, null, null, "目标值", "实际值", "评分规则", "自评得分"],
        ["一级指标", null, "二级指标", null, "三级指标", null, null, null, null, null],
        ["名称", "权重(%)", "名称", "权重(%)", "名称", "权重(%)", null, null, null, null],
        ["产出", 60, "数量", 60, "完成数量", 60, "≥10个", "10个", "达到目标值得满分，未达到目标值不得分", 60],
        ["效益", 40, "社会效益", 40, "群众满意度", 40, "≥90%", { v: 0.95, fmt: "0%" }, "达到目标值得满分，每降低1%扣权重分的10%，扣完为止", 40],
      ],
      ["A1:F1", "G1:G3", "H1:H3", "I1:I3", "J1:J3", "A2:B2", "C2:D2", "E2:F2"],
    );
    const [t] = detectTables(g);
    expect(t.header).toEqual({ top: 0, bottom: 2 });
    expect(t.columns.level).toEqual([0, 2, 4]);
    expect(t.columns.levelWeight).toEqual([1, 3, null]);
    expect(t.columns.weight).toBe(5);
    expect(t.columns.target).toBe(6);
    expect(t.rows.map((r) => r.name)).toEqual(["完成数量", "群众满意度"]);
    expect(t.levelWeights.map((w) => [w.path.join("/"), w.weight])).toEqual([
      ["产出", 60],
      ["产出/数量", 60],
      ["效益", 40],
      ["效益/社会效益", 40],
    ]);
  });

  test("level cells left blank instead of merged are forward-filled", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 50, 50],
      [null, null, "培训场次", "≥4次", "4次", 20, 20],
      [null, "质量指标", "合格率", "≥95%", "96%", 30, 30],
    ]);
    const [t] = detectTables(g);
    expect(t.rows.map((r) => r.path)).toEqual([
      ["产出指标", "数量指标", "培训人数"],
      ["产出指标", "数量指标", "培训场次"],
      ["产出指标", "质量指标", "合格率"],
    ]);
    expect(t.blocks).toHaveLength(3);
  });

  test("a 合计 row on top of the indicators", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分标准", "得分"],
      ["合计", null, null, null, null, 100, null, 100],
      ["产出", "数量", "完成数", "≥5个", "5个", 60, "达到目标值得满分，未达到目标值不得分", 60],
      ["效益", "满意度", "满意度", "≥90%", "92%", 40, "达到目标值得满分，未达到目标值不得分", 40],
    ]);
    const [t] = detectTables(g);
    expect(t.total).toMatchObject({ position: "top", weight: 100, score: 100, row: 1 });
    expect(t.rows).toHaveLength(2);
  });

  test("two tables in one sheet, with a title between them", () => {
    const header = ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "分值", "评分规则", "自评得分"];
    const g = grid([
      ["单位A绩效自评表"],
      header,
      ["产出", "数量", "完成数", "≥5个", "5个", 100, "达到目标值得满分，未达到目标值不得分", 100],
      ["合计", null, null, null, null, 100, null, 100],
      [],
      ["单位B绩效自评表"],
      header,
      ["产出", "质量", "合格率", "≥95%", "97%", 70, "达到目标值得满分，未达到目标值不得分", 70],
      ["效益", "满意度", "满意度", "≥90%", "91%", 30, "达到目标值得满分，未达到目标值不得分", 30],
      ["合计", null, null, null, null, 100, null, 100],
    ]);
    const tables = detectTables(g);
    expect(tables.map((t) => t.rangeA1)).toEqual(["A2:H4", "A7:H10"]);
    expect(tables.map((t) => t.rows.length)).toEqual([1, 2]);
  });

  test("several sheets: each grid is read on its own", () => {
    const one = grid([["一级指标", "三级指标", "分值", "得分"], ["产出", "完成数", 100, 100]], [], "甲");
    const two = grid([["标题"], ["一级指标", "三级指标", "分值", "得分"], ["产出", "完成数", 100, 90]], [], "乙");
    expect([...detectTables(one), ...detectTables(two)].map((t) => `${t.sheet}!${t.rangeA1}`)).toEqual(["甲!A1:D2", "乙!A2:D3"]);
  });

  test("self score, verified score and explanation columns side by side (核查评分表)", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "评(扣)分标准", "自评得分", "核查得分", "评分说明"],
      ["产出", "数量", "完成数", "≥5个", "4个", 100, "达到目标值得满分，未达到目标值不得分", 100, 0, "未达到目标值"],
    ]);
    const [t] = detectTables(g);
    expect(t.columns).toMatchObject({ rule: 6, score: 7, verified: 8, explanation: 9 });
    expect(t.blocks[0]).toMatchObject({ score: 100, verified: 0, explanation: "未达到目标值" });
  });

  test("a sheet without an indicator table gives no table", () => {
    const g = grid([
      ["收入科目", "预算数", "执行数"],
      ["财政拨款收入", 8383.52, 8352.09],
    ]);
    expect(detectTables(g)).toEqual([]);
  });

  test("the rows under the table (评价结论, narrative) end it", () => {
    const g = grid([
      ["一级指标", "三级指标", "权重", "得分"],
      ["产出", "完成数", 100, 95],
      ["评价结论", "良", null, null],
      ["尚未完成的绩效指标", "无", null, null],
    ]);
    const [t] = detectTables(g);
    expect(t.grade).toMatchObject({ grade: "良", cell: { address: "B3" } });
    expect(t.rangeA1).toBe("A1:D3");
  });
});

describe("detectTables: totals and score columns", () => {
  const head = ["一级指标", "三级指标", "分值", "评分标准", "得分"];
  const rule = "达到目标值得满分，未达到目标值不得分";

  test("group 小计 rows are not mistaken for the table's total", () => {
    const g = grid([
      head,
      ["产出", "完成数", 60, rule, 60],
      ["小计", null, 60, null, 60],
      ["效益", "满意度", 40, rule, 40],
      ["小计", null, 40, null, 40],
    ]);
    const [t] = detectTables(g);
    expect(t.rows.map((r) => r.name)).toEqual(["完成数", "满意度"]);
    expect(t.total).toBeNull();
  });

  test("a single 小计 under the indicators is the total", () => {
    const g = grid([head, ["产出", "完成数", 60, rule, 60], ["效益", "满意度", 40, rule, 40], ["小计", null, 100, null, 100]]);
    expect(detectTables(g)[0].total).toMatchObject({ label: "小计", score: 100, position: "bottom" });
  });

  test("a 核查表 with only 核查得分 checks that score", () => {
    const g = grid([["一级指标", "三级指标", "分值", "评分标准", "核查得分"], ["产出", "完成数", 100, rule, 90]]);
    const [t] = detectTables(g);
    expect(t.columns.score).toBe(4);
    expect(t.blocks[0].score).toBe(90);
  });
});

test("a weight typed as a percent (0.04 in a 0% cell) is 4 points", () => {
  const g = specToGrid({
    name: "表",
    rows: [
      ["一级指标", "三级指标", "权重(%)", "得分"],
      ["产出", "完成数", { v: 0.6, fmt: "0%" }, 60],
      ["效益", "满意度", { v: 0.4, fmt: "0%" }, 40],
      ["合计", null, { v: 1, fmt: "0%" }, 100],
    ],
    merges: [],
  });
  const [t] = detectTables(g);
  expect(t.blocks.map((b) => b.weight)).toEqual([60, 40]);
  expect(t.total?.weight).toBe(100);
});
