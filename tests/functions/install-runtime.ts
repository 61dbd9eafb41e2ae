// Imported first by unit tests so that the stand-in exists before functions.ts loads.
import { installRuntime } from "./stand-in";

export const runtime = installRuntime();
