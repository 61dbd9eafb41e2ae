/** The generated tables bench/check measures: the same every run (a fixed seed), rules as real tables write them. */
import type { CellSpec, SheetSpec } from "../../examples/specs/spec";

/** A small deterministic generator, so every run measures the same tables. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const RULES = [
  "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止。",
  "实际值达到目标值得满分,每降低1%扣权重分的10%,扣完为止。",
  "达到目标值得满分，未达到目标值不得分",
  "不具备要点1实际值得0权重分，具备要点2实际值得50%权重分，具备要点3实际值得50%权重分。",
  "目标值为 80%；以 3 分为上限，采用完成率法计分：得分=固定资产利用率/80% × 100% × 3，超出目标值不加分。",
];

export function bigTable(n: number): SheetSpec {
  const rnd = prng(42);
  const rows: CellSpec[][] = [["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"]];
  const weight = 100 / n;
  for (let i = 0; i < n; i++) {
    const kind = i % RULES.length;
    const pct = Math.round((0.9 + rnd() * 0.1) * 1000) / 1000;
    const [target, actual]: [CellSpec, CellSpec] = kind === 3 ? ["健全", "健全"] : kind === 4 ? ["80%", { v: pct * 0.85, fmt: "0.0%" }] : ["=100%", { v: pct, fmt: "0.0%" }];
    rows.push([i % 50 === 0 ? `一级${i / 50}` : null, i % 10 === 0 ? `二级${i / 10}` : null, `指标${i}`, target, actual, weight, RULES[kind], rnd() < 0.1 ? null : weight]);
  }
  rows.push(["合计", null, null, null, null, 100, null, null]);
  return { name: "大表", rows, merges: [] };
}

