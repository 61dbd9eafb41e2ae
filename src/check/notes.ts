/**
 * JX's part of a note (批注). A cell may already carry the user's own note: JX's text goes after it,
 * starting with a mark line, and 清除标注 removes from the mark on — in the checked copy and in the pane.
 */
export const JX_NOTE_MARK = "【JX校验】";

/** JX's note text: the mark, then one message a line. */
export function jxNoteText(messages: string[]): string {
  return [JX_NOTE_MARK, ...messages].join("\n");
}

/** The note without JX's part (and the blank lines before it); the whole text when it has none. */
export function withoutJxNote(text: string): string {
  const at = text.indexOf(JX_NOTE_MARK);
  return at < 0 ? text : text.slice(0, at).replace(/[\r\n]+$/, "");
}

/** The user's note with JX's text after it (an earlier JX part replaced). */
export function withJxNote(own: string, jx: string): string {
  const base = withoutJxNote(own);
  return base ? `${base}\n${jx}` : jx;
}
