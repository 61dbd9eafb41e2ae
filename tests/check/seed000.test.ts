import { checkWorkbook } from "../../src/check";
import { specToGrid } from "../../examples/specs/spec";
import { seed000 } from "../../examples/specs";

const grids = () => seed000.sheets.map(specToGrid);

describe("seeds/000: the department's own table", () => {
  const result = checkWorkbook(grids());
  const at = (cell: string) => result.findings.filter((f) => f.cell === cell);

  test("finds exactly the errors of the table and nothing on the rows that are right", () => {
    expect(result.findings.map((f) => `${f.cell} ${f.kind} ${f.severity}`)).toEqual([
      "I26 score-diverges info",
      "I36 score-exceeds-weight error",
      "I47 score-missing warning",
      "I50 score-diverges error",
      "I51 total-diverges error",
    ]);
  });

  test("支出进度率 95.4% scored 2: proportional gives 2.16; the score matches the nearest-step reading, low severity", () => {
    const [f] = at("I26");
    expect(f).toMatchObject({ reported: 2, computed: 2.16, severity: "info" });
    expect(f.reading).toMatch(/步长计算/);
    expect(f.message).toContain(f.reading!);
  });

  test("绩效信息公开性: weight 1, scored 2", () => {
    const [f] = at("I36");
    expect(f).toMatchObject({ kind: "score-exceeds-weight", reported: 2, computed: 1 });
    expect(f.message).toContain("超过该指标权重1分");
  });

  test("the 经济效益/社会效益/政策知晓率 block (weight 10) has no score; 普遍知晓 = 普遍知晓 gives 10", () => {
    const [f] = at("I47");
    expect(f).toMatchObject({ kind: "score-missing", reported: null, computed: 10 });
  });

  test("群众满意度 95% against ≥100%, 1 point per percentage point: 5, not 9.5", () => {
    const [f] = at("I50");
    expect(f).toMatchObject({ kind: "score-diverges", reported: 9.5, computed: 5, severity: "error" });
  });

  test("合计 96.5 is not the sum of the scores (86.5); the computed total is given too", () => {
    const [f] = at("I51");
    expect(f.reported).toBe(96.5);
    expect(f.message).toContain("86.5");
    expect(f.computed).toBe(91.16);
    const { reading, ...summary } = result.tables[0];
    // What was read: the nine columns under their own header words, every row weighted and scored.
    expect(reading?.columns.map((c) => `${c.label}=${c.column}`)).toEqual([
      "一级指标=A", "二级指标=B", "三级指标=C", "目标值=D", "实际值=E", "权重=F", "指标解释=G", "评分规则=H", "自评得分=I",
    ]);
    expect(reading).toMatchObject({ source: "detected", headerRows: "23", rowsRead: 27, rowsWithWeight: 27 });
    expect(reading!.rowsComputed + reading!.notComputed.reduce((s, n) => s + n.count, 0)).toBe(27);
    expect(summary).toEqual({
      sheet: "部门整体绩效自评表",
      range: "A23:I52",
      indicators: 27,
      weightSum: 100,
      total: { reported: 96.5, computed: 91.16 },
      grade: { reported: "优", computed: "优" },
    });
  });

  test("under the nearest-step reading 支出进度率 is right and only the other findings remain", () => {
    const nearest = checkWorkbook(grids(), { stepCounting: "nearest" });
    expect(nearest.findings.map((f) => f.cell)).toEqual(["I36", "I47", "I50", "I51"]);
    expect(nearest.tables[0].total.computed).toBe(91);
  });

  test("a wide tolerance hides the 0.16 difference but not the 4.5 one", () => {
    const wide = checkWorkbook(grids(), { tolerance: 0.2 });
    expect(wide.findings.map((f) => f.cell)).toEqual(["I36", "I47", "I50", "I51"]);
  });
});
