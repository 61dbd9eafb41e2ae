import { parseValue } from "../../src/values";
import type { NumberValue, ParsedValue } from "../../src/values";

function num(v: ParsedValue): NumberValue {
  if (v.kind !== "number") throw new Error(`expected a number, got ${v.kind}: ${JSON.stringify(v)}`);
  return v;
}

describe("parseValue: numbers and comparators as typed in real tables", () => {
  test.each([
    ["=100%", "eq", "1", "percent"],
    ["≥100%", "ge", "1", "percent"],
    ["≤0", "le", "0", null],
    ["＞＝95％", "ge", "0.95", "percent"],
    [">=95%", "ge", "0.95", "percent"],
    ["≧95%", "ge", "0.95", "percent"],
    ["≦5%", "le", "0.05", "percent"],
    ["﹦100%", "eq", "1", "percent"],
    ["═100%", "eq", "1", "percent"],
    ["≥95百分比", "ge", "0.95", "percent"],
    ["100百分比", null, "1", "percent"],
    ["不低于90%", "ge", "0.9", "percent"],
    ["不少于3次", "ge", "3", "次"],
    ["不高于5%", "le", "0.05", "percent"],
    ["不超过10万元", "le", "10", "万元"],
    ["≤4万元", "le", "4", "万元"],
    ["44860人次", null, "44860", "人次"],
    ["1间", null, "1", "间"],
    ["365天", null, "365", "天"],
    ["24,315.81", null, "24315.81", null],
    ["≤2元/册", "le", "2", "元/册"],
    ["90%以上", "ge", "0.9", "percent"],
    ["90%及以上", "ge", "0.9", "percent"],
    ["5%以下", "le", "0.05", "percent"],
    ["控制在5%以内", "le", "0.05", "percent"],
    ["以100%为标准", "eq", "1", "percent"],
    ["９５．４％", null, "0.954", "percent"],
    [" 95.4 % ", null, "0.954", "percent"],
    ["≥100000人", "ge", "100000", "人"],
    ["833.33元", null, "833.33", "元"],
    ["-3%", null, "-0.03", "percent"],
  ])("%s", (text, cmp, magnitude, unit) => {
    const v = num(parseValue(text));
    expect(v.comparator).toBe(cmp);
    expect(v.magnitude.toString()).toBe(magnitude);
    expect(v.unit).toBe(unit);
  });

  test("an Excel number with a percent format equals the same text", () => {
    const fromCell = num(parseValue(0.954, "0.0%"));
    const fromText = num(parseValue("95.4%"));
    expect(fromCell.magnitude.eq(fromText.magnitude)).toBe(true);
    expect(fromCell.unit).toBe("percent");
    expect(fromText.unit).toBe("percent");
  });

  test("binary noise in Excel numbers is removed", () => {
    expect(num(parseValue(0.1 + 0.2)).magnitude.toString()).toBe("0.3");
  });

  test("a plain number keeps no unit", () => {
    const v = num(parseValue(4));
    expect(v.unit).toBeNull();
    expect(v.magnitude.toNumber()).toBe(4);
  });
});

describe("parseValue: dates, words, blanks and damage", () => {
  test("在2021年6月30日前完成", () => {
    const v = parseValue("在2021年6月30日前完成");
    expect(v).toMatchObject({ kind: "date", comparator: "le", year: 2021, month: 6, day: 30 });
  });
  test("12月份 and 12月底之前完成", () => {
    expect(parseValue("12月份")).toMatchObject({ kind: "date", month: 12, year: null });
    expect(parseValue("12月底之前完成")).toMatchObject({ kind: "date", month: 12, comparator: "le" });
  });
  test("an Excel date", () => {
    expect(parseValue(new Date(Date.UTC(2021, 8, 30)))).toMatchObject({ kind: "date", year: 2021, month: 9, day: 30 });
  });
  test.each(["健全", "合规", "规范", "按规定公开", "普遍知晓", "显著提升", "效果明显", "有效", "是", "高", "好", "及时", "达成预期指标", "基本达到"])("word %s", (w) => {
    expect(parseValue(w)).toMatchObject({ kind: "word", word: w, negative: false });
  });
  test.each(["未公开", "否", "不健全", "没有完成"])("negative word %s", (w) => {
    expect(parseValue(w)).toMatchObject({ kind: "word", negative: true });
  });
  test("booleans read as 是/否", () => {
    expect(parseValue(true)).toMatchObject({ kind: "word", word: "是" });
    expect(parseValue(false)).toMatchObject({ kind: "word", word: "否", negative: true });
  });
  test.each([null, undefined, "", "  ", "-", "—"])("blank %p", (v) => {
    expect(parseValue(v as never).kind).toBe("empty");
  });
  test("OCR damage turning ≥ into 2 is refused, not guessed", () => {
    const v = parseValue("2 95%");
    expect(v.kind).toBe("unreadable");
    if (v.kind === "unreadable") expect(v.reason).toContain("2 95%");
  });
  test("OCR damage turning ≥ into 工 is refused", () => {
    expect(parseValue("工95%").kind).toBe("unreadable");
  });
  test("infinite numbers are refused", () => {
    expect(parseValue(Number.POSITIVE_INFINITY).kind).toBe("unreadable");
  });
});

describe("values as other provinces print them (issue 9)", () => {
  const read = (s: string) => {
    const v = parseValue(s);
    return v.kind === "number" ? { comparator: v.comparator, magnitude: v.magnitude.toString(), unit: v.unit } : { kind: v.kind };
  };
  it.each([
    ["95%（19/20）", { comparator: null, magnitude: "0.95", unit: "percent" }],
    ["20%（(6-5)÷5）", { comparator: null, magnitude: "0.2", unit: "percent" }],
    ["66.7%(2/3)", { comparator: null, magnitude: "0.667", unit: "percent" }],
    [">= 90 %(百分比)", { comparator: "ge", magnitude: "0.9", unit: "percent" }],
    ["≥8(个)", { comparator: "ge", magnitude: "8", unit: "个" }],
    ["‹=5%", { comparator: "le", magnitude: "0.05", unit: "percent" }],
    ["≮95%", { comparator: "ge", magnitude: "0.95", unit: "percent" }],
    ["不少于 8 个", { comparator: "ge", magnitude: "8", unit: "个" }],
    ["每户200元", { comparator: null, magnitude: "200", unit: "元/户" }],
    ["每人每月≥500元", { comparator: "ge", magnitude: "500", unit: "元/人·月" }],
    ["1,234.5万元", { comparator: null, magnitude: "1234.5", unit: "万元" }],
  ])("%s", (text, want) => expect(read(text)).toEqual(want));

  it("refuses a value whose own printed calculation disagrees with it", () => {
    expect(parseValue("95%（18/20）").kind).toBe("unreadable");
    expect(parseValue("50%(1/3)").kind).toBe("unreadable");
  });
});
