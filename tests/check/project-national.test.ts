import { checkWorkbook } from "../../src/check";
import { specToGrid } from "../../examples/specs/spec";
import { projectNational } from "../../examples/specs";

describe("项目支出绩效自评表 (national format, no rule column)", () => {
  const result = checkWorkbook(projectNational.sheets.map(specToGrid));

  test("the national default rule scores every row; only the wrong ones are reported", () => {
    expect(result.findings.map((f) => `${f.cell} ${f.kind} ${f.severity}`)).toEqual([
      "H20 score-diverges error",
      "I21 deviation-reason-missing warning",
      "H22 total-diverges info",
    ]);
  });

  test("预算执行率: 10 × 88.13 / 93 = 9.48, as reported", () => {
    const unit = result.details[0].units[0];
    expect(unit.rows[0].name).toBe("预算执行率");
    expect(unit.computed).toBe(9.48);
    expect(unit.block.score).toBe(9.48);
  });

  test("服务人员年度流失率 ≤10% at 13.3%: lower is better, 15 × 10/13.3 = 11.28, not 12", () => {
    const f = result.findings.find((x) => x.cell === "H20")!;
    expect(f).toMatchObject({ reported: 12, computed: 11.28 });
  });

  test("参保群众满意度 88% against ≥90%: 9.78 is right, but the 偏差原因 is missing", () => {
    const f = result.findings.find((x) => x.cell === "I21")!;
    expect(f.message).toContain("未填写偏差原因");
  });

  test("the 总分 equals the sum of the reported scores; the computed total differs by the 流失率 row", () => {
    expect(result.tables[0].total).toEqual({ reported: 96.26, computed: 95.54 });
    expect(result.tables[0].weightSum).toBe(100);
  });
});
