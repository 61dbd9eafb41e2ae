/** src/check/summary.ts: the unit from the header block, the kind of table, the rows of the 校验汇总. */
import { buildSummary, tableKindOf, workbookFacts } from "../../src/check/summary";
import { checkWorkbook } from "../../src/check";
import { specToGrid, type CellSpec } from "../../examples/specs/spec";
import { Progress, clock } from "../../cli/commands/check-progress";

const RULE = "达到目标值得满分，未达到目标值不得分";

function grid(head: CellSpec[][], name = "Sheet1") {
  return specToGrid({
    name,
    rows: [
      ...head,
      ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"],
      ["产出", "数量", "完成数", "≥5个", "5个", 60, RULE, 60],
      ["效益", "满意度", "满意度", "≥90%", "80%", 40, RULE, 40],
      ["合计", null, null, null, null, 100, null, 100],
    ],
    merges: [],
  });
}

function facts(head: CellSpec[][], name?: string) {
  const g = grid(head, name);
  return workbookFacts([g], checkWorkbook([g]));
}

describe("workbookFacts", () => {
  test("the unit: label and value in one cell, in the next cell, or after merged gaps; the most specific label wins", () => {
    expect(facts([["2023年度部门整体支出绩效自评表"], ["填报单位（盖章）：某县财政局"]]).unit).toBe("某县财政局");
    expect(facts([["项目支出绩效自评表"], ["主管部门", null, "某县卫健委", null, "实施单位", "某县人民医院"]]).unit).toBe("某县人民医院");
    expect(facts([["部门（单位）名称", null, null, "某县教育局"]]).unit).toBe("某县教育局");
    expect(facts([["单位名称：", "某镇人民政府"]]).unit).toBe("某镇人民政府");
    // A label with nothing after it is not a unit; nor is a title without an organisation's ending.
    expect(facts([["填报单位：", null]]).unit).toBeNull();
    expect(facts([["某县水利局2022年度部门整体支出绩效自评表"]]).unit).toBe("某县水利局");
    expect(facts([["绩效自评表"]]).unit).toBeNull();
  });

  test("the kind of table: from the title, else from the columns", () => {
    expect(facts([["2023年度部门整体支出绩效自评表"]]).tableKind).toBe("部门整体支出绩效自评表");
    expect(facts([["项目支出绩效自评表"]]).tableKind).toBe("项目支出绩效自评表");
    expect(facts([["部门整体支出绩效自评核查评分表"]]).tableKind).toBe("核查评分表");
    expect(facts([]).tableKind).toBe("绩效自评表");
    expect(tableKindOf(null, "Sheet1", false, false)).toBe("项目支出绩效自评表");
    expect(tableKindOf(null, "Sheet1", true, true)).toBe("核查评分表");
  });
});

describe("buildSummary", () => {
  test("one row per file with its counts and difference; an unreadable file has its reason and no counts", () => {
    const g = grid([["某县财政局部门整体支出绩效自评表"]]);
    const check = checkWorkbook([g]);
    const s = buildSummary([
      { file: "a.xlsx", link: "a.checked.xlsx", tables: check.tables, findings: check.findings, ...workbookFacts([g], check) },
      { file: "b.xlsx", tables: [], findings: [], error: "无法读取文件“b.xlsx”：文件不存在" },
    ]);
    expect(s.files.rows).toHaveLength(2);
    const [a, b] = s.files.rows;
    const errors = check.findings.filter((f) => f.severity === "error").length;
    expect(errors).toBeGreaterThan(0);
    expect(a.values.slice(1, 12)).toEqual(["a.xlsx", "某县财政局", "部门整体支出绩效自评表", "Sheet1", 2, 100, 100, 60, 40, check.tables[0].grade.reported, check.tables[0].grade.computed]);
    expect(a.values[12]).toBe(errors);
    expect(a.status).toBe("error");
    expect(b.values.slice(2, 15).every((v) => v === null)).toBe(true);
    expect(b.values[15]).toBe("无法读取文件“b.xlsx”：文件不存在");
    expect(b.status).toBe("unreadable");
    expect(s.findings.rows.map((r) => r.link)).toEqual(check.findings.map((f) => `a.checked.xlsx#'${f.sheet}'!${f.cell}`));
    expect(s.json[0]).toMatchObject({ file: "a.xlsx", difference: 40, errors, reason: null });
  });
});

describe("progress line", () => {
  function stream(isTTY: boolean, columns = 60) {
    const out: string[] = [];
    return { out, s: { isTTY, columns, write: (x: string) => out.push(x) } };
  }

  test("on a terminal: a live line (done/total, elapsed, estimate, current file cut to the width), then the final line", () => {
    let t = 0;
    const { out, s } = stream(true);
    const p = new Progress(4, s, () => t);
    p.start("报送/甲县/一个很长很长很长很长很长的文件名.xlsx");
    t = 2000;
    p.finish("报送/甲县/一个很长很长很长很长很长的文件名.xlsx");
    t = 2050; // within 100 ms: not redrawn
    p.start("b.xlsx");
    t = 4000;
    p.finish("b.xlsx");
    expect(out[0]).toMatch(/^\r已完成 0\/4（0%），用时 0:00  .*\.xlsx\x1b\[K$/);
    expect(out[1]).toContain("已完成 1/4（25%），用时 0:02，预计还需 0:06");
    expect(out).toHaveLength(3);
    expect(out[2]).toContain("已完成 2/4（50%），用时 0:04，预计还需 0:04");
    for (const line of out) expect(line.replace(/\r|\x1b\[K/g, "").length).toBeLessThanOrEqual(60);
    // The pace is taken from the first finished file on: a slow start (workers loading) is not repeated for every file.
    const slow = stream(true);
    let u = 0;
    const q = new Progress(11, slow.s, () => u);
    u = 9000;
    q.finish("1.xlsx");
    u = 10_000;
    q.finish("2.xlsx");
    expect(q.line()).toBe("已完成 2/11（18%），用时 0:10，预计还需 0:09");
    p.end();
    expect(out.slice(-2)).toEqual(["\r\x1b[K", "已完成 2/4，用时 0:04（4.0 秒，每秒 0.5 个）\n"]);
  });

  test("not a terminal: nothing until the final line", () => {
    let t = 0;
    const { out, s } = stream(false);
    const p = new Progress(2, s, () => t);
    p.start("a.xlsx");
    p.finish("a.xlsx");
    t = 90_500;
    p.finish("b.xlsx");
    p.end();
    expect(out).toEqual(["已完成 2/2，用时 1:31（90.5 秒，每秒 0.0 个）\n"]);
    expect(clock(3725)).toBe("1:02:05");
  });
});
