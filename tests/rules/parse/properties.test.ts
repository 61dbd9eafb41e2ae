/** Property tests: only the typed error escapes; generated linear and bracket texts parse back to their parameters. */
import Decimal from "decimal.js";
import fc from "fast-check";
import { RuleParseError, tryParseRule } from "../../../src/rules/parse";
import type { BracketRule, ChecklistRule, LinearRule, OccurrenceRule } from "../../../src/rules/types";

const FRAGMENTS = [
  "每降低", "每增加", "每超过", "每延迟", "每出现", "一例", "一天", "一个百分点", "1%", "5%", "0.1", "10", "扣", "分",
  "权重分的", "指标分值的", "得满分", "不得分", "得0分", "，", "；", "。", ",", ";", "(含)", "（含）", "-", "—", "≥", "≤",
  ">", "<", "=", "＞＝", "%", "％", "要点", "具备", "不具备", "各得", "符合其中", "七项", "全部符合", "(", ")", "（", "）",
  "得分=", "×", "/", "*", "率", "目标值", "达到目标值", "未达到目标值", "否则", "酌情", "最多扣", "扣完为止", "以上", "以下",
  "不足", "低于", "大于", "时", "的", "实际值为", "100%", "90%", "结果", "得3分", "计8分", "１", "２", "。", " ", "\n",
];

function expectOnlyTypedError(text: string) {
  const r = tryParseRule(text);
  if (!r.ok) {
    expect(r.error).toBeInstanceOf(RuleParseError);
    expect(r.error.message.startsWith("无法识别评分规则：")).toBe(true);
    // The fallback for unexpected failures inside a family reader must never be reached.
    expect(r.error.message).not.toContain("内部错误");
  }
}

describe("parse never throws anything but RuleParseError", () => {
  it("random unicode strings", () => {
    fc.assert(fc.property(fc.fullUnicodeString({ maxLength: 200 }), expectOnlyTypedError), { numRuns: 500 });
  });
  it("random sequences of rule fragments", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), (parts) => expectOnlyTypedError(parts.join(""))),
      { numRuns: 3000 },
    );
  });
});

const VERBS: Record<LinearRule["direction"], string[]> = {
  below: ["降低", "下降", "减少", "低于目标值", "少"],
  above: ["增加", "超过", "超出", "增长", "上升"],
  both: ["增长或降低", "增加或减少"],
};
const COMMAS = [",", "，", "；", ";"];

/** A decimal with up to 2 fraction digits, as text and value. */
const smallDecimal = fc.tuple(fc.integer({ min: 1, max: 50 }), fc.constantFrom(0, 1, 2)).map(([n, d]) => new Decimal(n).div(10 ** d));

