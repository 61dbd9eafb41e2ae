import { d, fails, linear, ok, points, share } from "./helpers";

const row = { target: "=100%", actual: 0.954, actualFormat: "0.0%", weight: 4 };

describe("linear deduction (每降低1%扣权重分的10%)", () => {
  test("the issue's example: proportional 2.16 with the arithmetic shown", () => {
    const e = ok(linear(), row);
    expect(e.score).toBe(2.16);
    expect(e.kind).toBe("linear");
    expect(e.explanation).toBe("目标值=100%，实际值95.4%，低于目标4.6个百分点，每1个百分点扣权重的10%（0.4分），共扣1.84分，得分2.16");
  });

  test("step readings: whole 2.4, nearest 2, started 2 — and each is offered as an alternative", () => {
    expect(ok(linear(), row, { stepCounting: "whole" }).score).toBe(2.4);
    expect(ok(linear(), row, { stepCounting: "nearest" }).score).toBe(2);
    expect(ok(linear(), row, { stepCounting: "started" }).score).toBe(2);
    const alts = ok(linear(), row).alternatives;
    expect(alts.find((a) => a.options.stepCounting === "whole")?.score).toBe(2.4);
    expect(alts.find((a) => a.options.stepCounting === "nearest")?.score).toBe(2);
    expect(alts.find((a) => a.options.stepCounting === "started")?.reading).toContain("不足一步按一步扣");
  });

  test("met target gives full marks and no alternatives", () => {
    const e = ok(linear(), { target: "=100%", actual: "100%", weight: 3 });
    expect(e.score).toBe(3);
    expect(e.met).toBe(true);
    expect(e.alternatives).toEqual([]);
  });

  test("seeds/000 群众满意度: ≥100% target, 95% actual, w=10 gives 5 (the table wrote 9.5)", () => {
    expect(ok(linear(), { target: "≥100%", actual: "95%", weight: 10 }).score).toBe(5);
  });

  test("floor at 0: 扣完为止", () => {
    const e = ok(linear(), { target: "=100%", actual: "80%", weight: 4 });
    expect(e.score).toBe(0);
    expect(e.explanation).toContain("扣完为止");
  });

  test("above: 每增加0.1个百分点扣0.1分 for ≤100%", () => {
    const r = linear({ direction: "above", step: d(0.001), perStep: points(0.1) });
    expect(ok(r, { target: "≤100%", actual: "100.5%", weight: 3 }).score).toBe(2.5);
    expect(ok(r, { target: "≤100%", actual: "98%", weight: 3 }).score).toBe(3);
  });

  test("both directions: 每增长或降低1% from a target of 0", () => {
    const r = linear({ direction: "both" });
    expect(ok(r, { target: "=0", actual: "2%", weight: 4 }).score).toBe(3.2);
    expect(ok(r, { target: "=0", actual: "-2%", weight: 4 }).score).toBe(3.2);
    expect(ok(r, { target: "=0", actual: 0, weight: 4 }).score).toBe(4);
  });

  test("a reference other than the target: 达到90%及以上得满分；不足90%时，每减少5%扣1分", () => {
    const r = linear({ reference: d(0.9), step: d(0.05), perStep: points(1) });
    expect(ok(r, { target: "≥95%", actual: "92%", weight: 5 }).score).toBe(5);
    expect(ok(r, { target: "≥95%", actual: "80%", weight: 5 }).score).toBe(3);
  });

  test("zero threshold: 每降低5%扣指标分值的5%，低于70%不得分", () => {
    const r = linear({ step: d(0.05), perStep: share(0.05), zeroWhen: { comparator: "lt", value: d(0.7), percent: true } });
    expect(ok(r, { target: "=100%", actual: "90%", weight: 10 }).score).toBe(9);
    const zero = ok(r, { target: "=100%", actual: "69%", weight: 10 });
    expect(zero.score).toBe(0);
    expect(zero.explanation).toContain("不得分");
  });

  test("cap: 最多扣10分", () => {
    const r = linear({ stepUnit: "day", step: d(1), perStep: points(1), direction: "above", cap: points(10) });
    expect(ok(r, { target: "在2021年6月30日前完成", actual: "2021年7月3日前完成", weight: 10 }).score).toBe(7);
    expect(ok(r, { target: "在2021年6月30日前完成", actual: "2021年8月30日前完成", weight: 15 }).score).toBe(5);
  });

  test("days written as a number of days late", () => {
    const r = linear({ stepUnit: "day", step: d(1), perStep: share(0.05), direction: "above" });
    expect(ok(r, { target: "按时完成", actual: "3天", weight: 10 }).score).toBe(8.5);
  });

  test("months: 每延期1个月扣1分 counts calendar months between dates, or an actual written as N个月", () => {
    const r = linear({ stepUnit: "month", step: d(1), perStep: points(1), direction: "above" });
    const e = ok(r, { target: "2021年6月", actual: "2021年8月", weight: 5 });
    expect(e.score).toBe(3);
    expect(e.explanation).toContain("延迟2个月");
    expect(ok(r, { target: "2021年11月", actual: "2022年2月", weight: 5 }).score).toBe(2);
    expect(ok(r, { target: "2021年6月", actual: "2个月", weight: 5 }).score).toBe(3);
    expect(ok(r, { target: "2021年6月30日", actual: "2021年6月15日", weight: 5 }).score).toBe(5);
    // A year is not a count of months: refused, not read as one step.
    expect(fails(r, { target: "2021年", actual: "2022年", weight: 5 }).error).toContain("按月计延迟");
  });

  test("units other than percent: 偏离指标值1部门，减数量分值10%", () => {
    const r = linear({ direction: "both", stepUnit: "unit", step: d(1), perStep: share(0.1) });
    expect(ok(r, { target: "=4", actual: "3", weight: 10 }).score).toBe(9);
  });

  test("a bare 95 beside a percent target is read as 95% and said so", () => {
    const e = ok(linear(), { target: "≥100%", actual: 95, weight: 10 });
    expect(e.score).toBe(5);
    expect(e.explanation).toContain("按95%理解");
  });

  test("a qualitative actual that equals the target is met", () => {
    expect(ok(linear(), { target: "普遍知晓", actual: "普遍知晓", weight: 10 }).score).toBe(10);
  });

  test("an empty actual is an error, not a zero", () => {
    const e = fails(linear(), { target: "=100%", actual: null, weight: 4 });
    expect(e.code).toBe("value-unreadable");
    expect(e.error).toContain("实际值为空");
  });

  test("rounding options", () => {
    const r = linear({ perStep: share(0.1) });
    const input = { target: "=100%", actual: "95.37%", weight: 4 };
    expect(ok(r, input).score).toBe(2.15);
    expect(ok(r, input, { rounding: "half-up-1" }).score).toBe(2.1);
    expect(ok(r, input, { rounding: "integer" }).score).toBe(2);
    expect(ok(r, input, { rounding: "truncate-2" }).score).toBe(2.14);
  });
});

