/** Realistic variants of each family, in the wording of other provinces' tables. */
import Decimal from "decimal.js";
import { parseRule } from "../../../src/rules/parse";
import { plain } from "./plain";

const share = (value: string) => ({ mode: "share", value });
const pts = (value: string) => ({ mode: "points", value });
const b = (comparator: string, value: string) => ({ comparator, value });

function lin(direction: string, step: string, stepUnit: string, perStep: object, extra: Record<string, unknown> = {}) {
  return { kind: "linear", direction, reference: null, step, stepUnit, perStep, cap: null, zeroWhen: null, ...extra };
}

const LINEAR: Array<[string, object]> = [
  ["每下降1个百分点扣0.5分", lin("below", "0.01", "percent", pts("0.5"))],
  ["每减少1%扣该指标分值的10%", lin("below", "0.01", "percent", share("0.1"))],
  ["每低于目标值1个百分点扣0.2分，扣完为止", lin("below", "0.01", "percent", pts("0.2"))],
  ["每少1个百分点扣1分", lin("below", "0.01", "percent", pts("1"))],
  ["完成率每降低1%，扣1分，最多扣5分", lin("below", "0.01", "percent", pts("1"), { cap: pts("5") })],
  ["每降低１％扣权重分的１０％，扣完为止．", lin("below", "0.01", "percent", share("0.1"))],
  ["达到目标值得满分；每降低一个百分点扣0.5分", lin("below", "0.01", "percent", pts("0.5"))],
  ["每降低两个百分点扣1分", lin("below", "0.02", "percent", pts("1"))],
  ["每 降低 1 % 扣 0.1 分", lin("below", "0.01", "percent", pts("0.1"))],
  ["每超过1个百分点扣1分", lin("above", "0.01", "percent", pts("1"))],
  ["每超过一个百分点扣权重分的5%", lin("above", "0.01", "percent", share("0.05"))],
  ["每增加1%扣10%的分值", lin("above", "0.01", "percent", share("0.1"))],
  ["每上升1个百分点扣0.5分", lin("above", "0.01", "percent", pts("0.5"))],
  ["每增长或降低1%扣权重分的10%", lin("both", "0.01", "percent", share("0.1"))],
  ["每增加或减少1个百分点扣0.2分", lin("both", "0.01", "percent", pts("0.2"))],
  ["偏离目标值每1%扣0.2分", lin("both", "0.01", "percent", pts("0.2"))],
  ["偏离指标值2人,减数量分值10%", lin("both", "2", "unit", share("0.1"))],
  ["低于目标值时，每降低1%扣0.5分，低于60%不得分", lin("below", "0.01", "percent", pts("0.5"), { zeroWhen: b("lt", "0.6") })],
  ["实际值≥95%得满分，每降低1%扣0.5分", lin("below", "0.01", "percent", pts("0.5"), { reference: "0.95" })],
  ["实际值>=95％得满分，每降低1％扣0.5分", lin("below", "0.01", "percent", pts("0.5"), { reference: "0.95" })],
  ["实际值＞＝95%得满分,每降低1%扣0.5分", lin("below", "0.01", "percent", pts("0.5"), { reference: "0.95" })],
  ["达到90%及以上得满分；不足90%时，每减少5%扣1分", lin("below", "0.05", "percent", pts("1"), { reference: "0.9" })],
  ["达到90%及以上得满分；不足90%时每减少5%扣1分", lin("below", "0.05", "percent", pts("1"), { reference: "0.9" })],
  ["每延迟1天扣0.5分，最多扣2分", lin("above", "1", "day", pts("0.5"), { cap: pts("2") })],
  ["每推迟一个工作日扣1分", lin("above", "1", "day", pts("1"))],
  ["每逾期一天扣权重分的5%", lin("above", "1", "day", share("0.05"))],
  ["每缺少一项扣2分", lin("below", "1", "item", pts("2"))],
  ["每少一项扣0.5分，扣完为止", lin("below", "1", "item", pts("0.5"))],
  ["每降低5个百分点扣1分", lin("below", "0.05", "percent", pts("1"))],
  ["每降低0.5%扣权重分的5%", lin("below", "0.005", "percent", share("0.05"))],
  ["每降低1%扣权重分的10%,扣分最多不超过权重分的50%", lin("below", "0.01", "percent", share("0.1"), { cap: share("0.5") })],
  ["实际值为100%得满分，每降低1%扣权重分的10%，低于80%不得分", lin("below", "0.01", "percent", share("0.1"), { zeroWhen: b("lt", "0.8") })],
  ["每降低1%扣1分.,", lin("below", "0.01", "percent", pts("1"))],
  ["每降低1%扣1分；低于70%的不得分。", lin("below", "0.01", "percent", pts("1"), { zeroWhen: b("lt", "0.7") })],
  ["每降低1%扣1分，实际值低于60%得0分", lin("below", "0.01", "percent", pts("1"), { zeroWhen: b("lt", "0.6") })],
  ["每下降1百分点扣0.3分", lin("below", "0.01", "percent", pts("0.3"))],
  ["每降低1%，扣减指标分值的10%", lin("below", "0.01", "percent", share("0.1"))],
  ["实际值小于等于0得满分，每增加1%扣权重分的10%，扣完为止。", lin("above", "0.01", "percent", share("0.1"), { reference: "0" })],
  ["实际值≤5%得满分，每超出1个百分点扣1分", lin("above", "0.01", "percent", pts("1"), { reference: "0.05" })],
  ["<p>实际值为100%得满分,每降低1%扣权重分的10%,扣完为止。</p>", lin("below", "0.01", "percent", share("0.1"))],
  ["完成率100%得满分，每降低1个百分点扣0.2分，扣完为止", lin("below", "0.01", "percent", pts("0.2"))],
  ["100%得5分，每降低10%扣1分", lin("below", "0.1", "percent", pts("1"))],
  ["低于90%的，每降低1%扣0.5分", lin("below", "0.01", "percent", pts("0.5"), { reference: "0.9" })],
  ["以95%为基准，每降低1%扣1分", lin("below", "0.01", "percent", pts("1"), { reference: "0.95" })],
  ["每降低1%扣0.1分（扣完为止）", lin("below", "0.01", "percent", pts("0.1"))],
  ["满分5分，每降低1%扣0.5分", lin("below", "0.01", "percent", pts("0.5"))],
  ["2分，每降低1%扣0.1分", lin("below", "0.01", "percent", pts("0.1"))],
  ["超过目标值的，每超过1%扣1分", lin("above", "0.01", "percent", pts("1"))],
  ["执行率每低于目标1个百分点扣权重分的2%", lin("below", "0.01", "percent", share("0.02"))],
  ["每少完成1个扣0.5分", lin("below", "1", "item", pts("0.5"))],
  ["每降低1%扣1分，不足1%的按1%计", lin("below", "0.01", "percent", pts("1"), { stepCounting: "started" })],
  ["每降低1%扣1分，不足1%的不扣分", lin("below", "0.01", "percent", pts("1"), { stepCounting: "whole" })],
  ["每降低1%扣1分,不足1个百分点的按比例扣分", lin("below", "0.01", "percent", pts("1"), { stepCounting: "proportional" })],
  ["每降低1%扣权重分的百分之十", lin("below", "0.01", "percent", share("0.1"))],
  ["结余率≤5%得满分，每增加1%扣0.5分", lin("above", "0.01", "percent", pts("0.5"), { reference: "0.05" })],
  ["资金到位率100%得2分，每降低1%扣0.1分", lin("below", "0.01", "percent", pts("0.1"))],
  ["1.达到目标值得满分；2.未达到目标值每降低1%扣0.5分", lin("below", "0.01", "percent", pts("0.5"))],
  ["控制在预算范围内得满分，超出预算每超1%扣0.5分", lin("above", "0.01", "percent", pts("0.5"))],
  ["每延迟一周扣1分", lin("above", "7", "day", pts("1"))],
  ["按时完成得满分，每延期1个月扣1分", lin("above", "1", "month", pts("1"))],
  ["项目按计划完成得5分，每延期1个月扣1分", lin("above", "1", "month", pts("1"))],
  ["每推迟一个月扣权重分的20%，扣完为止", lin("above", "1", "month", share("0.2"))],
  ["按期完工得满分，每延后1个月扣0.5分，最多扣2分", lin("above", "1", "month", pts("0.5"), { cap: pts("2") })],
  ["每延期1个月，扣1分", lin("above", "1", "month", pts("1"))],
  ["每降低1%扣权重分的10%扣完为止", lin("below", "0.01", "percent", share("0.1"))],
  ["每降低1%扣0.5分扣完为止", lin("below", "0.01", "percent", pts("0.5"))],
  ["实际值≥目标值得满分，每低1个百分点扣0.5分", lin("below", "0.01", "percent", pts("0.5"))],
  ["实际值≤目标值得满分，每超出1%扣0.5分", lin("above", "0.01", "percent", pts("0.5"))],
  ["满意度95%以上（含）得满分，每下降1个百分点扣0.5分", lin("below", "0.01", "percent", pts("0.5"), { reference: "0.95" })],
  ["差错率每增加0.1%扣0.5分", lin("above", "0.001", "percent", pts("0.5"))],
  ["按时报送得5分，每迟报1天扣1分", lin("above", "1", "day", pts("1"))],
  ["实际值为100%得满分,每降低1%扣权重分的10%,扣完为止;超过100%不加分", lin("below", "0.01", "percent", share("0.1"))],
  ["在规定时间内完成得满分；每超期1天扣1分", lin("above", "1", "day", pts("1"))],
  ["时效：按时完成得满分，未按时完成每延期1天扣0.5分", lin("above", "1", "day", pts("0.5"))],
  ["目标值≥95%，实际值每低于目标值1个百分点扣1分", lin("below", "0.01", "percent", pts("1"))],
  ["项目完成率达到100%得满分，每降低1%扣0.5分，扣完为止。", lin("below", "0.01", "percent", pts("0.5"), { reference: "1" })],
  ["项目验收合格率=100%，得满分；每低于1个百分点扣0.2分", lin("below", "0.01", "percent", pts("0.2"))],
  ["政策知晓率≥90%得满分，每降低1个百分点扣权重分的5%，低于70%不得分", lin("below", "0.01", "percent", share("0.05"), { reference: "0.9", zeroWhen: b("lt", "0.7") })],
  ["资金拨付及时率100%得满分，每延迟1天扣0.1分，最多扣1分", lin("above", "1", "day", pts("0.1"), { cap: pts("1") })],
  ["按期完成得满分，每推迟1天扣0.2分", lin("above", "1", "day", pts("0.2"))],
  ["每超出预算1%扣0.5分", lin("above", "0.01", "percent", pts("0.5"))],
  ["成本控制在预算内得满分，每超支1%扣权重分的10%", lin("above", "0.01", "percent", share("0.1"))],
  ["每少1人扣0.5分", lin("below", "1", "unit", pts("0.5"))],
  ["培训人次每减少10人次扣0.5分", lin("below", "10", "unit", pts("0.5"))],
  ["实际完成数≥目标值得满分，每少1个扣1分", lin("below", "1", "item", pts("1"))],
  ["全部完成得满分，每少完成1项扣1分", lin("below", "1", "item", pts("1"))],
];

