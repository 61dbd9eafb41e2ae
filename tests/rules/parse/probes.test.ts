/** Rule texts from other provinces' tables, scored end to end (parse + evaluate) with the expected readings. */
import { scoreRow } from "../../../src/rules";

type Probe = { rule: string; target: string; actual: string; weight: number; kind: string; score: number };

const PROBES: Probe[] = [
  // Definitions beside the rule.
  { rule: "预算执行率=实际支出/预算数×100%，执行率达到100%得满分，每低1个百分点扣0.5分，扣完为止", target: "100%", actual: "96.5%", weight: 10, kind: "linear", score: 8.25 },
  { rule: "完成率=实际完成数/计划数，得分=完成率×分值，最高不超过分值", target: "100", actual: "80", weight: 10, kind: "ratio", score: 8 },
  { rule: "完成率=实际完成数/计划数，得分=完成率×分值，最高不超过分值", target: "100", actual: "120", weight: 10, kind: "ratio", score: 10 },
];

describe("probes from other provinces, end to end", () => {
  it.each(PROBES.map((p) => [p.rule, p]))("%s", (_rule, p) => {
    const r = scoreRow({ rule: p.rule, target: p.target, actual: p.actual, weight: p.weight });
    if (!r.ok) throw new Error(r.error);
    expect([r.kind, r.score]).toEqual([p.kind, p.score]);
  });
});
