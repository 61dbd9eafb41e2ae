import { Command, Help } from "commander";

/** Commander's help in Chinese: the same layout with Chinese headings. */
export function chineseHelp(cmd: Command): Command {
  cmd.helpOption("-h, --help", "显示帮助");
  cmd.configureHelp({
    formatHelp(c: Command, helper: Help): string {
      const width = helper.padWidth(c, helper);
      const item = (term: string, desc: string) => (desc ? `  ${term.padEnd(width + 2)}${desc}` : `  ${term}`);
      const out: string[] = [`用法：${helper.commandUsage(c)}`, ""];
      const desc = helper.commandDescription(c);
      if (desc) out.push(desc, "");
      const args = helper.visibleArguments(c).map((a) => item(helper.argumentTerm(a), helper.argumentDescription(a)));
      if (args.length) out.push("参数：", ...args, "");
      const opts = helper.visibleOptions(c).map((o) => item(helper.optionTerm(o), helper.optionDescription(o).replace(/ ?\(default: /, "（默认：").replace(/\)$/, "）")));
      if (opts.length) out.push("选项：", ...opts, "");
      const cmds = helper.visibleCommands(c).map((s) => item(helper.subcommandTerm(s), helper.subcommandDescription(s)));
      if (cmds.length) out.push("命令：", ...cmds, "");
      return out.join("\n");
    },
  });
  return cmd;
}