const BRACKET: Array<[string, object]> = [
  [
    "及时率100%得2分，95%（含）-100%得1分，95%以下不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "1"), upper: b("le", "1"), points: pts("2") },
        { lower: b("ge", "0.95"), upper: b("lt", "1"), points: pts("1") },
        { lower: null, upper: b("le", "0.95"), points: pts("0") },
      ],
    },
  ],
  [
    "结余率0-5%(含)得满分，5%-10%(含)得50%分值，10%以上不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("gt", "0"), upper: b("le", "0.05"), points: share("1") },
        { lower: b("gt", "0.05"), upper: b("le", "0.1"), points: share("0.5") },
        { lower: b("ge", "0.1"), upper: null, points: pts("0") },
      ],
    },
  ],
  [
    "预算执行率≥95%，得10分；90%≤预算执行率＜95%，得8分；85%≤预算执行率＜90%，得6分；预算执行率＜85%，不得分。",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.95"), upper: null, points: pts("10") },
        { lower: b("ge", "0.9"), upper: b("lt", "0.95"), points: pts("8") },
        { lower: b("ge", "0.85"), upper: b("lt", "0.9"), points: pts("6") },
        { lower: null, upper: b("lt", "0.85"), points: pts("0") },
      ],
    },
  ],
  [
    "满意度90分以上得满分，80-90分得3分，80分以下不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "90"), upper: null, points: share("1") },
        { lower: b("ge", "80"), upper: b("lt", "90"), points: pts("3") },
        { lower: null, upper: b("le", "80"), points: pts("0") },
      ],
    },
  ],
  [
    "结余结转率=0,计8分;0-10%(含),计6分;10%-20%(含),计4分;20%-30%(含),计2分;大于30%不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0"), upper: b("le", "0"), points: pts("8") },
        { lower: b("gt", "0"), upper: b("le", "0.1"), points: pts("6") },
        { lower: b("gt", "0.1"), upper: b("le", "0.2"), points: pts("4") },
        { lower: b("gt", "0.2"), upper: b("le", "0.3"), points: pts("2") },
        { lower: b("gt", "0.3"), upper: null, points: pts("0") },
      ],
    },
  ],
  [
    "≥95%得3分，90%(含)-95%得2分，80%（含）—90%得1分，低于80%不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.95"), upper: null, points: pts("3") },
        { lower: b("ge", "0.9"), upper: b("lt", "0.95"), points: pts("2") },
        { lower: b("ge", "0.8"), upper: b("lt", "0.9"), points: pts("1") },
        { lower: null, upper: b("lt", "0.8"), points: pts("0") },
      ],
    },
  ],
  [
    "10%<结余结转率≤20%的，得2分；结余结转率≤10%的，得3分；结余结转率>20%的，不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("gt", "0.1"), upper: b("le", "0.2"), points: pts("2") },
        { lower: null, upper: b("le", "0.1"), points: pts("3") },
        { lower: b("gt", "0.2"), upper: null, points: pts("0") },
      ],
    },
  ],
  [
    "完成率达到100%得5分；95%≤完成率<100%得3分；完成率<95%不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "1"), upper: null, points: pts("5") },
        { lower: b("ge", "0.95"), upper: b("lt", "1"), points: pts("3") },
        { lower: null, upper: b("lt", "0.95"), points: pts("0") },
      ],
    },
  ],
  [
    "满意度≥90%得满分，80%≤满意度<90%得60%权重分，满意度<80%不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.9"), upper: null, points: share("1") },
        { lower: b("ge", "0.8"), upper: b("lt", "0.9"), points: share("0.6") },
        { lower: null, upper: b("lt", "0.8"), points: pts("0") },
      ],
    },
  ],
  [
    "满意度90%(含)以上得满分，80%(含)-90%得权重分的60%，80%以下不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.9"), upper: null, points: share("1") },
        { lower: b("ge", "0.8"), upper: b("lt", "0.9"), points: share("0.6") },
        { lower: null, upper: b("le", "0.8"), points: pts("0") },
      ],
    },
  ],
  [
    "80-90%得2分;90-100%得3分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.8"), upper: b("lt", "0.9"), points: pts("2") },
        { lower: b("ge", "0.9"), upper: b("lt", "1"), points: pts("3") },
      ],
    },
  ],
];

