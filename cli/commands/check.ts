/** `jx check FILE_OR_DIR...`: finds indicator tables in workbooks, reports findings, writes checked copies. */
import { Command } from "commander";
import { promises as fs } from "fs";
import { buildPlan, checkWorkbook } from "../../src/check";
import type { ScoringOptions } from "../../src/rules";
import { loadWorkbook, workbookToGrids, writeCheckedCopy, WorkbookReadError } from "../../src/adapters/xlsx";
import { chineseHelp } from "../help";
import { readScoringOptions, scoringOptionsHelp, withScoringOptionFlag } from "../scoring-options";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../errors";
import { checkedPath, expandInputs } from "./check-files";
import { humanReport, jsonDocument, type FileReport } from "./check-output";

interface CheckCliOptions {
  json?: boolean;
  out?: string;
  option?: string[];
  tolerance?: string;
  write: boolean;
  formulas: string;
}

const PROGRESS_FROM = 5;

function toleranceFrom(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--tolerance 应为不小于0的数，收到：${text}`);
  return n;
}

async function checkOne(file: string, options: Partial<ScoringOptions> & { tolerance?: number }, cli: CheckCliOptions): Promise<FileReport> {
  let wb;
  try {
    wb = await loadWorkbook(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, tables: [], findings: [], error: e.message };
    throw e;
  }
  const result = checkWorkbook(workbookToGrids(wb), options);
  const report: FileReport = { file, tables: result.tables, findings: result.findings };
  if (cli.write && result.tables.length > 0) {
    const out = checkedPath(file, cli.out);
    await writeCheckedCopy(wb, buildPlan(result, { fillMissing: true, annotate: true, overwriteDiverging: false, formulas: cli.formulas === "jx" ? "jx" : "values" }), result.findings, out, file);
    report.written = out;
  }
  return report;
}

export async function runCheck(paths: string[], cli: CheckCliOptions): Promise<number> {
  const scoring = readScoringOptions(cli.option);
  const tolerance = toleranceFrom(cli.tolerance);
  if (cli.formulas !== "values" && cli.formulas !== "jx") throw new UsageError(`--formulas 只接受 values 或 jx，收到：${cli.formulas}`);
  if (cli.out) {
    try {
      await fs.mkdir(cli.out, { recursive: true });
    } catch (e) {
      throw new UsageError(`无法创建输出文件夹“${cli.out}”：${(e as Error).message}`);
    }
  }
  const inputs = await expandInputs(paths);
  const reports: FileReport[] = [];
  const progress = inputs.length >= PROGRESS_FROM;
  for (const [i, input] of inputs.entries()) {
    if (progress) process.stderr.write(`处理中 ${i + 1}/${inputs.length} ${input.file}${process.stderr.isTTY ? "\x1b[K\r" : "\n"}`);
    const report = input.error
      ? { file: input.file, tables: [], findings: [], error: input.error }
      : await checkOne(input.file, { ...scoring, ...(tolerance !== undefined ? { tolerance } : {}) }, cli);
    reports.push(report);
    if (report.error) process.stderr.write(`错误：${report.error}\n`);
    if (!cli.json) process.stdout.write(humanReport(report) + "\n\n");
  }
  if (progress && process.stderr.isTTY) process.stderr.write("\x1b[K");
  if (cli.json) process.stdout.write(jsonDocument(reports) + "\n");
  else process.stdout.write(summaryLine(reports) + "\n");
  if (reports.some((r) => r.error)) return EXIT_USAGE;
  return reports.some((r) => r.findings.some((f) => f.severity === "error")) ? EXIT_FINDINGS : EXIT_OK;
}

function summaryLine(reports: FileReport[]): string {
  const findings = reports.flatMap((r) => r.findings);
  const errors = findings.filter((f) => f.severity === "error").length;
  const unreadable = reports.filter((r) => r.error).length;
  return `共检查${reports.length}个文件${unreadable ? `（${unreadable}个无法读取）` : ""}，发现${findings.length}个问题，其中错误${errors}个。`;
}

export function checkCommand(): Command {
  const cmd = chineseHelp(new Command("check"))
    .description("校验绩效自评表：识别指标表，核对权重、得分、合计与等级，并写出带标注的校验副本")
    .argument("<文件或文件夹...>", ".xlsx 工作簿，或包含工作簿的文件夹")
    .option("--json", "以 JSON 输出全部结果")
    .option("--out <文件夹>", "校验副本（<名称>.checked.xlsx）写入的文件夹；默认写在原文件旁")
    .option("--tolerance <数值>", "得分差异的容许误差（默认 0.005）")
    .option("--no-write", "只报告，不写校验副本")
    .option("--formulas <values|jx>", "缺失得分写入数值（values），或写入 =JX.SCORE(…) 公式（jx，需安装 JX 加载项）", "values");
  return withScoringOptionFlag(cmd, "stepCounting=nearest 或 步长=就近")
    .addHelpText(
      "after",
      `
评分选项：
${scoringOptionsHelp()}

示例：
  jx check 自评表.xlsx
  jx check 自评表文件夹 --out 校验结果 --json
  jx check 自评表.xlsx --option stepCounting=nearest --tolerance 0.01

原文件不会被修改。校验副本中：缺失的得分按评分规则填入，问题单元格按严重程度着色并附批注，
新增“校验结果”工作表列出全部问题并链接到对应单元格。

退出码：0 无错误级问题；1 存在错误级问题；2 用法错误或有文件无法读取（其余文件照常检查）。`,
    )
    .action(async (paths: string[], opts: CheckCliOptions) => {
      process.exitCode = await runCheck(paths, opts);
    });
}
