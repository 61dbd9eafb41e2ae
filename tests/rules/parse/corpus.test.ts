import { parseRule, RuleParseError, tryParseRule } from "../../../src/rules/parse";
import { RULE_CORPUS } from "../../fixtures/rule-corpus";
import { plain } from "./plain";

describe("rule corpus from seeds 000, 001, 003, 004", () => {
  it("holds every scoring rule text of the four seeds", () => {
    const bySeed = (s: string) => RULE_CORPUS.filter((e) => e.seed === s).length;
    expect([bySeed("000"), bySeed("001"), bySeed("003"), bySeed("004")]).toEqual([25, 19, 6, 8]);
  });

  for (const entry of RULE_CORPUS) {
    const name = `${entry.seed} ${entry.indicator}: ${entry.text.slice(0, 40)}`;
    if ("refuse" in entry.expect) {
      const { fragment, reason } = (entry.expect as { refuse: { fragment: string; reason: string } }).refuse;
      it(`${name} — refused (${reason})`, () => {
        const r = tryParseRule(entry.text);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error).toBeInstanceOf(RuleParseError);
        expect(r.error.fragment).toContain(fragment);
        expect(r.error.message.startsWith("无法识别评分规则：")).toBe(true);
      });
    } else {
      it(name, () => {
        const rule = parseRule(entry.text);
        expect(plain(rule)).toEqual(entry.expect);
        expect(rule.text).toBe(entry.text);
      });
    }
  }
});
