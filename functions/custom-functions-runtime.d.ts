// The part of Excel's custom functions runtime these functions use. The runtime (office.js or
// custom-functions-runtime.js) defines the global; @types/custom-functions-runtime is not installed.
declare namespace CustomFunctions {
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;

  /** Returned (not thrown) by a function to show an Excel error such as #VALUE! with a message. */
  class Error {
    constructor(errorCode?: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  /** What Excel passes last to a function declared with @requiresAddress / @requiresParameterAddresses. */
  interface Invocation {
    /** The calling cell, e.g. "Sheet1!J5". */
    address?: string;
    /** One per declared parameter: the range a reference argument refers to ("Sheet1!D5"), "" for a value. */
    parameterAddresses?: string[];
  }

  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }
}