const THRESHOLD: Array<[string, object]> = [
  ["及时足额到位得满分，否则不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["(1)完成目标得3分;(2)未完成目标不得分", { kind: "threshold", condition: null, met: pts("3"), notMet: pts("0") }],
  ["达到目标值得4分；未达到目标值得0分", { kind: "threshold", condition: null, met: pts("4"), notMet: pts("0") }],
  ["达到目标值得满分，未达到目标值不得分。", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["满意度大于90%得满分", { kind: "threshold", condition: b("gt", "0.9"), met: share("1"), notMet: pts("0") }],
  ["满意度达到90%及以上的得满分，否则不得分", { kind: "threshold", condition: b("ge", "0.9"), met: share("1"), notMet: pts("0") }],
  ["按时完成的得2分，否则不得分", { kind: "threshold", condition: null, met: pts("2"), notMet: pts("0") }],
  // A met / not-met pair of achievement phrases is a threshold on the row's target (a numeric or dated
  // actual is scored against it); these two were read as word tiers, which refused 实际值 5个.
  ["完成得分，未完成不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["按时完成得满分，未按时完成不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["完成目标得满分，未完成不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["完成得满分，未完成不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["按时完成得满分，否则不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["实现目标得满分，未实现不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["全面完成年度目标任务得满分；未完成年度目标任务不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["已完成的得满分，未完成的不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["按期完成得3分，逾期完成得1分", { kind: "threshold", condition: null, met: pts("3"), notMet: pts("1") }],
  ["按计划完成得满分，未按计划完成不得分", { kind: "threshold", condition: null, met: share("1"), notMet: pts("0") }],
  ["如期实现绩效目标的得5分；没有实现绩效目标的得0分", { kind: "threshold", condition: null, met: pts("5"), notMet: pts("0") }],
];

/** Beside numeric tiers, 全部完成 / 按时完成 is the met-target tier, not a word tier. */
const ACHIEVEMENT_TIERS: Array<[string, object]> = [
  [
    "全部完成得满分，完成80%以上得70%分值，完成60%以上得50%分值，60%以下不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: null, upper: null, meetsTarget: true, points: share("1") },
        { lower: b("ge", "0.8"), upper: null, points: share("0.7") },
        { lower: b("ge", "0.6"), upper: null, points: share("0.5") },
        { lower: null, upper: b("le", "0.6"), points: pts("0") },
      ],
    },
  ],
  [
    "全部完成得满分，完成90%（含）以上得80%分值，90%以下不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: null, upper: null, meetsTarget: true, points: share("1") },
        { lower: b("ge", "0.9"), upper: null, points: share("0.8") },
        { lower: null, upper: b("le", "0.9"), points: pts("0") },
      ],
    },
  ],
  [
    "按时完成得3分；完成率80%-100%得2分；完成率低于80%不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: null, upper: null, meetsTarget: true, points: pts("3") },
        { lower: b("ge", "0.8"), upper: b("lt", "1"), points: pts("2") },
        { lower: null, upper: b("lt", "0.8"), points: pts("0") },
      ],
    },
  ],
  [
    "完成目标任务得满分，完成70%以上得60%权重分，完成不足70%的不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: null, upper: null, meetsTarget: true, points: share("1") },
        { lower: b("ge", "0.7"), upper: null, points: share("0.6") },
        { lower: null, upper: b("lt", "0.7"), points: pts("0") },
      ],
    },
  ],
];

