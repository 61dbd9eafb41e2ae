import { Command } from "commander";
import { writeFile } from "fs/promises";
import { findTemplate, listTemplates, unknownTemplateMessage } from "../../src/templates/registry";
import type { TemplateDef } from "../../src/templates/types";
import { chineseHelp } from "../help";
import { EXIT_OK, UsageError } from "../errors";
import { FORMULAS_FLAG, readFormulas } from "../formulas";

function printList(json: boolean): void {
  const templates = listTemplates();
  if (json) {
    process.stdout.write(JSON.stringify({ templates }) + "\n");
    return;
  }
  const lines = templates.map((t) => `  ${t.id.padEnd(12)}${t.name}（版本 ${t.version}）`);
  process.stdout.write(["标准模板：", ...lines, "", "生成：jx template <编号> [--out 文件.xlsx] [--formulas native|jx] [--example]"].join("\n") + "\n");
}

/** <模板名称>.xlsx, with the characters no file system takes replaced. */
export function defaultFileName(t: TemplateDef): string {
  return `${t.name.replace(/[\\/:*?"<>|]/g, "_")}.xlsx`;
}

export function templateCommand(): Command {
  return chineseHelp(new Command("template"))
    .description("列出或生成标准模板（指标体系、权重、评分规则、得分与等级公式）")
    .argument("<编号>", "模板编号，或 list 列出全部模板")
    .option("--out <文件>", "输出的 .xlsx 文件；不给出时在当前文件夹写出“<模板名称>.xlsx”")
    .option(FORMULAS_FLAG, "得分公式：native（原生公式，不装加载项的 Excel、WPS、LibreOffice 都能计算）或 jx（=JX.SCORE(…)，需安装 JX 加载项）", "native")
    .option("--example", "填入示例数据，打开即可看到计算结果")
    .option("--json", "与 list 一起使用：以 JSON 输出")
    .addHelpText(
      "after",
      `
示例：
  jx template list
  jx template list --json
  jx template dept-self                       # 写出 部门整体支出绩效自评表.xlsx
  jx template dept-self --out 自评表.xlsx
  jx template project --out 项目支出绩效自评表.xlsx --example

退出码：0 成功；2 模板编号或参数有误。`,
    )
    .action(async (id: string, opts: { out?: string; formulas?: string; example?: boolean; json?: boolean }) => {
      if (id === "list") {
        printList(!!opts.json);
        process.exitCode = EXIT_OK;
        return;
      }
      const t = findTemplate(id);
      if (!t) throw new UsageError(unknownTemplateMessage(id));
      const formulas = readFormulas(opts.formulas ?? "native");
      const out = opts.out ?? defaultFileName(t);
      if (!/\.xlsx$/i.test(out)) throw new UsageError(`输出文件应以 .xlsx 结尾，收到：“${out}”`);
      const { buildTemplate } = await import("../../src/templates/build");
      const bytes = await buildTemplate(id, { formulas, example: !!opts.example });
      try {
        // Without --out the name is ours, not the user's: never overwrite a template someone may have filled in.
        await writeFile(out, bytes, { flag: opts.out ? "w" : "wx" });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`文件“${out}”已存在，未覆盖；请用 --out 指定文件名`);
        throw new UsageError(`无法写入文件“${out}”：${e instanceof Error ? e.message : String(e)}`);
      }
      const how = formulas === "native" ? "原生公式" : "JX 加载项函数";
      process.stdout.write(`已生成：${out}（${t.name}，版本 ${t.version}，${how}${opts.example ? "，含示例数据" : ""}）\n`);
      process.exitCode = EXIT_OK;
    });
}
