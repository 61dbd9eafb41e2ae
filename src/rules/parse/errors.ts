/**
 * The only error the rule parser throws: 无法识别评分规则：<the unreadable part>, followed by the
 * reason in full-width brackets when there is one.
 */
export class RuleParseError extends Error {
  /** The unreadable part of the rule text (normalised). */
  readonly fragment: string;
  /** Why it was refused, when more can be said than "unreadable" (档次相互矛盾, 括号不配对…). */
  readonly reason: string | null;

  constructor(fragment: string, reason?: string) {
    const shown = fragment.length > 120 ? `${fragment.slice(0, 120)}…` : fragment;
    super(`无法识别评分规则：${shown}${reason ? `（${reason}）` : ""}`);
    this.name = "RuleParseError";
    this.fragment = fragment;
    this.reason = reason ?? null;
  }
}