/** Shares written in words: 一半分值 / 分值的一半 / 三分之二分值. */
const HALVES: Array<[string, object]> = [
  [
    "满意度90%以上得满分，80%-90%得一半分值，80%以下不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.9"), upper: null, points: share("1") },
        { lower: b("ge", "0.8"), upper: b("lt", "0.9"), points: share("0.5") },
        { lower: null, upper: b("le", "0.8"), points: pts("0") },
      ],
    },
  ],
  [
    "≥90%得满分，80%(含)-90%得一半，低于80%不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.9"), upper: null, points: share("1") },
        { lower: b("ge", "0.8"), upper: b("lt", "0.9"), points: share("0.5") },
        { lower: null, upper: b("lt", "0.8"), points: pts("0") },
      ],
    },
  ],
  [
    "满意度90%以上得满分，80%-90%得三分之二分值，80%以下不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.9"), upper: null, points: share("1") },
        { lower: b("ge", "0.8"), upper: b("lt", "0.9"), points: share(new Decimal(2).div(3).toString()) },
        { lower: null, upper: b("le", "0.8"), points: pts("0") },
      ],
    },
  ],
  ["达到目标值得满分，未达到得分值的一半", { kind: "threshold", condition: null, met: share("1"), notMet: share("0.5") }],
  ["每降低5%扣一半分值，扣完为止", lin("below", "0.05", "percent", share("0.5"))],
];

