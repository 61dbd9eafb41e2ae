import { Command } from "commander";
import { OPTION_LABELS, parseOptionAssignments } from "../src/rules";
import type { ScoringOptions } from "../src/rules";
import { UsageError } from "./errors";

/**
 * The repeatable `--option key=value` flag shared by score, check and formula. A collector, not a variadic
 * option: with `<…...>` commander keeps only the last of several --option flags.
 */
export function withScoringOptionFlag(cmd: Command, example: string): Command {
  return cmd.option(`--option <名称=取值>`, `评分选项，可多次给出，如 ${example}`, (value: string, list: string[] | undefined) => [...(list ?? []), value]);
}

/** The help block listing every option, its Chinese name and its values. */
export function scoringOptionsHelp(): string {
  return (Object.keys(OPTION_LABELS) as (keyof ScoringOptions)[])
    .map((k) => `    ${k}（${OPTION_LABELS[k].name}）：${Object.entries(OPTION_LABELS[k].values).map(([v, l]) => `${v}=${l}`).join("；")}`)
    .join("\n");
}

/** The collected --option values as options, or a usage error in Chinese. */
export function readScoringOptions(list: readonly string[] | undefined): Partial<ScoringOptions> {
  const parsed = parseOptionAssignments(list ?? []);
  if (!parsed.ok) throw new UsageError(parsed.error);
  return parsed.options;
}
