import { Command } from "commander";
import { createInterface } from "readline";
import { scoreRow, parseOptionAssignments } from "../../src/rules";
import { kindLabel } from "../kind-label";
import type { Evaluation, RowInput, ScoreResult, ScoringOptions } from "../../src/rules";
import { chineseHelp } from "../help";
import { readScoringOptions, scoringOptionsHelp, withScoringOptionFlag } from "../scoring-options";
import { EXIT_OK, EXIT_USAGE, UsageError } from "../errors";
import { formatPoints } from "../../src/values/format";
import Decimal from "decimal.js";

/** The JSON shape of one scored row, as documented in the README. */
export function scoreJson(result: ScoreResult): Record<string, unknown> {
  if (!result.ok) return { error: result.error };
  const out: Record<string, unknown> = {
    score: result.score,
    kind: result.kind,
    options: result.options,
    explanation: result.explanation,
    assumptions: result.assumptions,
    alternatives: result.alternatives.map((a) => ({ reading: a.reading, score: a.score, ...(a.range ? { range: a.range } : {}) })),
  };
  if (result.range) out.range = result.range;
  return out;
}

function human(result: Evaluation): string {
  const lines = [
    result.score === null ? `得分：需人工评分（${kindLabel(result)}）` : `得分：${formatPoints(new Decimal(result.score))}（${kindLabel(result)}）`,
    `说明：${result.explanation}`,
  ];
  if (result.assumptions.length) lines.push(`假设（请确认）：${result.assumptions.join("；")}`);
  if (result.alternatives.length) {
    lines.push("其他读法：");
    for (const a of result.alternatives) lines.push(`  ${a.reading} → ${a.range ? `${formatPoints(new Decimal(a.range.min))}–${formatPoints(new Decimal(a.range.max))}` : formatPoints(new Decimal(a.score))}`);
  }
  return lines.join("\n");
}

const FIELD_TYPES: Record<string, { ok: (v: unknown) => boolean; want: string }> = {
  rule: { ok: (v) => v === null || typeof v === "string", want: "文本" },
  target: { ok: (v) => v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean", want: "文本或数值" },
  actual: { ok: (v) => v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean", want: "文本或数值" },
  weight: { ok: (v) => v === null || typeof v === "string" || typeof v === "number", want: "数值或文本" },
  name: { ok: (v) => v === null || typeof v === "string", want: "文本" },
  options: { ok: (v) => typeof v === "string" || (typeof v === "object" && v !== null && !Array.isArray(v)), want: "文本（如 \"stepCounting=whole\"）或对象" },
};

const TYPE_WORDS: Record<string, string> = { string: "文本", number: "数值", boolean: "真假值", object: "对象" };
const typeWord = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "数组" : (TYPE_WORDS[typeof v] ?? typeof v));

/** One --jsonl line -> its answer: every line gets one, a blank line too; messages in Chinese only. */
export function scoreJsonLine(line: string, lineNo: number, base: Partial<ScoringOptions>): { out: Record<string, unknown>; ok: boolean } {
  const fail = (message: string) => ({ out: { error: `第${lineNo}行：${message}` }, ok: false });
  // A UTF-8 byte order mark (Windows Notepad writes one) before the first line.
  const text = lineNo === 1 ? line.replace(/^\uFEFF/, "") : line;
  if (!text.trim()) return fail("空行，应为一个 JSON 对象，如 {\"rule\":\"\",\"target\":\"≥95%\",\"actual\":\"90%\",\"weight\":10}");
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch {
    return fail("不是有效的 JSON");
  }
  if (typeof row !== "object" || row === null || Array.isArray(row)) return fail("每行应为一个 JSON 对象");
  const fields = row as Record<string, unknown>;
  for (const [key, spec] of Object.entries(FIELD_TYPES)) {
    if (fields[key] !== undefined && !spec.ok(fields[key])) return fail(`字段 ${key} 应为${spec.want}，收到${typeWord(fields[key])}`);
  }
  try {
    const options = fields.options as string | Record<string, unknown> | undefined;
    const extra = options === undefined ? { ok: true as const, options: {} } : parseOptionAssignments(typeof options === "string" ? options : Object.entries(options).map(([k, v]) => `${k}=${v}`));
    if (!extra.ok) return fail(extra.error);
    const input: RowInput = {
      rule: (fields.rule as string | null | undefined) ?? "",
      target: fields.target as RowInput["target"],
      actual: fields.actual as RowInput["actual"],
      weight: fields.weight as RowInput["weight"],
      name: (fields.name as string | null | undefined) ?? null,
    };
    const result = scoreRow(input, { ...base, ...extra.options });
    return { out: scoreJson(result), ok: result.ok };
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    return fail("内部错误，无法计算该行（请将该行报告给开发者）");
  }
}

/** One JSON line in, one JSON line out; a bad line becomes an error line and the rest go on. */
async function scoreJsonLines(base: Partial<ScoringOptions>): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let failed = false;
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    const { out, ok } = scoreJsonLine(line, lineNo, base);
    if (!ok) failed = true;
    process.stdout.write(JSON.stringify(out) + "\n");
  }
  return failed ? EXIT_USAGE : EXIT_OK;
}

export function scoreCommand(): Command {
  const cmd = chineseHelp(new Command("score"))
    .description("按评分规则计算一行指标的得分并给出计算说明")
    .option("--rule <文本>", "评分规则原文；为空时按国家默认规则", "")
    .option("--target <值>", "目标值，如 =100%、≥95%、健全")
    .option("--actual <值>", "实际值，如 95.4%、0.954、健全")
    .option("--weight <分值>", "权重（分值）")
    .option("--name <指标名称>", "三级指标名称（用于判断成本、控制率等越低越好的指标）")
    .option("--json", "以 JSON 输出")
    .option("--jsonl", "从标准输入逐行读取 JSON（rule、target、actual、weight，可选 options），逐行输出结果");
  return withScoringOptionFlag(cmd, "stepCounting=whole 或 步长=整步")
    .addHelpText(
      "after",
      `
评分选项：
${scoringOptionsHelp()}

示例：
  jx score --rule "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止" --target "=100%" --actual 95.4% --weight 4
  jx score --rule "…" --target "=100%" --actual 95.4% --weight 4 --option stepCounting=nearest --json
  echo '{"rule":"","target":"≥95%","actual":"90%","weight":10}' | jx score --jsonl

退出码：0 成功；2 用法或输入错误（--jsonl 时任一行出错亦为 2，其余各行照常输出）。`,
    )
    .action(async (opts: { rule: string; target?: string; actual?: string; weight?: string; name?: string; json?: boolean; jsonl?: boolean; option?: string[] }) => {
      const base = readScoringOptions(opts.option);
      if (opts.jsonl) {
        process.exitCode = await scoreJsonLines(base);
        return;
      }
      const missing = (["target", "actual", "weight"] as const).filter((k) => opts[k] === undefined);
      if (missing.length) throw new UsageError(`缺少参数：${missing.map((k) => `--${k}`).join("、")}（或使用 --jsonl 从标准输入读取）`);
      const result = scoreRow({ rule: opts.rule, target: opts.target, actual: opts.actual, weight: opts.weight, name: opts.name ?? null }, base);
      if (opts.json) process.stdout.write(JSON.stringify(scoreJson(result)) + "\n");
      if (result.ok && !opts.json) process.stdout.write(human(result) + "\n");
      if (!result.ok) process.stderr.write(`错误：${result.error}\n`);
      process.exitCode = result.ok ? EXIT_OK : EXIT_USAGE;
    });
}