const checklist = (points: Array<[number, object]>, gates: number[] = [], allOrNothing = false) => ({
  kind: "checklist",
  points: points.map(([index, s]) => ({ index, share: s })),
  gates,
  allOrNothing,
  countTiers: [],
});

const CHECKLIST: Array<[string, object]> = [
  ["具备要点1、2、3各得1分", checklist([[1, pts("1")], [2, pts("1")], [3, pts("1")]])],
  ["具备要点1-3得100%权重分，任一项不具备得0权重分", checklist([1, 2, 3].map((i) => [i, share(new Decimal(1).div(3).toString())] as [number, object]), [], true)],
  ["①②③各1分", checklist([[1, pts("1")], [2, pts("1")], [3, pts("1")]])],
  ["不具备要点1得0分，具备要点2得1分，具备要点3得1分", checklist([[2, pts("1")], [3, pts("1")]], [1])],
  ["具备要点1和2得50%权重分；具备要点3得50%权重分", checklist([[1, share("0.25")], [2, share("0.25")], [3, share("0.5")]])],
  [
    "全部符合(3分)；符合其中两项(2分)；符合其中一项(1分)；均不符合(0分)",
    {
      kind: "checklist",
      points: [],
      gates: [],
      allOrNothing: false,
      countTiers: [
        { count: 3, comparator: "ge", points: pts("3"), all: true },
        { count: 2, comparator: "eq", points: pts("2") },
        { count: 1, comparator: "eq", points: pts("1") },
        { count: 0, comparator: "eq", points: pts("0") },
      ],
    },
  ],
  [
    "公开绩效目标的，得2分，否则不得分；公开自评结果的，得2分，否则不得分；公开整改情况的，得1分，否则不得分",
    checklist([[1, pts("2")], [2, pts("2")], [3, pts("1")]]),
  ],
];

const OCCURRENCE: Array<[string, object]> = [
  ["未发生安全事故得满分，发生一起扣1分", { kind: "occurrence", perOccurrence: pts("1"), cap: null }],
  ["有效投诉每起扣0.5分", { kind: "occurrence", perOccurrence: pts("0.5"), cap: null }],
  ["每发现一起违规违纪问题扣2分，最高扣5分", { kind: "occurrence", perOccurrence: pts("2"), cap: pts("5") }],
  ["每发现一次违规扣1分，扣完为止", { kind: "occurrence", perOccurrence: pts("1"), cap: null }],
  ["每出现1例扣0.5分，最多扣2分", { kind: "occurrence", perOccurrence: pts("0.5"), cap: pts("2") }],
  ["每发生一起安全事故扣2分", { kind: "occurrence", perOccurrence: pts("2"), cap: null }],
  ["每有一项不符合扣权重分的20%", { kind: "occurrence", perOccurrence: share("0.2"), cap: null }],
  ["未发现问题的得满分，每出现一例不符合要求的扣1分,扣完为止", { kind: "occurrence", perOccurrence: pts("1"), cap: null }],
];