describe("generated linear rules parse back to their parameters", () => {
  it("direction, step, amount, cap, zero threshold, reference", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<LinearRule["direction"]>("below", "above", "both"),
        fc.nat(10),
        smallDecimal,
        fc.constantFrom("%", "个百分点", "％"),
        fc.boolean(),
        smallDecimal,
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
        fc.option(fc.integer({ min: 10, max: 90 }), { nil: null }),
        fc.option(fc.integer({ min: 50, max: 100 }), { nil: null }),
        fc.constantFrom(...COMMAS),
        (direction, verbPick, step, pctMark, asShare, amount, cap, zeroBelow, refAt, comma) => {
          const verbs = VERBS[direction];
          const verb = verbs[verbPick % verbs.length];
          // The full-marks level follows the direction: 及以上 for shortfalls, 及以下 for excess, 为 (the target) for both.
          const level = direction === "below" ? `${refAt}%及以上` : direction === "above" ? `${refAt}%及以下` : `为${refAt}%`;
          const head = refAt === null ? `实际值达到目标值得满分${comma}` : `实际值${level}得满分${comma}`;
          const per = asShare ? `扣权重分的${amount.toString()}%` : `扣${amount.toString()}分`;
          const parts = [`${head}每${verb}${step.toString()}${pctMark}${per}`];
          if (cap !== null) parts.push(`最多扣${cap}分`);
          // The zero bound lies on the penalised side: 低于 for shortfalls, 高于 for excess.
          const zeroCmp = direction === "above" ? "gt" : "lt";
          if (zeroBelow !== null) parts.push(`${direction === "above" ? "高于" : "低于"}${zeroBelow}%不得分`);
          parts.push("扣完为止");
          const text = parts.join(comma);
          const r = tryParseRule(text);
          if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
          const rule = r.rule as LinearRule;
          expect(rule.kind).toBe("linear");
          expect(rule.direction).toBe(direction);
          expect(rule.step.eq(step.div(100))).toBe(true);
          expect(rule.stepUnit).toBe("percent");
          expect(rule.perStep.mode).toBe(asShare ? "share" : "points");
          expect(rule.perStep.value.eq(asShare ? amount.div(100) : amount)).toBe(true);
          expect(rule.cap === null ? null : rule.cap.value.toNumber()).toBe(cap);
          expect(rule.zeroWhen === null ? null : [rule.zeroWhen.comparator, rule.zeroWhen.value.toNumber()]).toEqual(
            zeroBelow === null ? null : [zeroCmp, zeroBelow / 100],
          );
          const expectedRef = refAt === null || direction === "both" ? null : refAt / 100;
          expect(rule.reference === null ? null : rule.reference.toNumber()).toBe(expectedRef);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("Chinese-numeral steps in days and items", () => {
    const CN = ["一", "两", "三", "五", "十"];
    const VAL = [1, 2, 3, 5, 10];
    fc.assert(
      fc.property(fc.nat(4), fc.constantFrom(["延迟", "天", "day", "above"], ["推迟", "日", "day", "above"], ["缺少", "项", "item", "below"]), fc.integer({ min: 1, max: 9 }), (k, [verb, unit, stepUnit, dir], p) => {
        const r = tryParseRule(`每${verb}${CN[k]}${unit}扣${p}分`);
        if (!r.ok) throw new Error(r.error.message);
        const rule = r.rule as LinearRule;
        expect([rule.kind, rule.direction, rule.stepUnit, rule.step.toNumber(), rule.perStep.value.toNumber()]).toEqual(["linear", dir, stepUnit, VAL[k], p]);
      }),
    );
  });
});

describe("generated bracket rules parse back to their tiers", () => {
  it("descending cut points written as ranges with (含), chains or words", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 5 }),
        fc.constantFrom("range-lower", "range-upper", "chain"),
        fc.constantFrom("；", ";", "。"),
        (cutsRaw, style, sep) => {
          const cuts = [...cutsRaw].sort((a, b) => b - a);
          const parts: string[] = [];
          const expected: Array<{ lo: [string, number] | null; hi: [string, number] | null; pts: number }> = [];
          // Top tier: at or above the highest cut.
          parts.push(style === "range-upper" ? `大于${cuts[0]}%得${cuts.length + 1}分` : `${cuts[0]}%及以上得${cuts.length + 1}分`);
          expected.push({ lo: [style === "range-upper" ? "gt" : "ge", cuts[0] / 100], hi: null, pts: cuts.length + 1 });
          for (let i = 1; i < cuts.length; i += 1) {
            const lo = cuts[i];
            const hi = cuts[i - 1];
            const p = cuts.length + 1 - i;
            if (style === "range-lower") {
              parts.push(`${lo}%(含)-${hi}%得${p}分`);
              expected.push({ lo: ["ge", lo / 100], hi: ["lt", hi / 100], pts: p });
            } else if (style === "range-upper") {
              parts.push(`${lo}%-${hi}%（含）得${p}分`);
              expected.push({ lo: ["gt", lo / 100], hi: ["le", hi / 100], pts: p });
            } else {
              parts.push(`${hi}%>结果≥${lo}%，得${p}分`);
              expected.push({ lo: ["ge", lo / 100], hi: ["lt", hi / 100], pts: p });
            }
          }
          const last = cuts[cuts.length - 1];
          parts.push(style === "range-upper" ? `${last}%及以下不得分` : `低于${last}%不得分`);
          expected.push({ lo: null, hi: [style === "range-upper" ? "le" : "lt", last / 100], pts: 0 });
          const text = parts.join(sep);
          const r = tryParseRule(text);
          if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
          const rule = r.rule as BracketRule;
          expect(rule.kind).toBe("bracket");
          const got = rule.tiers.map((t) => ({
            lo: t.lower ? [t.lower.comparator, t.lower.value.toNumber()] : null,
            hi: t.upper ? [t.upper.comparator, t.upper.value.toNumber()] : null,
            pts: t.points.value.toNumber(),
          }));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("generated checklist and occurrence rules parse back", () => {
  it("具备要点i实际值得x%权重分 with an optional gate", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }).map((xs) => xs.map((x) => x * 10)),
        fc.boolean(),
        fc.constantFrom("，", ",", "；"),
        (shares, gate, comma) => {
          const start = gate ? 2 : 1;
          const parts = gate ? ["不具备要点1实际值得0权重分"] : [];
          shares.forEach((p, k) => parts.push(`具备要点${start + k}实际值得${p}%权重分`));
          const r = tryParseRule(parts.join(comma));
          if (!r.ok) throw new Error(r.error.message);
          const rule = r.rule as ChecklistRule;
          expect(rule.kind).toBe("checklist");
          expect(rule.gates).toEqual(gate ? [1] : []);
          expect(rule.points.map((p) => [p.index, p.share.mode, p.share.value.toNumber()])).toEqual(shares.map((p, k) => [start + k, "share", p / 100]));
        },
      ),
    );
  });

  it("每<event verb><一|1><counter>扣<n>分 with an optional cap", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("出现", "发现", "发生", "有"),
        fc.constantFrom("一例", "1例", "一处", "一次", "一起"),
        smallDecimal,
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
        (verb, counter, amount, cap) => {
          const text = `每${verb}${counter}问题扣${amount.toString()}分${cap === null ? "，扣完为止" : `，最多扣${cap}分`}`;
          const r = tryParseRule(text);
          if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
          const rule = r.rule as OccurrenceRule;
          expect(rule.kind).toBe("occurrence");
          expect(rule.perOccurrence.value.eq(amount)).toBe(true);
          expect(rule.cap === null ? null : rule.cap.value.toNumber()).toBe(cap);
        },
      ),
    );
  });
});
