/** Turns a problem with a function's arguments into the Excel error the user sees, with a Chinese message. */

/** A bad argument or a row the engine cannot score: its message is shown in Excel. */
export class FunctionInputError extends Error {
  constructor(
    message: string,
    /** #VALUE! for bad input; #N/A where there is no answer to give (a total between grade bands). */
    readonly excelCode: "invalidValue" | "notAvailable" = "invalidValue",
  ) {
    super(message);
    this.name = "FunctionInputError";
  }
}

export function excelError(message: string, code: "invalidValue" | "notAvailable" = "invalidValue"): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[code], message);
}

/**
 * Runs a function body so that nothing escapes to Excel as an uncaught exception: a FunctionInputError
 * becomes its own message, anything else an internal-error message naming the cause.
 */
export function guard<T>(body: () => T): T | CustomFunctions.Error {
  try {
    return body();
  } catch (err) {
    if (err instanceof FunctionInputError) return excelError(err.message, err.excelCode);
    const detail = err instanceof Error ? err.message : String(err);
    return excelError(`JX 内部错误：${detail}`);
  }
}
