/** JX's part of a note: the mark, the user's own text kept, and the cut at Excel's 32,767 characters. */
import { CUT_MARK, JX_NOTE_MARK, TEXT_LIMIT, cutText, fitJxPart, jxNoteText, jxPartOf, withJxNote, withoutJxNote } from "../../src/check/notes";

const jx = jxNoteText(["应得 2 分", "合计应为 91.16"]);

test("the user's text and JX's part are told apart by the mark", () => {
  expect(jx).toBe(`${JX_NOTE_MARK}\n应得 2 分\n合计应为 91.16`);
  expect(withJxNote("领导已确认", jx)).toBe(`领导已确认\n${jx}`);
  expect(withJxNote(`领导已确认\n\n${JX_NOTE_MARK}\n旧说明`, jx)).toBe(`领导已确认\n${jx}`);
  expect(withJxNote("", jx)).toBe(jx);
  expect(withoutJxNote(`领导已确认\r\n${jx}`)).toBe("领导已确认");
  expect(jxPartOf(`领导已确认\n${jx}`)).toBe(jx);
  expect(jxPartOf("领导已确认")).toBeNull();
});

test("texts are cut at 32,767 characters, marked, without splitting a character outside the BMP", () => {
  expect(cutText("短")).toBe("短");
  const cut = cutText("甲".repeat(100_000));
  expect(cut.length).toBe(TEXT_LIMIT);
  expect(cut.endsWith(CUT_MARK)).toBe(true);
  // 𠀀 (U+20000) is two UTF-16 units: the cut falls before it, not in its middle.
  const wide = "甲".repeat(TEXT_LIMIT - CUT_MARK.length - 1) + "𠀀".repeat(10);
  const w = cutText(wide);
  expect(w.length).toBe(TEXT_LIMIT - 1);
  expect(w.endsWith(`甲${CUT_MARK}`)).toBe(true);
});

test("JX's part takes the room the user's text leaves; no room, no part", () => {
  const long = jxNoteText(["甲".repeat(100_000)]);
  const own = "乙".repeat(30_000);
  const part = fitJxPart(own, long)!;
  expect(own.length + 1 + part.length).toBe(TEXT_LIMIT);
  expect(part.startsWith(JX_NOTE_MARK)).toBe(true);
  expect(part.endsWith(CUT_MARK)).toBe(true);
  expect(withJxNote(own, long)!.length).toBe(TEXT_LIMIT);
  expect(fitJxPart(own, jx)).toBe(jx);
  expect(fitJxPart("丙".repeat(TEXT_LIMIT - 10), long)).toBeNull();
  expect(withJxNote("丙".repeat(TEXT_LIMIT - 10), jx)).toBeNull();
});
