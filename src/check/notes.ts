/**
 * JX's part of a note (批注). A cell may already carry the user's own note: JX's text goes after it,
 * starting with a mark line, and 清除标注 removes from the mark on — in the checked copy and in the pane.
 * A note, like a cell, holds at most 32,767 characters in Excel: JX's part is cut to fit (and says so);
 * the user's own text is never cut.
 */
export const JX_NOTE_MARK = "【JX校验】";

/** Excel's limit for the text of one cell or one note. */
export const TEXT_LIMIT = 32767;
/** What ends a text JX had to cut. */
export const CUT_MARK = "…（内容过长，已截断）";

/** `text` within `limit` characters: cut and marked when longer, never splitting a surrogate pair. */
export function cutText(text: string, limit = TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit - CUT_MARK.length);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CUT_MARK;
}

/** JX's note text: the mark, then one message a line. */
export function jxNoteText(messages: string[]): string {
  return [JX_NOTE_MARK, ...messages].join("\n");
}

/** The note without JX's part (and the blank lines before it); the whole text when it has none. */
export function withoutJxNote(text: string): string {
  const at = text.indexOf(JX_NOTE_MARK);
  return at < 0 ? text : text.slice(0, at).replace(/[\r\n]+$/, "");
}

/** JX's part of a note (from the mark on); null when it has none. */
export function jxPartOf(text: string): string | null {
  const at = text.indexOf(JX_NOTE_MARK);
  return at < 0 ? null : text.slice(at);
}

/**
 * JX's part as it fits after the user's own text `own` (already without an earlier JX part, joined by a
 * line break): whole, or cut and marked so the note stays within `limit`. Null when the user's text leaves
 * no room even for the mark and the cut mark.
 */
export function fitJxPart(own: string, jx: string, limit = TEXT_LIMIT): string | null {
  const room = limit - (own ? own.length + 1 : 0);
  if (jx.length <= room) return jx;
  if (room < JX_NOTE_MARK.length + CUT_MARK.length + 1) return null;
  return cutText(jx, room);
}

/**
 * The user's note with JX's text after it (an earlier JX part replaced), within `limit`; null when the
 * user's own text leaves no room (the note is then left as it is).
 */
export function withJxNote(own: string, jx: string, limit = TEXT_LIMIT): string | null {
  const base = withoutJxNote(own);
  const part = fitJxPart(base, jx, limit);
  if (part === null) return null;
  return base ? `${base}\n${part}` : part;
}
