/**
 * A self-evaluation table printed as two blocks with different headers under one 自评总分 (the layout of the real
 * 湖北广水 乡村道路项目自评表, tests/fixtures/tables/hubei-guangshui-xiangcun-daolu.json). The real page is cut off
 * inside its second block, so the second block is completed here with invented rows (a property test of the
 * layout, not a real table): 项目决策/项目管理 15 points with a 分值 column, 项目绩效 85 points with the weights only
 * in the names, each leaf the only one under its weighted parent.
 */
import { checkWorkbook } from "../../src/check";
import { fixtureGrid, loadTableFixtures, type FixtureCell, type TableFixture } from "../fixtures/tables/load";

const guangshui = loadTableFixtures().find((f) => f.id === "hubei-guangshui-xiangcun-daolu") as TableFixture;

/** [一级, 二级, 三级名称, 目标, 实际, 自评分]: 产出 40 (15+12+13), 效益 35, 满意度 10 = 85 with the printed 数量指标 row. */
const REST_OF_BLOCK_2: [string, string, string, string, string, number][] = [
  ["", "质量指标 12 分", "农村公路建设验收合格率", "100%", "100%", 12],
  ["", "时效指标 13 分", "按时完成率", "100%", "100%", 13],
  ["效益指标 35 分", "社会效益指标 35 分", "群众出行便利程度", "明显改善", "有所改善", 30],
  ["满意度指标 10 分", "服务对象满意度指标 10 分", "群众满意度", "≥90%", "95%", 10],
];

function completed(total: number | string): TableFixture {
  const width = guangshui.grid[0].length;
  const grid: FixtureCell[][] = guangshui.grid.map((row) => [...row]);
  grid[2][6] = `自评总分: ${total}`;
  for (const [l1, l2, name, target, actual, score] of REST_OF_BLOCK_2) {
    const row: FixtureCell[] = Array(width).fill("");
    Object.assign(row, { 1: l1, 2: l2, 3: name, 4: target, 5: actual, 6: score, 8: "按完成情况计分" });
    grid.push(row);
  }
  // The 产出指标 name merged down over its three level-2 groups, as printed tables do.
  const merges = [...guangshui.merges, "B17:B19"];
  grid[17][1] = "";
  grid[18][1] = "";
  return { ...guangshui, grid, merges, truncated: false };
}

const kinds = (f: TableFixture) => checkWorkbook([fixtureGrid(f)]).findings.filter((x) => x.severity !== "info").map((x) => `${x.cell} ${x.kind} ${x.severity}`);

test("the two blocks read as one table: weights 15 + 85 = 100, the 自评总分 95 is their sum, said in one 提示", () => {
  const result = checkWorkbook([fixtureGrid(completed(95))]);
  expect(result.tables).toHaveLength(2);
  expect(result.tables.map((t) => t.weightSum)).toEqual([15, 85]);
  expect(result.findings.filter((f) => f.kind === "weight-sum" || f.kind === "total-diverges")).toEqual([]);
  const joined = result.findings.filter((f) => f.kind === "tables-joined");
  expect(joined).toHaveLength(1);
  expect(joined[0].message).toContain("A9:F14、B16:I21");
  expect(joined[0].message).toContain("各部分权重合计100分");
  expect(joined[0].message).toContain("自评总分95分为各部分得分之和");
  // The summary's total is the whole table's: reported 95 on the block holding it.
  expect(result.tables[0].total.reported).toBe(95);
  // Each leaf under a weighted level-2 name weighs that name's points; the weight is said to be assumed.
  const leaf = result.details[1].units.find((u) => u.rows[0].name === "群众出行便利程度");
  expect(leaf?.block.weight).toBe(35);
  expect(leaf?.block.weightSource).toBe("parent");
});

test("a 自评总分 that is not the blocks' sum stays an error, on the total cell", () => {
  expect(kinds(completed(96))).toContain("G3 total-diverges error");
});

test("weights that do not reach 100 over the run stay weight-sum errors on each block", () => {
  const short = completed(95);
  short.grid[9][2] = 1; // 决策依据 分值 2 -> 1: 99 in all
  const found = kinds(short);
  expect(found).toContain("C9 weight-sum error");
  expect(found).toContain("B16 weight-sum error");
  // The 自评总分 still is the blocks' sum: said, without a word on weights.
  const joined = checkWorkbook([fixtureGrid(short)]).findings.filter((x) => x.kind === "tables-joined");
  expect(joined.map((x) => x.message.includes("权重合计"))).toEqual([false]);
});

test("blocks separated by more than headings are separate tables: no joining", () => {
  const f = completed(95);
  const filler: FixtureCell[] = Array(f.grid[0].length).fill("");
  const note: FixtureCell[] = [...filler];
  note[0] = "说明：";
  note[3] = "另表";
  f.grid.splice(14, 0, note, [...filler], [...filler], [...filler]);
  // Merges and rows below shift by four.
  f.merges = f.merges.map((m) => m.replace(/(\D+)(\d+)/g, (_, col: string, row: string) => `${col}${Number(row) >= 15 ? Number(row) + 4 : Number(row)}`));
  const result = checkWorkbook([fixtureGrid(f)]);
  expect(result.findings.some((x) => x.kind === "tables-joined")).toBe(false);
  expect(result.findings.filter((x) => x.kind === "weight-sum")).toHaveLength(2);
});
