import { Command } from "commander";
import { writeFile } from "fs/promises";
import { buildTemplate, findTemplate, listTemplates } from "../../src/templates";
import { unknownTemplateMessage } from "../../src/templates/registry";
import { chineseHelp } from "../help";
import { EXIT_OK, UsageError } from "../errors";

function printList(json: boolean): void {
  const templates = listTemplates();
  if (json) {
    process.stdout.write(JSON.stringify({ templates }) + "\n");
    return;
  }
  const lines = templates.map((t) => `  ${t.id.padEnd(12)}${t.name}（版本 ${t.version}）`);
  process.stdout.write(["标准模板：", ...lines, "", "生成：jx template <编号> --out 文件.xlsx [--formulas native|jx] [--example]"].join("\n") + "\n");
}

export function templateCommand(): Command {
  return chineseHelp(new Command("template"))
    .description("列出或生成标准模板（指标体系、权重、评分规则、得分与等级公式）")
    .argument("<编号>", "模板编号，或 list 列出全部模板")
    .option("--out <文件>", "输出的 .xlsx 文件")
    .option("--formulas <类型>", "得分公式：native（原生公式，任何电子表格可算）或 jx（JX 加载项函数）", "native")
    .option("--example", "填入示例数据，打开即可看到计算结果")
    .option("--json", "与 list 一起使用：以 JSON 输出")
    .addHelpText(
      "after",
      `
示例：
  jx template list
  jx template list --json
  jx template dept-self --out 部门整体支出绩效自评表.xlsx
  jx template project --out 项目支出绩效自评表.xlsx --example

退出码：0 成功；2 模板编号或参数有误。`,
    )
    .action(async (id: string, opts: { out?: string; formulas: string; example?: boolean; json?: boolean }) => {
      if (id === "list") {
        printList(!!opts.json);
        process.exitCode = EXIT_OK;
        return;
      }
      const t = findTemplate(id);
      if (!t) throw new UsageError(unknownTemplateMessage(id));
      if (opts.formulas !== "native" && opts.formulas !== "jx") throw new UsageError(`--formulas 只能是 native 或 jx，收到：“${opts.formulas}”`);
      if (!opts.out) throw new UsageError("缺少参数：--out（输出的 .xlsx 文件）");
      if (!/\.xlsx$/i.test(opts.out)) throw new UsageError(`输出文件应以 .xlsx 结尾，收到：“${opts.out}”`);
      const bytes = await buildTemplate(id, { formulas: opts.formulas, example: !!opts.example });
      try {
        await writeFile(opts.out, bytes);
      } catch (e) {
        throw new UsageError(`无法写入文件“${opts.out}”：${e instanceof Error ? e.message : String(e)}`);
      }
      const how = opts.formulas === "native" ? "原生公式" : "JX 加载项函数";
      process.stdout.write(`已生成：${opts.out}（${t.name}，版本 ${t.version}，${how}${opts.example ? "，含示例数据" : ""}）\n`);
      process.exitCode = EXIT_OK;
    });
}
