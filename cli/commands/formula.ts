import { Command } from "commander";
import { formulaFromText } from "../../src/rules/formula";
import { chineseHelp } from "../help";
import { scoringOptionsHelp, withScoringOptionFlag } from "../scoring-options";
import { EXIT_OK, UsageError } from "../errors";

export function formulaCommand(): Command {
  const cmd = chineseHelp(new Command("formula"))
    .description("把评分规则转换为电子表格原生公式（Excel、WPS、LibreOffice 均可计算）")
    .option("--rule <文本>", "评分规则原文；为空时按国家默认规则", "")
    .option("--target-cell <地址>", "目标值所在单元格，如 D11")
    .option("--actual-cell <地址>", "实际值所在单元格，如 E11")
    .option("--weight-cell <地址>", "权重（分值）所在单元格，如 F11")
    .option("--name <指标名称>", "三级指标名称（成本、控制率等越低越好的指标据此判断方向）");
  return withScoringOptionFlag(cmd, "stepCounting=whole 或 舍入=一位小数")
    .addHelpText(
      "after",
      `
评分选项：
${scoringOptionsHelp()}

示例：
  jx formula --rule "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止" --target-cell D11 --actual-cell E11 --weight-cell F11
  jx formula --rule "…" --target-cell D11 --actual-cell E11 --weight-cell F11 --option 步长=整步

目标值、实际值可以是数字或“≥95%”这类文字，公式会自行读取。
退出码：0 成功；2 规则无法识别、无法写成公式或参数有误（原因见标准错误输出）。`,
    )
    .action((opts: { rule: string; targetCell?: string; actualCell?: string; weightCell?: string; name?: string; option: string[] }) => {
      const missing = (["targetCell", "actualCell", "weightCell"] as const).filter((k) => opts[k] === undefined);
      if (missing.length) throw new UsageError(`缺少参数：${missing.map((k) => `--${k.replace("Cell", "-cell")}`).join("、")}`);
      const result = formulaFromText({ rule: opts.rule, targetCell: opts.targetCell!, actualCell: opts.actualCell!, weightCell: opts.weightCell!, options: opts.option, name: opts.name ?? null });
      if (!result.ok) throw new UsageError(result.reason);
      process.stdout.write(result.formula + "\n");
      process.exitCode = EXIT_OK;
    });
}
