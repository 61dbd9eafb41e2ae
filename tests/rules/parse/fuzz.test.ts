/**
 * Fuzz: random and adversarial strings up to 10,000 characters. Only the typed error may escape;
 * the slowest input and its time are printed (no timing assertion).
 */
import fc from "fast-check";
import { RuleParseError, tryParseRule } from "../../../src/rules/parse";

const ADVERSARIAL: Array<[string, string]> = [
  ["deep parentheses", `得分=${"(".repeat(5000)}执行率${")".repeat(4990)}`],
  ["unclosed parentheses", `得分=${"(".repeat(9990)}`],
  ["nested minus", `得分=${"-".repeat(9990)}1`],
  ["repeated 每降低", "每降低".repeat(3333)],
  ["repeated step clauses", "每降低1%扣1分，".repeat(1000)],
  ["long digits", "9".repeat(10000)],
  ["long decimal", `每降低1.${"1".repeat(9990)}%扣1分`],
  ["repeated (含)", "(含)".repeat(2500)],
  ["repeated ranges", "0-10%(含),计6分;".repeat(650)],
  ["repeated count tiers", "符合其中七项(8分)；".repeat(900)],
  ["repeated 要点 ranges", "具备要点1-50各得1分，".repeat(500)],
  ["repeated phrases", "效果显著,".repeat(2000)],
  ["html-looking", "<a".repeat(5000)],
  ["separators only", "，；。".repeat(3333)],
  ["comparators only", "≥≤><=".repeat(2000)],
  ["chinese numerals", "一二三四五六七八九十".repeat(1000)],
  ["full-width", "１２３％，；（）＝＞＜".repeat(900)],
  ["formula chain", `得分=${"执行率×".repeat(2400)}2`],
  ["formula sum", `得分=${"1+".repeat(4990)}1`],
  ["repeated definitions", `${"执行率=实际支出/预算数×100%，".repeat(450)}每降低1%扣1分`],
  ["repeated halves and fractions", "得一半分值，三分之二分值，".repeat(760)],
  ["repeated achievement pairs", "完成得满分，未完成不得分，".repeat(760)],
];

function check(text: string): void {
  const r = tryParseRule(text);
  if (!r.ok) {
    expect(r.error).toBeInstanceOf(RuleParseError);
    expect(r.error.message.startsWith("无法识别评分规则：")).toBe(true);
  }
}

describe("parser fuzz", () => {
  const timings: Array<{ name: string; length: number; ms: number }> = [];

  afterAll(() => {
    timings.sort((a, b) => b.ms - a.ms);
    const top = timings.slice(0, 3).map((t) => `${t.name}（${t.length}字）${t.ms.toFixed(2)}ms`).join("；");
    console.log(`规则解析最慢的输入：${top}`);
  });

  for (const [name, text] of ADVERSARIAL) {
    it(`adversarial: ${name} (${text.length} chars)`, () => {
      expect(text.length).toBeLessThanOrEqual(10000);
      const t0 = process.hrtime.bigint();
      check(text);
      timings.push({ name, length: text.length, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    });
  }

  it("random strings up to 10,000 characters", () => {
    let slowest = { ms: 0, text: "" };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 10000 }),
          fc.fullUnicodeString({ maxLength: 3000 }),
          fc.stringOf(fc.constantFrom(..."每降低扣分得%(含)-—，；。0123456789≥≤<>=要点具备符合其中项一二十满权重的×/()（）月半之优良完成未：".split("")), { maxLength: 10000 }),
        ),
        (text) => {
          const t0 = process.hrtime.bigint();
          check(text);
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (ms > slowest.ms) slowest = { ms, text };
        },
      ),
      { numRuns: 300 },
    );
    timings.push({ name: `random「${slowest.text.slice(0, 20)}…」`, length: slowest.text.length, ms: slowest.ms });
  });
});
