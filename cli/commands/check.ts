/** `jx check FILE_OR_DIR...`: finds indicator tables in workbooks, reports findings, writes checked copies. */
import { Command } from "commander";
import { chineseHelp } from "../help";
import { readScoringOptions, scoringOptionsHelp, withScoringOptionFlag } from "../scoring-options";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from "../errors";
import { FORMULAS_FLAG, readFormulas } from "../formulas";
import { expandInputs } from "./check-files";
import { OutputPlanner, prepareOutDir } from "./check-paths";
import { DEFAULT_POOL, defaultJobs, runPool } from "./check-pool";
import { checkFileTask, type CheckTask } from "./check-worker";
import { humanReport, jsonDocument, type FileReport } from "./check-output";
import { tableOverrides } from "./check-tables";
import { ROLE_NAMES } from "../../src/sheet/override";
import { Progress } from "./check-progress";
import { summaryOf, summaryPath, SummaryRows, SummaryWriter } from "./check-summary";

interface CheckCliOptions {
  json?: boolean;
  out?: string;
  option?: string[];
  tolerance?: string;
  write: boolean;
  formulas: string;
  force?: boolean;
  jobs?: string;
  summary?: string;
  table?: string;
  columns?: string;
  headerRows?: string;
}

const PROGRESS_FROM = 5;

function jobsFrom(text: string | undefined): number {
  if (text === undefined) return defaultJobs();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs 应为正整数，收到：${text}`);
  return n;
}

function toleranceFrom(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--tolerance 应为不小于0的数，收到：${text}`);
  return n;
}

export async function runCheck(paths: string[], cli: CheckCliOptions): Promise<number> {
  const scoring = readScoringOptions(cli.option);
  const tolerance = toleranceFrom(cli.tolerance);
  readFormulas(cli.formulas);
  if (cli.out) {
    const problem = await prepareOutDir(cli.out);
    if (problem) throw new UsageError(problem);
  }
  const jobs = jobsFrom(cli.jobs);
  const expanded = await expandInputs(paths);
  for (const empty of expanded.filter((i) => i.emptyFolder)) process.stderr.write(`错误：${empty.error}\n`);
  const inputs = expanded.filter((i) => !i.emptyFolder);
  const batch = inputs.length > 1 || inputs.some((i) => i.root !== undefined);
  const summaryFile = summaryPath(cli, batch, inputs.map((i) => i.file));
  const planner = new OutputPlanner(
    inputs.filter((i) => !i.error).map((i) => i.file),
    cli.out,
    Boolean(cli.force),
  );
  const tables = tableOverrides(cli);
  const options = { ...scoring, ...(tolerance !== undefined ? { tolerance } : {}), ...(tables.length ? { tables } : {}) };
  const formulas = readFormulas(cli.formulas) === "jx" ? "jx" : "values";
  // The 校验汇总's rows are written as the files are done; the file itself at the end.
  const writer = summaryFile ? new SummaryWriter(summaryFile, Boolean(cli.force)) : undefined;
  // --json's summary rows, built as the files are done (with the workbook's when one is written).
  const rows = writer?.rows ?? (cli.json && batch ? new SummaryRows(undefined) : undefined);
  const tasks: { index: number; task: CheckTask }[] = [];
  const reports: FileReport[] = new Array(inputs.length);
  for (const [index, input] of inputs.entries()) {
    if (input.error) {
      reports[index] = { file: input.file, tables: [], findings: [], error: input.error };
      rows?.report(index, reports[index]);
      continue;
    }
    const choice = cli.write ? planner.choose(input.file, input.root) : {};
    tasks.push({ index, task: { file: input.file, out: choice.out, outError: choice.error, force: Boolean(cli.force), formulas, options } });
  }
  const progress = inputs.length >= PROGRESS_FROM ? new Progress(inputs.length) : undefined;
  // Printed as each file finishes: with several files, in the order they finish.
  const show = (report: FileReport) => {
    // An unreadable file: its message once, on stderr; the summary line counts it.
    if (report.error) {
      progress?.clear();
      process.stderr.write(`错误：${report.error}\n`);
    }
    progress?.finish(report.file);
    if (!cli.json && (!report.error || report.tables.length > 0)) process.stdout.write(humanReport(report) + "\n\n");
  };
  for (const r of reports) if (r) show(r);
  if (tasks.length === 1) {
    // One file: checked here (its reading is bounded by limits.ts); no worker to start.
    const report = await checkFileTask(tasks[0].task);
    reports[tasks[0].index] = report;
    rows?.report(tasks[0].index, report);
    show(report);
  } else if (tasks.length > 1) {
    await runPool(
      tasks.map((t) => t.task),
      { ...DEFAULT_POOL, jobs },
      (report, i) => {
        reports[tasks[i].index] = report;
        rows?.report(tasks[i].index, report);
        show(report);
      },
      (task) => progress?.start(task.file),
    );
  }
  progress?.end();
  // The workbook's rows were handed to its writer as the files were done; --json prints the same summary.
  const summaryJson = cli.json && (summaryFile || batch) ? (rows?.jsonRows(reports.length) ?? summaryOf(reports, summaryFile).json) : undefined;
  const summaryError = writer ? await writer.finish(reports) : undefined;
  if (summaryError) process.stderr.write(`错误：${summaryError}\n`);
  else if (summaryFile && !cli.json) process.stdout.write(`已写出校验汇总：${summaryFile}\n`);
  for (const notice of writer?.notices ?? []) process.stderr.write(`注意：${notice}\n`);
  if (cli.json) process.stdout.write(jsonDocument(reports, summaryJson) + "\n");
  else if (inputs.length > 0) process.stdout.write(summaryLine(reports) + "\n");
  if (reports.some((r) => r.error) || inputs.length < expanded.length || summaryError) return EXIT_USAGE;
  // A workbook in which no table was found is not a clean one: exit 1 as for an error.
  return reports.some((r) => r.findings.some((f) => f.severity === "error" || f.kind === "no-table")) ? EXIT_FINDINGS : EXIT_OK;
}

