/** Rule texts from other provinces' tables, scored end to end (parse + evaluate) with the expected readings. */
import { scoreRow } from "../../../src/rules";

type Probe = { rule: string; target: string; actual: string; weight: number; kind: string; score: number };

const PROBES: Probe[] = [
  // Definitions beside the rule.
  { rule: "预算执行率=实际支出/预算数×100%，执行率达到100%得满分，每低1个百分点扣0.5分，扣完为止", target: "100%", actual: "96.5%", weight: 10, kind: "linear", score: 8.25 },
  { rule: "完成率=实际完成数/计划数，得分=完成率×分值，最高不超过分值", target: "100", actual: "80", weight: 10, kind: "ratio", score: 8 },
  { rule: "完成率=实际完成数/计划数，得分=完成率×分值，最高不超过分值", target: "100", actual: "120", weight: 10, kind: "ratio", score: 10 },
  // Met / not-met pairs of achievement phrases: thresholds on the row's target.
  { rule: "达到目标值得满分，未达到不得分", target: "5个", actual: "5个", weight: 5, kind: "threshold", score: 5 },
  { rule: "完成目标得满分，未完成不得分", target: "5个", actual: "5个", weight: 5, kind: "threshold", score: 5 },
  { rule: "完成目标得满分，未完成不得分", target: "5个", actual: "4个", weight: 5, kind: "threshold", score: 0 },
  { rule: "完成得满分，未完成不得分", target: "5个", actual: "5个", weight: 5, kind: "threshold", score: 5 },
  { rule: "完成得满分，未完成不得分", target: "完成", actual: "已完成", weight: 5, kind: "threshold", score: 5 },
  { rule: "按时完成得满分，否则不得分", target: "2021年6月", actual: "2021年6月", weight: 5, kind: "threshold", score: 5 },
  { rule: "按时完成得满分，否则不得分", target: "2021年6月", actual: "2021年8月", weight: 5, kind: "threshold", score: 0 },
  { rule: "实现目标得满分，未实现不得分", target: "100%", actual: "100%", weight: 5, kind: "threshold", score: 5 },
  { rule: "实现目标得满分，未实现不得分", target: "100%", actual: "98%", weight: 5, kind: "threshold", score: 0 },
  // 全部完成 beside numeric tiers is the met-target tier.
  { rule: "全部完成得满分，完成80%以上得70%分值，完成60%以上得50%分值，60%以下不得分", target: "100%", actual: "85%", weight: 5, kind: "bracket", score: 3.5 },
  { rule: "全部完成得满分，完成80%以上得70%分值，完成60%以上得50%分值，60%以下不得分", target: "100%", actual: "100%", weight: 5, kind: "bracket", score: 5 },
  { rule: "全部完成得满分，完成80%以上得70%分值，完成60%以上得50%分值，60%以下不得分", target: "100%", actual: "50%", weight: 5, kind: "bracket", score: 0 },
  // 一半分值 = half the weight.
  { rule: "满意度90%以上得满分，80%-90%得一半分值，80%以下不得分", target: "90%", actual: "85%", weight: 10, kind: "bracket", score: 5 },
  { rule: "满意度90%以上得满分，80%-90%得三分之二分值，80%以下不得分", target: "90%", actual: "85%", weight: 3, kind: "bracket", score: 2 },
  // Steps in months.
  { rule: "按时完成得满分，每延期1个月扣1分", target: "2021年6月", actual: "2021年8月", weight: 5, kind: "linear", score: 3 },
  { rule: "按时完成得满分，每延期1个月扣1分", target: "2021年6月", actual: "2个月", weight: 5, kind: "linear", score: 3 },
  { rule: "按期完工得满分，每延后1个月扣0.5分，最多扣2分", target: "2021年6月", actual: "2022年1月", weight: 5, kind: "linear", score: 3 },
  // Common national wordings.
  { rule: "每低于目标值1个百分点扣0.5分", target: "100%", actual: "96%", weight: 5, kind: "linear", score: 3 },
  { rule: "完成率低于60%的不得分，60%-100%之间按比例得分", target: "100%", actual: "80%", weight: 5, kind: "ratio", score: 4 },
  { rule: "完成率低于60%的不得分，60%-100%之间按比例得分", target: "100%", actual: "50%", weight: 5, kind: "ratio", score: 0 },
  { rule: "以100%为满分，每下降1个百分点扣除该项分值的2%", target: "100%", actual: "95%", weight: 10, kind: "linear", score: 9 },
  { rule: "实际完成值≥年度指标值得满分，否则按完成比例计分", target: "100", actual: "80", weight: 10, kind: "ratio", score: 8 },
  { rule: "无重大安全事故得满分，发生一起扣2分，扣完为止", target: "0", actual: "1", weight: 5, kind: "occurrence", score: 3 },
  { rule: "优：100%，得5分；良：90%-100%（不含），得4分；中：80%-90%（不含），得3分；差：80%以下，不得分", target: "100%", actual: "95%", weight: 5, kind: "bracket", score: 4 },
];

describe("probes from other provinces, end to end", () => {
  it.each(PROBES.map((p) => [p.rule, p]))("%s", (_rule, p) => {
    const r = scoreRow({ rule: p.rule, target: p.target, actual: p.actual, weight: p.weight });
    if (!r.ok) throw new Error(r.error);
    expect([r.kind, r.score]).toEqual([p.kind, p.score]);
  });
});