test("a percent step on amounts (每超支1% with 万元) counts relative to the target, and says so", () => {
  const r = linear({ direction: "above", perStep: share(0.05) });
  const e = ok(r, { target: "≤100万元", actual: "105万元", weight: 10 });
  expect(e.score).toBe(7.5);
  expect(e.explanation).toContain("按相对目标值的比例计");
  expect(e.explanation).toContain("高于目标5%");
  expect(ok(r, { target: "≤100万元", actual: "98万元", weight: 10 }).score).toBe(10);
});

test("the rule's own step counting (不足1%的按1%计) wins over the option, and no other step reading is offered", () => {
  const r = linear({ stepCounting: "started" });
  const e = ok(r, { target: "=100%", actual: "95.4%", weight: 4 });
  expect(e.score).toBe(2);
  expect(e.explanation).toContain("按评分规则按开始的步计");
  expect(e.alternatives.some((a) => a.options.stepCounting)).toBe(false);
  expect(ok(r, { target: "=100%", actual: "95.4%", weight: 4 }, { stepCounting: "whole" }).score).toBe(2);
});

describe("time steps are counted only from dates or counts of days/months", () => {
  const perDay = linear({ stepUnit: "day", step: d(1), perStep: points(1), direction: "above" });
  test("two counts of days: ≤5天 vs 7天 is 2 days over, not 7", () => {
    expect(ok(perDay, { target: "≤5天", actual: "7天", weight: 5 }).score).toBe(3);
  });
  test("a year is not a count of days: refused", () => {
    expect(fails(perDay, { target: "2021年", actual: "2022年", weight: 5 }).error).toContain("按天计延迟");
  });
  test("a bare number is not a count of days: refused", () => {
    expect(fails(perDay, { target: "=100", actual: "90", weight: 5 }).code).toBe("value-unreadable");
  });
  test("months between dates, and 2个月 late", () => {
    const perMonth = linear({ stepUnit: "month", step: d(1), perStep: points(1), direction: "above" });
    expect(ok(perMonth, { target: "2021年6月", actual: "2021年8月", weight: 5 }).score).toBe(3);
    expect(ok(perMonth, { target: "2021年6月", actual: "2个月", weight: 5 }).score).toBe(3);
  });
});
