import { Command, Help } from "commander";

/** Columns a terminal gives a character: 2 for CJK ideographs, full-width forms and CJK punctuation, else 1. */
function charWidth(cp: number): number {
  if (cp < 0x1100) return 1;
  return (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, punctuation (、。「」)
    (cp >= 0x3041 && cp <= 0x33ff) || // kana, CJK symbols
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms (，：（）)
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1;
}

/** The width of a string on a terminal, counting a Chinese character as two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** `s` padded with spaces to `width` terminal columns. */
export function padDisplay(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

/** Commander's placeholders in Chinese: `jx [选项] [命令]`, `score [选项]`. */
function chineseTerm(s: string): string {
  return s.replace(/\[options\]/g, "[选项]").replace(/\[command\]/g, "[命令]");
}

/** Commander's help in Chinese: the same layout with Chinese headings and placeholders, aligned by display width. */
export function chineseHelp(cmd: Command): Command {
  cmd.helpOption("-h, --help", "显示帮助");
  cmd.configureHelp({
    formatHelp(c: Command, helper: Help): string {
      const rows = {
        args: helper.visibleArguments(c).map((a) => [helper.argumentTerm(a), helper.argumentDescription(a)] as const),
        opts: helper
          .visibleOptions(c)
          .map((o) => [helper.optionTerm(o), helper.optionDescription(o).replace(/ ?\(default: (.*)\)$/, (_, v: string) => `（默认：${v.replace(/^"(.*)"$/, "$1")}）`)] as const),
        cmds: helper.visibleCommands(c).map((s) => [chineseTerm(helper.subcommandTerm(s)), helper.subcommandDescription(s)] as const),
      };
      const width = Math.max(0, ...[...rows.args, ...rows.opts, ...rows.cmds].map(([term]) => displayWidth(term)));
      const item = ([term, desc]: readonly [string, string]) => (desc ? `  ${padDisplay(term, width)}  ${desc}` : `  ${term}`);
      const out: string[] = [`用法：${chineseTerm(helper.commandUsage(c))}`, ""];
      const desc = helper.commandDescription(c);
      if (desc) out.push(desc, "");
      if (rows.args.length) out.push("参数：", ...rows.args.map(item), "");
      if (rows.opts.length) out.push("选项：", ...rows.opts.map(item), "");
      if (rows.cmds.length) out.push("命令：", ...rows.cmds.map(item), "");
      return out.join("\n");
    },
  });
  return cmd;
}
