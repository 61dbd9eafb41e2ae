import { buildTemplate } from "./build";
import { bytesToBase64 } from "./base64";
import type { BuildOptions } from "./types";

export { buildTemplate, TemplateError } from "./build";
export { listTemplates, findTemplate, TEMPLATES } from "./registry";
export type { BuildOptions, TemplateDef, TemplateRow, TemplateSummary } from "./types";

/**
 * For the task pane (插入标准模板 via insertWorksheetsFromBase64, or a download in the browser page):
 * the template workbook as base64. Works in the browser: no Node API on this path.
 */
export async function buildTemplateBase64(id: string, opts: BuildOptions = { formulas: "native", example: false }): Promise<string> {
  return bytesToBase64(new Uint8Array(await buildTemplate(id, opts)));
}

/** The same workbook as an ArrayBuffer, for a Blob download. */
export async function buildTemplateArrayBuffer(id: string, opts: BuildOptions = { formulas: "native", example: false }): Promise<ArrayBuffer> {
  const bytes = new Uint8Array(await buildTemplate(id, opts));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
