import { projectNational } from "./project-national";
import { seed000 } from "./seed000";
import { seed001 } from "./seed001";
import type { WorkbookSpec } from "./spec";

export const EXAMPLES: WorkbookSpec[] = [seed000, seed001, projectNational];
export { seed000, seed001, projectNational };
export { specToGrid } from "./spec";
export type { WorkbookSpec, SheetSpec } from "./spec";
