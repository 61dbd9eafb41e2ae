/** Normalisation and tokenizing: the spellings that must fold to the same tokens. */
import { normalizeRuleText } from "../../../src/rules/parse/normalize";
import { splitClauses, tokenize, type Token } from "../../../src/rules/parse/tokens";

const shape = (text: string) =>
  tokenize(normalizeRuleText(text)).map((t: Token) =>
    t.t === "num" ? `#${t.value.toString()}${t.percent ? "%" : ""}` : t.t === "cmp" ? t.cmp : t.t === "word" ? t.text : t.t === "incl" ? (t.inclusive ? "含" : "不含") : t.t === "sep" ? (t.strong ? ";" : ",") : t.t === "op" ? t.op : t.raw,
  );

describe("normalizeRuleText", () => {
  it.each([
    ["≥95%", "≥95%"],
    [">=95%", "≥95%"],
    ["＞＝95％", "≥95%"],
    ["≧95%", "≥95%"],
    ["<=5%", "≤5%"],
    ["＜＝5%", "≤5%"],
    ["≦5%", "≤5%"],
    ["１００％ ＞ 结果 ≥ ９５％", "100%>结果≥95%"],
    ["90%（含）—95%", "90%⊂-95%"],
    ["0-10%(含)", "0-10%⊂"],
    ["得分＝执行率＊２", "得分=执行率×2"],
    ["<p>扣完为止</p>", "扣完为止"],
    ["95百分比", "95%"],
    ["“三公”", "三公"],
  ])("%s -> %s", (input, out) => {
    expect(normalizeRuleText(input)).toBe(out);
  });
});

describe("tokenize", () => {
  it("reads percent marks as fractions: 1% and 0.1个百分点", () => {
    expect(shape("每降低1%扣权重分的10%")).toEqual(["每降低", "#0.01%", "扣权重分的", "#0.1%"]);
    expect(shape("每增加0.1个百分点扣0.1分")).toEqual(["每增加", "#0.001%", "扣", "#0.1", "分"]);
  });
  it("reads Chinese numerals only before a classifier", () => {
    expect(shape("每降低一个百分点")).toEqual(["每降低", "#0.01%"]);
    expect(shape("每延迟一天")).toEqual(["每延迟", "#1", "天"]);
    expect(shape("符合其中七项")).toEqual(["符合其中", "#7", "项"]);
    expect(shape("两项及以上")).toEqual(["#2", "项及以上"]);
    expect(shape("十五项")).toEqual(["#15", "项"]);
    expect(shape("一般性支出")).toEqual(["一般性支出"]);
    expect(shape("百分之十")).toEqual(["#0.1%"]);
  });
  it("reads 一半 and 三分之二 as shares, and only proper fractions", () => {
    expect(shape("得一半分值")).toEqual(["得", "#0.5%", "分值"]);
    expect(shape("得分值的三分之一")).toEqual(["得分值的", "#0.33333333333333333333%"]);
    expect(shape("扣四分之一")).toEqual(["扣", "#0.25%"]);
    // 三分之四 is not a share of anything: the 三 stays a count (三分), the rest words.
    expect(shape("三分之四")).toEqual(["#3", "分之四"]);
  });
  it("marks (含) and separators", () => {
    expect(shape("80%(含)-90%；")).toEqual(["#0.8%", "含", "-", "#0.9%", ";"]);
    expect(shape("5%.,")).toEqual(["#0.05%", ",", ","]);
  });
  it("does not split clauses inside brackets", () => {
    const clauses = splitClauses(tokenize(normalizeRuleText("符合(1分，满分)；不符合(0分)")));
    expect(clauses.map((c) => c.text)).toEqual(["符合(1分,满分)", "不符合(0分)"]);
  });
  it("refuses numbers longer than 30 digits", () => {
    expect(() => tokenize("1".repeat(31))).toThrow("数字过长");
  });
});
