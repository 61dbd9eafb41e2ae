/**
 * The two members of Office's CustomFunctions global the JX functions use (Error, ErrorCode), for WPS,
 * which has no such global: an error becomes an object with the Excel code and the Chinese message.
 */
const host = globalThis as unknown as { CustomFunctions?: unknown };
if (typeof host.CustomFunctions === "undefined") {
  class JxFunctionError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  host.CustomFunctions = {
    Error: JxFunctionError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
    associate: () => undefined,
  };
}
export {};
