import { checkWorkbook } from "../../src/check";
import { scoreRow } from "../../src/rules";
import { specToGrid, type SheetSpec } from "../../examples/specs/spec";

const grid = (rows: SheetSpec["rows"], merges: string[] = []) => specToGrid({ name: "自评表", rows, merges });
const HEAD = ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"];
const REACH = "达到目标值得满分，未达到目标值不得分";
const kinds = (rows: SheetSpec["rows"], merges: string[] = [], opts = {}) =>
  checkWorkbook([grid(rows, merges)], opts).findings.map((f) => `${f.cell} ${f.kind} ${f.severity}`);

describe("findings on small tables", () => {
  test("a correct table gives no finding", () => {
    expect(
      kinds([
        HEAD,
        ["产出", "数量", "完成数", "≥5个", "5个", 60, REACH, 60],
        ["效益", "满意度", "满意度", "≥90%", "92%", 40, REACH, 40],
        ["合计", null, null, null, null, 100, null, 100],
      ]),
    ).toEqual([]);
  });

  test("weights that do not add up to the 合计 row", () => {
    const out = checkWorkbook([
      grid([HEAD, ["产出", "数量", "完成数", "≥5个", "5个", 60, REACH, 60], ["效益", "满意度", "满意度", "≥90%", "92%", 30, REACH, 30], ["合计", null, null, null, null, 100, null, 90]]),
    ]);
    expect(out.findings.map((f) => `${f.cell} ${f.kind}`)).toEqual(["F4 weight-sum"]);
    expect(out.findings[0]).toMatchObject({ reported: 100, computed: 90 });
  });

  test("children whose weights do not add up to their parent (weights in names)", () => {
    const out = kinds([
      ["一级指标", "二级指标", "三级指标", "评分标准", "得分"],
      ["产出 (60分)", "数量 (30分)", "完成数 (30分)", REACH, 30],
      [null, "质量 (30分)", "合格率 (20分)", REACH, 20],
      ["效益 (40分)", "满意度 (40分)", "满意度 (50分)", REACH, 40],
    ]);
    expect(out).toEqual(["B3 weight-children error", "B4 weight-children error"]);
  });

  test("a missing 偏差原因 when a score is below its weight; none when it is given or the score is full", () => {
    const head = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
    expect(
      kinds([
        head,
        ["产出指标", "数量指标", "培训人数", "≥100人", "90人", 50, 45, ""],
        ["产出指标", "质量指标", "合格率", "≥90%", "81%", 30, 27, "部分学员未参加考核"],
        ["满意度指标", "满意度", "满意度", "≥90%", "95%", 20, 20, ""],
      ]),
    ).toEqual(["H2 deviation-reason-missing warning"]);
  });

  test("an actual at 1.2 × the target or more is flagged for review; a lower-is-better indicator is not", () => {
    expect(
      kinds([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训人数", "≥100人", "130人", 50, 50],
        ["产出指标", "数量指标", "培训场次", "≥10次", "11次", 30, 30],
        ["产出指标", "成本指标", "成本控制率", "≤100%", "60%", 20, 20],
      ]),
    ).toEqual(["E2 over-achievement info"]);
  });

  test("self and verified scores that differ", () => {
    const out = checkWorkbook([
      grid([
        ["一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "评分标准", "自评得分", "核查得分", "评分说明"],
        ["产出", "数量", "完成数", "≥5个", "4个", 100, REACH, 100, 0, "未达到目标值"],
      ]),
    ]);
    expect(out.findings.map((f) => `${f.cell} ${f.kind} ${f.severity}`)).toEqual(["H2 score-diverges error", "I2 verified-differs info"]);
    expect(out.findings[1].message).toContain("核查得分与按评分规则计算的0分一致");
  });

  test("a grade that does not match the total", () => {
    expect(
      kinds([
        HEAD,
        ["产出", "数量", "完成数", "≥5个", "4个", 60, REACH, 0],
        ["效益", "满意度", "满意度", "≥90%", "92%", 40, REACH, 40],
        ["合计", null, null, null, null, 100, null, 40],
        ["评价结论", null, null, "优"],
      ]),
    ).toEqual(["D5 grade-diverges error"]);
  });

  test("an empty 合计 gets the computed total", () => {
    const out = checkWorkbook([
      grid([HEAD, ["产出", "数量", "完成数", "≥5个", "5个", 60, REACH, 60], ["效益", "满意度", "满意度", "≥90%", "92%", 40, REACH, 40], ["合计", null, null, null, null, 100, null, null]]),
    ]);
    expect(out.findings.map((f) => `${f.cell} ${f.kind}`)).toEqual(["H4 score-missing"]);
    expect(out.findings[0].computed).toBe(100);
  });

  test("a rule the parser cannot read, and an actual that cannot be read, are said so", () => {
    const odd = "按领导意见综合研判";
    expect(scoreRow({ rule: odd, target: "≥5个", actual: "5个", weight: 10 }).ok).toBe(false);
    expect(
      kinds([
        HEAD,
        ["产出", "数量", "完成数", "≥5个", "5个", 50, odd, 50],
        ["产出", "质量", "合格率", "≥95%", "2 95%", 50, "实际值达到目标值得满分,每降低1%扣权重分的10%,扣完为止。", null],
      ]),
    ).toEqual(["G2 rule-unreadable info", "E3 value-unreadable warning"]);
  });

  test("a score cell holding text is reported, not read as zero", () => {
    expect(kinds([HEAD, ["产出", "数量", "完成数", "≥5个", "5个", 100, REACH, "满分"]])).toEqual(["H2 value-unreadable warning"]);
  });
});

test("one score merged over rows that keep their own weights: the block weighs their sum, each row its own", () => {
  const rule = "实际值达到目标值得满分,每降低1%扣权重分的10%,扣完为止。";
  const out = checkWorkbook([
    grid(
      [
        HEAD,
        ["产出", "数量", "完成数", "=100%", { v: 0.95, fmt: "0%" }, 60, rule, 54],
        ["产出", "数量", "完成率", "=100%", { v: 1, fmt: "0%" }, 40, rule, null],
        ["合计", null, null, null, null, 100, null, 54],
      ],
      ["H2:H3"],
    ),
  ]);
  // 60 − 5 × 6 = 30 for 完成数, 40 for 完成率: 70, not 54.
  expect(out.findings.map((f) => `${f.cell} ${f.kind} ${f.computed}`)).toEqual(["H2 score-diverges 70", "H4 total-diverges 70"]);
  expect(out.tables[0].weightSum).toBe(100);
});

test("a 合计 is not checked against scores that cannot be read, and no computed total is claimed over them", () => {
  const out = checkWorkbook([
    grid([
      HEAD,
      ["产出", "数量", "完成数", "≥5个", "5个", 60, REACH, "满分"],
      ["效益", "满意度", "满意度", "≥90%", "92%", 40, "按领导意见综合研判", null],
      ["合计", null, null, null, null, 100, null, 100],
    ]),
  ]);
  expect(out.findings.map((f) => `${f.cell} ${f.kind}`)).toEqual(["H2 value-unreadable", "G3 rule-unreadable"]);
  expect(out.tables[0].total).toEqual({ reported: 100, computed: null });
});

test("per-level weight columns: a level whose children do not add up", () => {
  const rule = "达到目标值得满分，未达到目标值不得分";
  const out = checkWorkbook([
    specToGrid({
      name: "表",
      rows: [
        ["一级指标", null, "二级指标", null, "三级指标", null, "目标值", "实际值", "评分规则", "自评得分"],
        ["名称", "权重(%)", "名称", "权重(%)", "名称", "权重(%)", null, null, null, null],
        ["产出", 60, "数量", 30, "完成数", 30, "≥10个", "10个", rule, 30],
        [null, null, "质量", 30, "合格率", 25, "≥90%", "95%", rule, 25],
        ["效益", 40, "满意度", 40, "满意度", 40, "≥90%", "95%", rule, 40],
      ],
      merges: ["A1:B1", "C1:D1", "E1:F1", "G1:G2", "H1:H2", "I1:I2", "J1:J2", "A3:A4", "B3:B4"],
    }),
  ]);
  // 产出 60 = 数量 30 + 质量 30 holds; 质量 30 ≠ its one indicator 25; the leaves sum to 95.
  expect(out.findings.map((f) => `${f.cell} ${f.kind} ${f.reported} ${f.computed}`)).toEqual(["F1 weight-sum null 95", "D4 weight-children 30 25"]);
});
