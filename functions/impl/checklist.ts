/**
 * =JX.CHECKLIST: 要点. One cell per point says whether it is met; one share (points) per point; optional
 * gate points (不具备要点1得0分) or 全部 (任意一项不具备得0分). The weight is the sum of the shares.
 */
import Decimal from "decimal.js";
import type { ChecklistRule } from "../../src/rules/types";
import { cellsOf, isBlank, numberFrom, optionalWord, singleCell } from "../args";
import { scoreByRule, scoreOf } from "../engine";
import { FunctionInputError } from "../runtime";

const YES = /^(true|是|√|✓|✔|具备|符合|有|完成|已完成|达到|y|yes)$/i;
const NO = /^(false|否|×|✗|✘|不具备|不符合|无|未完成|未达到|n|no)$/i;

/** TRUE/1/是/√ = met; FALSE/0/否/×/blank = not met (a blank reads 0 on Windows, null on the web). */
export function metFlag(cell: unknown, index: number): boolean {
  if (cell === null || cell === undefined || isBlank(cell)) return false;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") {
    if (cell === 1) return true;
    if (cell === 0) return false;
  }
  const text = String(cell).trim();
  if (YES.test(text)) return true;
  if (NO.test(text)) return false;
  throw new FunctionInputError(`要点第${index}项“${text}”无法判断是否具备，请填 是/否、√/×、TRUE/FALSE 或 1/0`);
}

function gatesOf(v: unknown, count: number): { gates: number[]; allOrNothing: boolean } {
  const cells = cellsOf(v).filter((c) => !isBlank(c) && c !== 0 && c !== false);
  if (cells.length === 1) {
    const word = optionalWord(cells[0], "关键要点");
    if (word !== null && /^(全部|all|任意一项|true)$/i.test(word)) return { gates: [], allOrNothing: true };
  }
  const gates = cells.map((c, i) => {
    const n = numberFrom(singleCell(c, "关键要点"), `关键要点第${i + 1}项`);
    if (!n.isInteger() || n.lt(1) || n.gt(count)) throw new FunctionInputError(`关键要点应为1到${count}之间的要点序号，收到了${n.toString()}`);
    return n.toNumber();
  });
  return { gates, allOrNothing: false };
}

export function checklistScore(met: unknown, shares: unknown, gate: unknown): number {
  const metCells = cellsOf(met);
  const shareCells = cellsOf(shares);
  if (metCells.length !== shareCells.length) throw new FunctionInputError(`要点有${metCells.length}项，分值有${shareCells.length}项，两者个数应相同`);
  const values = shareCells.map((c, i) => {
    const v = numberFrom(singleCell(c, "分值"), `分值第${i + 1}项`);
    if (v.lt(0)) throw new FunctionInputError(`分值第${i + 1}项为负数（${v.toString()}）`);
    return v;
  });
  const weight = values.reduce((s, v) => s.plus(v), new Decimal(0));
  if (weight.lte(0)) throw new FunctionInputError("各要点分值合计为0，无法计分");
  const flags = metCells.map((c, i) => metFlag(c, i + 1));
  const { gates, allOrNothing } = gatesOf(gate, flags.length);
  const rule: ChecklistRule = {
    kind: "checklist",
    text: `按要点计分：${values.map((v, i) => `要点${i + 1}得${v.toString()}分`).join("，")}${gates.length ? `；不具备要点${gates.join("、")}得0分` : ""}${allOrNothing ? "；任意一项不具备得0分" : ""}`,
    points: values.map((v, i) => ({ index: i + 1, share: { mode: "points", value: v } })),
    gates,
    allOrNothing,
    countTiers: [],
  };
  const metList = flags.map((f, i) => (f ? i + 1 : 0)).filter((i) => i > 0);
  const actual = `具备要点${metList.join("、")}`;
  return scoreOf(scoreByRule(rule, { rule: rule.text, target: "全部要点", actual, weight: weight.toNumber() }, {}));
}
