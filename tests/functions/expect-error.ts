import { isExcelError } from "./stand-in";

const CHINESE = /[\u4e00-\u9fff]/;

/** The value is an Excel error (not a thrown exception, not a number) whose message is Chinese. */
export function expectExcelError(value: unknown, code: "#VALUE!" | "#N/A", message?: RegExp): void {
  expect(isExcelError(value)).toBe(true);
  if (!isExcelError(value)) return;
  expect(value.code).toBe(code);
  expect(value.message).toMatch(CHINESE);
  // A deliberate message, not an exception that escaped the engine.
  expect(value.message).not.toMatch(/^JX 内部错误/);
  if (message) expect(value.message).toMatch(message);
}