const QUALITATIVE: Array<[string, object]> = [
  ["是得满分，否不得分", { kind: "qualitative", tiers: [{ phrase: "是", points: share("1") }, { phrase: "否", points: pts("0") }] }],
  [
    "达成年度指标得满分，部分达成得60%，未达成不得分",
    { kind: "qualitative", tiers: [{ phrase: "达成年度指标", points: share("1") }, { phrase: "部分达成", points: share("0.6") }, { phrase: "未达成", points: pts("0") }] },
  ],
  ["资料齐全得3分，资料基本齐全得2分，其他情况不得分", { kind: "qualitative", tiers: [{ phrase: "资料齐全", points: pts("3") }, { phrase: "资料基本齐全", points: pts("2") }, { phrase: "其他", points: pts("0") }] }],
  // Three levels of completion stay word tiers: 部分完成 is neither met nor not met.
  [
    "完成得满分，部分完成得60%，未完成不得分",
    { kind: "qualitative", tiers: [{ phrase: "完成", points: share("1") }, { phrase: "部分完成", points: share("0.6") }, { phrase: "未完成", points: pts("0") }] },
  ],
  ["有制度得1分，无制度不得分", { kind: "qualitative", tiers: [{ phrase: "有制度", points: pts("1") }, { phrase: "无制度", points: pts("0") }] }],
  [
    "有健全的管理制度且执行有效得3分，有制度但执行不到位得1分，无制度不得分",
    { kind: "qualitative", tiers: [{ phrase: "有健全的管理制度且执行有效", points: pts("3") }, { phrase: "有制度但执行不到位", points: pts("1") }, { phrase: "无制度", points: pts("0") }] },
  ],
  ["公开及时、完整得满分，不及时或不完整的不得分", { kind: "qualitative", tiers: [{ phrase: "公开及时、完整", points: share("1") }, { phrase: "不及时或不完整", points: pts("0") }] }],
  [
    "已建立并执行的得满分，已建立未执行的得50%，未建立的不得分",
    { kind: "qualitative", tiers: [{ phrase: "已建立并执行", points: share("1") }, { phrase: "已建立未执行", points: share("0.5") }, { phrase: "未建立", points: pts("0") }] },
  ],
  [
    "效果显著,10分;效果较好,8分;效果一般,5分;无效果,不得分",
    {
      kind: "qualitative",
      tiers: [
        { phrase: "效果显著", points: pts("10") },
        { phrase: "效果较好", points: pts("8") },
        { phrase: "效果一般", points: pts("5") },
        { phrase: "无效果", points: pts("0") },
      ],
    },
  ],
  [
    "好(5分)；较好(3分)；一般(1分)；差(0分)",
    {
      kind: "qualitative",
      tiers: [
        { phrase: "好", points: pts("5") },
        { phrase: "较好", points: pts("3") },
        { phrase: "一般", points: pts("1") },
        { phrase: "差", points: pts("0") },
      ],
    },
  ],
  [
    "资料齐全、分析到位的得3分；资料基本齐全的得2分；资料不全的不得分",
    {
      kind: "qualitative",
      tiers: [
        { phrase: "资料齐全、分析到位", points: pts("3") },
        { phrase: "资料基本齐全", points: pts("2") },
        { phrase: "资料不全", points: pts("0") },
      ],
    },
  ],
];

const actual = { op: "var", name: "actual" };
const weight = { op: "var", name: "weight" };
const target = { op: "var", name: "target" };
const num = (value: string) => ({ op: "num", value });

const FORMULA: Array<[string, object]> = [
  ["得分=政府采购执行率×2", { kind: "formula", expr: { op: "*", left: actual, right: num("2") }, zeroWhen: null }],
  ["得分=预算执行率×分值", { kind: "formula", expr: { op: "*", left: actual, right: weight }, zeroWhen: null }],
  ["得分＝执行率＊10", { kind: "formula", expr: { op: "*", left: actual, right: num("10") }, zeroWhen: null }],
  ["得分=固定资产利用率/80%×3", { kind: "formula", expr: { op: "*", left: { op: "/", left: actual, right: num("0.8") }, right: num("3") }, zeroWhen: null }],
  [
    "得分=(1-2×超支率)×指标分值；若超支率>10%，此项得0分",
    {
      kind: "formula",
      expr: { op: "*", left: { op: "-", left: num("1"), right: { op: "*", left: num("2"), right: actual } }, right: weight },
      zeroWhen: b("gt", "0.1"),
    },
  ],
  ["得分=(执行率×2", { kind: "formula", expr: { op: "*", left: actual, right: num("2") }, zeroWhen: null }],
  ["得分=（实际完成值/目标值）×分值", { kind: "formula", expr: { op: "*", left: { op: "/", left: actual, right: target }, right: weight }, zeroWhen: null }],
  ["得分=实际值/计划值×该项分值，最高不超过该项分值", { kind: "formula", expr: { op: "*", left: { op: "/", left: actual, right: target }, right: weight }, zeroWhen: null }],
  ["预算执行率×10", { kind: "formula", expr: { op: "*", left: actual, right: num("10") }, zeroWhen: null }],
  ["执行率×权重分", { kind: "formula", expr: { op: "*", left: actual, right: weight }, zeroWhen: null }],
  ["得分(20分*执行率)", { kind: "formula", expr: { op: "*", left: num("20"), right: actual }, zeroWhen: null }],
  ["完成值/指标值×分值", { kind: "formula", expr: { op: "*", left: { op: "/", left: actual, right: target }, right: weight }, zeroWhen: null }],
  ["实际完成值/目标值×分值，最高不超过分值", { kind: "formula", expr: { op: "*", left: { op: "/", left: actual, right: target }, right: weight }, zeroWhen: null }],
  ["计算公式：得分=预算执行率×分值", { kind: "formula", expr: { op: "*", left: actual, right: weight }, zeroWhen: null }],
  ["预算执行率得分=预算执行率×分值", { kind: "formula", expr: { op: "*", left: actual, right: weight }, zeroWhen: null }],
];