function summaryLine(reports: FileReport[]): string {
  const findings = reports.flatMap((r) => r.findings);
  const errors = findings.filter((f) => f.severity === "error").length;
  // A file whose tables were read but whose copy was not written is not an unreadable one.
  const unreadable = reports.filter((r) => r.error && r.tables.length === 0).length;
  const unwritten = reports.filter((r) => r.error && r.tables.length > 0).length;
  const notes = [unreadable ? `${unreadable}个无法读取` : "", unwritten ? `${unwritten}个未写出校验副本` : ""].filter(Boolean).join("，");
  return `共检查${reports.length}个文件${notes ? `（${notes}）` : ""}，发现${findings.length}个问题，其中错误${errors}个。`;
}

export function checkCommand(): Command {
  const cmd = chineseHelp(new Command("check"))
    .description("校验绩效自评表：识别指标表，核对权重、得分、合计与等级，并写出带标注的校验副本")
    .argument("<文件或文件夹...>", ".xlsx、.xls 或 .et 工作簿，或包含工作簿的文件夹")
    .option("--json", "以 JSON 输出全部结果")
    .option("--out <文件夹>", "校验副本（<名称>.checked.xlsx）写入的文件夹；默认写在原文件旁")
    .option("--tolerance <数值>", "得分差异的容许误差（默认 0.005）")
    .option("--no-write", "只报告，不写校验副本")
    .option("--force", "已有同名校验副本时覆盖它（默认另起编号名称，如 <名称>.checked(2).xlsx）")
    .option("--summary <文件>", "校验汇总工作簿（每个文件一行，另附全部问题）写到这里；默认在 --out 文件夹中写“校验汇总.xlsx”")
    .option("--table <工作表!区域>", "指定指标表所在区域（含表头），如 \"Sheet1!A5:K40\"；未识别到表格或识别有误时使用")
    .option("--columns <角色=列,...>", `指定各列的角色，如 权重=F,自评得分=I,核查得分=J（角色：${Object.values(ROLE_NAMES).join("、")}）`)
    .option("--header-rows <行号>", "与 --table 一同使用：表头所在行，如 5-6")
    .option("--jobs <数量>", "同时检查的文件数（每个文件在独立的工作线程中检查；默认：CPU 核数，最多 4）")
    .option(FORMULAS_FLAG, "缺失得分的写法：native 写入计算出的得分（不需加载项），jx 写入 =JX.SCORE(…) 公式（需安装 JX 加载项）", "native");
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
  jx check 自评表.xlsx --table "Sheet1!A5:K40" --columns 权重=F,自评得分=I,核查得分=J

未给出 --table/--columns 时，当前文件夹中的 jx-defaults.json 若有 "tables"（如本单位模板的
[{"sheet":"表1","range":"A5:K40","columns":{"权重":"F","自评得分":"I"}}]），按其读取。

原文件不会被修改。校验副本中：缺失的得分按评分规则填入，问题单元格按严重程度着色并附批注，
新增“校验结果”工作表列出全部问题并链接到对应单元格。

退出码：0 无错误级问题；1 存在错误级问题或有工作簿未找到指标表；2 用法错误、有文件无法读取或有校验副本未能写出（其余文件照常检查）。`,
    )
    .action(async (paths: string[], opts: CheckCliOptions) => {
      process.exitCode = await runCheck(paths, opts);
    });
}
