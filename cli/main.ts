import { Command, CommanderError } from "commander";
import { chineseHelp } from "./help";
import { EXIT_USAGE, UsageError } from "./errors";
import { endQuietlyOnClosedPipe } from "./pipe";
import { scoreCommand } from "./commands/score";
import { formulaCommand } from "./commands/formula";
import { templateCommand } from "./commands/template";
import { checkCommand } from "./commands/check";

/** `jx`: the scoring engine on the command line. Each subcommand lives in cli/commands/. */
export function buildProgram(): Command {
  const program = chineseHelp(new Command("jx"))
    .description("JX 绩效自评表评分工具：按评分规则计算得分、校验自评表、生成标准模板")
    .version(require("../package.json").version, "-v, --version", "显示版本号")
    .addHelpCommand("help [命令]", "显示某个命令的帮助")
    .showHelpAfterError("（使用 jx --help 查看帮助）")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(translateCommanderError(s)) });
  program.addCommand(scoreCommand());
  program.addCommand(formulaCommand());
  program.addCommand(templateCommand());
  program.addCommand(checkCommand());
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(translateCommanderError(s)) });
  return program;
}

/** Commander's own messages are English; officials read Chinese. */
function translateCommanderError(s: string): string {
  return s
    .replace(/^error: unknown option '(.+)'/m, "错误：未知选项 $1")
    .replace(/^error: unknown command '(.+)'/m, "错误：未知命令 $1")
    .replace(/^error: option '(.+)' argument missing/m, "错误：选项 $1 缺少取值")
    .replace(/^error: missing required argument '(.+)'/m, "错误：缺少参数 $1")
    .replace(/^error: too many arguments.*/m, "错误：参数过多")
    .replace(/^error: /m, "错误：");
}

export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? 0 : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`错误：${e.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}

// bin/jx.js calls main(); this covers `tsx cli/main.ts …` during development.
if (require.main === module) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
