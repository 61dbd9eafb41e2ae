import { Command } from "commander";
import { parseOptionAssignments } from "../../src/rules";
import type { ScoringOptions } from "../../src/rules";
import { tryParseRule } from "../../src/rules/parse";
import { compileRule } from "../../src/rules/formula";
import type { Rule } from "../../src/rules/types";
import { chineseHelp } from "../help";
import { EXIT_OK, UsageError } from "../errors";

/** A1 references, optionally absolute and sheet-qualified: D11, $E$11, 自评表!F11, '部门 表'!F11. */
const CELL_REF = /^(?:(?:'[^']+'|[^\s!'"]+)!)?\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/;

function cell(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`缺少参数：${flag}`);
  const ref = value.trim();
  if (!CELL_REF.test(ref)) throw new UsageError(`${flag} 应为单元格地址（如 D11、$E$11、自评表!F11），收到：“${value}”`);
  return ref;
}

export function formulaCommand(): Command {
  return chineseHelp(new Command("formula"))
    .description("把评分规则转换为电子表格原生公式（Excel、WPS、LibreOffice 均可计算）")
    .option("--rule <文本>", "评分规则原文；为空时按国家默认规则", "")
    .option("--target-cell <地址>", "目标值所在单元格，如 D11")
    .option("--actual-cell <地址>", "实际值所在单元格，如 E11")
    .option("--weight-cell <地址>", "权重（分值）所在单元格，如 F11")
    .option("--name <指标名称>", "三级指标名称（成本、控制率等越低越好的指标据此判断方向）")
    // A collector, not a variadic option: with `<…...>` commander keeps only the last repeated --option.
    .option("--option <名称=取值>", "评分选项，可多次给出，如 stepCounting=whole 或 舍入=一位小数", (v: string, list: string[]) => [...list, v], [] as string[])
    .addHelpText(
      "after",
      `
示例：
  jx formula --rule "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止" --target-cell D11 --actual-cell E11 --weight-cell F11
  jx formula --rule "…" --target-cell D11 --actual-cell E11 --weight-cell F11 --option 步长=整步

目标值、实际值可以是数字或“≥95%”这类文字，公式会自行读取。
退出码：0 成功；2 规则无法识别、无法写成公式或参数有误（原因见标准错误输出）。`,
    )
    .action((opts: { rule: string; targetCell?: string; actualCell?: string; weightCell?: string; name?: string; option?: string[] }) => {
      const cells = { target: cell(opts.targetCell, "--target-cell"), actual: cell(opts.actualCell, "--actual-cell"), weight: cell(opts.weightCell, "--weight-cell") };
      const parsedOptions = parseOptionAssignments(opts.option ?? []);
      if (!parsedOptions.ok) throw new UsageError(parsedOptions.error);
      const text = opts.rule.trim();
      let rule: Rule = { kind: "default", text: "" };
      if (text) {
        const parsed = tryParseRule(text);
        if (!parsed.ok) throw new UsageError(parsed.error.message);
        rule = parsed.rule;
      }
      const result = compileRule(rule, cells, parsedOptions.options as Partial<ScoringOptions>, { name: opts.name ?? null });
      if (!result.ok) throw new UsageError(`此评分规则无法写成公式：${result.reason}`);
      process.stdout.write(result.formula + "\n");
      process.exitCode = EXIT_OK;
    });
}