const RATIO: Array<[string, object]> = [
  ["指标完成值达到指标值的，得满分；未达到的，按完成比例得分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["达到或超过目标值得满分，未达到目标值按比例扣分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["实际完成率≥100%，得满分；实际完成率<100%，按实际完成率×分值计分", { kind: "ratio", denominator: "1", lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["完成率在100%以上的得满分，在100%以下的，按完成率计算得分", { kind: "ratio", denominator: "1", lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["按完成比例计分，最高得满分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["以目标值为基准，按实际完成比例得分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["完成率达100%的，得满分；完成率在80%-100%之间的，按比例得分；完成率低于80%的，不得分", { kind: "ratio", denominator: "1", lowerIsBetter: false, capped: true, gate: b("lt", "0.8"), gateDeduct: null }],
  ["按实际完成率计算得分，最高不超过满分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["完成率×该项权重", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["按完成比例得分，超过目标值不加分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["采用完成率法计分：得分=执行率/目标值×10", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["得分=完成率×分值", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["采用完成率法计分：得分=目标值/实际值×5", { kind: "ratio", denominator: null, lowerIsBetter: true, capped: true, gate: null, gateDeduct: null }],
  ["采用完成率法计分，低于60%不得分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: b("lt", "0.6"), gateDeduct: null }],
  ["按实际完成比例计分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["大于等于95%得满分；低于95%按比例得分", { kind: "ratio", denominator: "0.95", lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["得分=权重×完成率", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["实际值达到目标值的得满分；未达到的，按完成比例计算得分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
];

const OTHER: Array<[string, object]> = [
  ["得分=(考核结果/100)×10", { kind: "external", scale: "100" }],
  ["综合得分＝（部门绩效管理工作评价结果／100）＊5分", { kind: "external", scale: "100" }],
  ["视情节严重程度扣分", { kind: "manual" }],
  ["酌情扣分", { kind: "manual" }],
  ["根据完成程度酌情打分", { kind: "manual" }],
  ["", { kind: "default" }],
  ["   ", { kind: "default" }],
  ["。", { kind: "default" }],
  ["-", { kind: "default" }],
  ["——", { kind: "default" }],
  ["／", { kind: "default" }],
  ["无", { kind: "default" }],
];

function table(name: string, rows: Array<[string, object]>) {
  describe(name, () => {
    for (const [text, expected] of rows) {
      it(text || "(空)", () => {
        expect(plain(parseRule(text))).toEqual(expected);
      });
    }
  });
}

table("linear", LINEAR);
table("bracket", BRACKET);
table("threshold", THRESHOLD);
table("achievement beside numeric tiers", ACHIEVEMENT_TIERS);
table("shares in words", HALVES);
table("checklist", CHECKLIST);
table("occurrence", OCCURRENCE);
table("qualitative", QUALITATIVE);
table("formula", FORMULA);
table("ratio", RATIO);
table("external, manual, default", OTHER);

describe("bracket repair only when unambiguous", () => {
  it("得分=执行率×2)-1: every placement of the missing ( gives the same value", () => {
    expect(plain(parseRule("得分=执行率×2)-1"))).toEqual({
      kind: "formula",
      expr: { op: "-", left: { op: "*", left: actual, right: num("2") }, right: num("1") },
      zeroWhen: null,
    });
  });
});

/** Common national wordings (lead's probes) and wordings of the same families. */
const ratio = (extra: Record<string, unknown> = {}) => ({ kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null, ...extra });
const NATIONAL: Array<[string, object]> = [
  ["每低于目标值1个百分点扣0.5分", lin("below", "0.01", "percent", pts("0.5"))],
  ["每低于年度指标值1个百分点扣1分", lin("below", "0.01", "percent", pts("1"))],
  ["每低于计划值2个百分点扣0.5分，扣完为止", lin("below", "0.02", "percent", pts("0.5"))],
  ["完成率低于60%的不得分，60%-100%之间按比例得分", ratio({ gate: b("lt", "0.6") })],
  ["完成率低于50%的不得分，50%-100%之间按比例得分", ratio({ gate: b("lt", "0.5") })],
  // The (含) of the ratio part puts 60% itself on the scored side.
  ["完成率在60%以下不得分，60%（含）以上按完成比例计分", ratio({ gate: b("lt", "0.6") })],
  // 以100%为满分 names the full-marks level, as 以95%为基准 does.
  ["以100%为满分，每下降1个百分点扣除该项分值的2%", lin("below", "0.01", "percent", share("0.02"), { reference: "1" })],
  ["以95%为满分，每下降1个百分点扣0.5分", lin("below", "0.01", "percent", pts("0.5"), { reference: "0.95" })],
  ["以100%为满分，每降低1%扣权重分的5%", lin("below", "0.01", "percent", share("0.05"), { reference: "1" })],
  ["实际完成值≥年度指标值得满分，否则按完成比例计分", ratio()],
  ["实际完成值≥指标值得满分，否则按完成比例计分", ratio()],
  ["实际值≥目标值的得满分，否则按实际完成率计算得分", ratio()],
  ["无重大安全事故得满分，发生一起扣2分，扣完为止", { kind: "occurrence", perOccurrence: pts("2"), cap: null }],
  ["未发生安全责任事故得满分，每发生一起扣1分", { kind: "occurrence", perOccurrence: pts("1"), cap: null }],
  ["无安全事故得满分，发生一起扣1分，最多扣3分", { kind: "occurrence", perOccurrence: pts("1"), cap: pts("3") }],
  // Grade names before numeric tiers only label them.
  [
    "优：100%，得5分；良：90%-100%（不含），得4分；中：80%-90%（不含），得3分；差：80%以下，不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "1"), upper: b("le", "1"), points: pts("5") },
        { lower: b("ge", "0.9"), upper: b("lt", "1"), points: pts("4") },
        { lower: b("ge", "0.8"), upper: b("lt", "0.9"), points: pts("3") },
        { lower: null, upper: b("le", "0.8"), points: pts("0") },
      ],
    },
  ],
  [
    "优秀：95%以上，得满分；良好：85%-95%，得80%权重分；合格：70%-85%，得60%权重分；不合格：70%以下，不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.95"), upper: null, points: share("1") },
        { lower: b("ge", "0.85"), upper: b("lt", "0.95"), points: share("0.8") },
        { lower: b("ge", "0.7"), upper: b("lt", "0.85"), points: share("0.6") },
        { lower: null, upper: b("le", "0.7"), points: pts("0") },
      ],
    },
  ],
  // A grade name before a word tier is not dropped: the words are the tier.
  ["好:5分;较好:3分;差:0分", { kind: "qualitative", tiers: [{ phrase: "好", points: pts("5") }, { phrase: "较好", points: pts("3") }, { phrase: "差", points: pts("0") }] }],
];

table("common national wordings", NATIONAL);

/** A definition of the measured rate beside the rule (预算执行率=实际支出/预算数×100%) is dropped when the rest reads alone. */
const DEFINITIONS: Array<[string, object]> = [
  ["预算执行率=实际支出/预算数×100%，执行率达到100%得满分，每低1个百分点扣0.5分，扣完为止", lin("below", "0.01", "percent", pts("0.5"), { reference: "1" })],
  ["完成率=实际完成数/计划数，得分=完成率×分值，最高不超过分值", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  ["执行率=实际支出/预算数×100%；执行率≥95%得满分，每降低1%扣0.5分", lin("below", "0.01", "percent", pts("0.5"), { reference: "0.95" })],
  ["每降低1个百分点扣权重分的10%，扣完为止。预算执行率=(实际支出/调整后预算数)×100%", lin("below", "0.01", "percent", share("0.1"))],
  ["完成率=实际完成数/计划数×100%，按完成比例计分", { kind: "ratio", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null }],
  [
    "预算执行率＝预算执行数／预算数×100%，预算执行率≥95%得10分，90%≤预算执行率<95%得8分，预算执行率<90%不得分",
    {
      kind: "bracket",
      tiers: [
        { lower: b("ge", "0.95"), upper: null, points: pts("10") },
        { lower: b("ge", "0.9"), upper: b("lt", "0.95"), points: pts("8") },
        { lower: null, upper: b("lt", "0.9"), points: pts("0") },
      ],
    },
  ],
];

table("definitions beside the rule", DEFINITIONS);

describe("definitions are dropped only when the rest reads alone", () => {
  it.each([
    ["预算执行率=实际支出/预算数×100%", "未写明得分"],
    ["完成率=实际完成数/计划数，另有加分", "另有加分"],
    // A level, not a ratio of named things: still a (one-tier) condition, not a definition.
    ["执行率=100%，得满分", "只有一个档次"],
  ])("%s is refused (%s)", (text, quoted) => {
    expect(() => parseRule(text)).toThrow(quoted);
  });
});
