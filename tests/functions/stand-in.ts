/**
 * A stand-in for Excel's custom functions runtime (Node has no CustomFunctions global): an Error class
 * with the real error codes, and associate() recording what the code registers.
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class StandInError {
  constructor(
    readonly code?: string,
    readonly message?: string,
  ) {}
}

export interface StandInRuntime {
  associate: (id: string, fn: (...args: unknown[]) => unknown) => void;
  Error: typeof StandInError;
  ErrorCode: typeof ERROR_CODES;
  /** id -> function, in registration order; a repeated id is recorded in `duplicates`. */
  registered: Map<string, (...args: unknown[]) => unknown>;
  duplicates: string[];
}

export function makeRuntime(): StandInRuntime {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const duplicates: string[] = [];
  return {
    associate: (id, fn) => {
      if (registered.has(id)) duplicates.push(id);
      registered.set(id, fn);
    },
    Error: StandInError,
    ErrorCode: ERROR_CODES,
    registered,
    duplicates,
  };
}

/** Installs a fresh stand-in on globalThis, as office.js would before the functions code loads. */
export function installRuntime(): StandInRuntime {
  const runtime = makeRuntime();
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = runtime;
  return runtime;
}

export function isExcelError(v: unknown): v is StandInError {
  return v instanceof StandInError;
}
