/** What the parser cannot read is refused with the unreadable part quoted — never a guess. */
import { parseRule, RuleParseError, tryParseRule } from "../../../src/rules/parse";

/** Soups of rule words found by generating fragment sequences: each once read as a rule. */
const JUNK = [
  "各得100%一个百分点大于",
  "最多扣扣得满分",
  "否则计8分",
  "=5%计8分",
  "七项以下≥10(含)(含)，计8分",
  "一天-100%得满分",
  "结果×达到目标值得满分",
  "10<得3分",
  "≤<100%得3分",
  "得分=目标值",
  "得分=100.190%",
  "得分=的率",
  "10/实际值为时",
  "得分=每降低低于率",
  "不足每延迟0.1扣100%；低于",
  "结果0.190%实际值为时得满分每增加一例扣一个百分点",
  "每增加不足5%扣一个百分点",
  "不具备每出现一例最多扣每出现不得分计8分",
  "100%低于要点一天0.1指标分值的计8分",
  "要点七项以上得3分",
  "符合其中，否则时",
  "10符合其中以上一天目标值得0分各得",
  "达到目标值一天得满分",
  "100.1以下各得一个百分点",
  "一例得3分的",
];

const REFUSED: Array<[string, string]> = [
  ...JUNK.map((j): [string, string] => [j, ""]),
  ["按照有关规定评分", "按照有关规定评分"],
  ["每降低1%扣", "每降低1%扣"],
  ["得分=(1-0.5×超支率×指标分值", "得分=(1-0.5×超支率×指标分值"],
  ["得分=1-执行率-0.1)×分值", "括号不配对"],
  ["实际值为100%得满分,每降低1%扣权重分的10%,另有加分项", "另有加分项"],
  ["每降低1%扣1分，每增加1%扣2分", "每增加1%扣2分"],
  ["全部符合(2分)；符合其中一项(1分)；符合其中两项及以上(0分)。", "全部符合"],
  ["得分=甲乙丙×2", "得分=甲乙丙×2"],
  ["abc", "abc"],
  ["每出现2例扣1分", "每出现2例扣1分"],
  ["100%>结果>=95%", "100%>结果≥95%"],
  ["90%-80%得2分", "90%-80%得2分"],
  ["效果显著,10分;完成率大于90%,8分", "完成率大于90%"],
  ["具备要点得1分", "具备要点得1分"],
  ["若预算执行率<90%，此项不得分", "只写明了不得分的情形"],
  ["比上年每下降1%扣1分", "步数不是从目标值起算"],
  ["项目按计划完成得5分，每延期1个月扣1分", "无法换算成天数"],
  ["建立健全管理制度的得2分；制度执行有效的得2分", "逐档递减"],
  ["每降低1%扣1分并通报批评", "每降低1%扣1分并通报批评"],
  ["每降低1%扣权重分的10%至20%", "每降低1%扣权重分的10%至20%"],
  ["每降低1%扣1-2分", "每降低1%扣1-2分"],
  ["每降低1%扣0.5分，低于50%得1分", "低于50%得1分"],
  ["实际值≤5%得满分，每降低1%扣1分", "实际值≤5%得满分"],
  ["得分=执行率×达标率×分值", "不同的实际值"],
  ["得分=执行率/上年执行率×分值", "上年执行率"],
  ["每降低1%扣1分，四舍五入", "四舍五入"],
  ["每降低1%扣1分，特殊情况除外", "特殊情况除外"],
  ["每降低1个百分点扣0.5分，降低10个百分点以上不得分", "降低10个百分点以上不得分"],
  ["未达到完成时限，每延期一天减时效分值1%，延期超过50%得0分。", "延期超过50%得0分"],
  ["每降低1%扣权重分的10%" + "9".repeat(40), "数字过长"],
];

describe("refusals", () => {
  for (const [text, quoted] of REFUSED) {
    it(`${text.slice(0, 40)} -> 无法识别评分规则：…${quoted}…`, () => {
      const r = tryParseRule(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toBeInstanceOf(RuleParseError);
      expect(r.error.message.startsWith("无法识别评分规则：")).toBe(true);
      expect(r.error.message).toContain(quoted);
      expect(r.error.message).not.toContain("内部错误");
    });
  }

  it("parseRule throws the typed error with its fragment", () => {
    expect(() => parseRule("按照有关规定评分")).toThrow(RuleParseError);
    try {
      parseRule("实际值为100%得满分，每降低1%扣权重分的10%，另有加分项");
    } catch (e) {
      expect((e as RuleParseError).fragment).toBe("另有加分项");
    }
  });

  it("a contradictory count checklist names the contradiction", () => {
    const r = tryParseRule("全部符合(2分)；符合其中一项(1分)；符合其中两项及以上(0分)。");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("相互矛盾");
  });
});
