/** The only error the rule parser throws: it quotes the part of the text it could not read. */
export class RuleParseError extends Error {
  /** The unreadable part of the rule text (normalised). */
  readonly fragment: string;

  constructor(fragment: string, reason?: string) {
    const shown = fragment.length > 120 ? `${fragment.slice(0, 120)}…` : fragment;
    super(`无法识别评分规则：${shown}${reason ? `（${reason}）` : ""}`);
    this.name = "RuleParseError";
    this.fragment = fragment;
  }
}
