import Decimal from "decimal.js";
import { scoreRow } from "../../src/rules";
import { loadSeed000 } from "../../examples/seed-000";

const rows = loadSeed000().rows;
const byName = (prefix: string) => {
  const row = rows.find((r) => r.name.startsWith(prefix));
  if (!row) throw new Error(`no row ${prefix}`);
  return row;
};
function scored(prefix: string) {
  const r = scoreRow(byName(prefix));
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe("seeds/000: rows the document scored right", () => {
  test.each([
    ["预算完成率", 2],
    ["预算调整率", 4],
    ["“三公经费”变动率", 4],
    ["结转结余变动率", 4],
    ["财务管理制度健全性", 1],
    ["资金使用合规性", 3],
    ["政府采购执行率", 3],
    ["资产管理规范性", 1],
    ["在职人员控制率", 1],
    ["预决算信息公开性", 2],
    ["基础信息完备性", 1],
    ["绩效目标审核通过率", 2],
    ["绩效管理制度健全性", 2],
    ["绩效管理工作覆盖率", 2],
    ["重点工作制度健全性", 1],
    ["购置标准化建设宣传电子屏数量", 15],
    ["重点工作质量达标率", 10],
    ["重点工作完成及时率", 10],
    ["一般性支出压减率", 5],
  ])("%s = %p, as reported", (name, score) => {
    expect(scored(name).score).toBe(score);
    expect(byName(name).reported).toBe(score);
  });
});

describe("seeds/000: the document's own arithmetic is wrong here", () => {
  test("支出进度率: the document wrote 2, the rule gives 2.16 (2 is the nearest-step reading, named as an alternative)", () => {
    const r = scored("支出进度率");
    expect(r.score).toBe(2.16);
    expect(byName("支出进度率").reported).toBe(2);
    expect(r.alternatives.some((a) => a.options.stepCounting === "nearest" && a.score === 2)).toBe(true);
  });
  test("绩效信息公开性: the document wrote 2 on a weight of 1; the rule gives 1", () => {
    expect(scored("绩效信息公开性").score).toBe(1);
    expect(byName("绩效信息公开性").reported).toBe(2);
  });
  test("群众满意度: the document wrote 9.5 for 95% against ≥100%; the rule (每降低1%扣权重分的10%) gives 5", () => {
    expect(scored("群众满意度").score).toBe(5);
    expect(byName("群众满意度").reported).toBe(9.5);
  });
  test("政策知晓率 block: the document left it blank; 普遍知晓 = 普遍知晓 gives the full 10", () => {
    expect(scored("政策知晓率").score).toBe(10);
    expect(byName("政策知晓率").reported).toBeNull();
  });
  test("合计: the document wrote 96.5, its scores sum to 86.5, the rules give 91.16", () => {
    const reportedSum = rows.reduce((s, r) => s.plus(r.reported ?? 0), new Decimal(0));
    expect(reportedSum.toNumber()).toBe(86.5);
    const computed = rows.reduce((s, r) => {
      const e = scoreRow(r);
      if (!e.ok || e.score === null) throw new Error(`${r.name}: ${e.ok ? "no score" : e.error}`);
      return s.plus(e.score);
    }, new Decimal(0));
    expect(computed.toNumber()).toBe(91.16);
  });
});
