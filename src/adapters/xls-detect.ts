/** Which inputs go to the .xls/.et reader (xls.ts), without loading SheetJS to find out. */

/** Names the legacy reader takes: .xls, .et (WPS), and their templates .xlt/.ett. */
export function isLegacyWorkbookName(name: string): boolean {
  return /\.(xls|xlt|et|ett)$/i.test(name);
}

/** An OLE compound document (D0 CF 11 E0 A1 B1 1A E1): .xls, .et — or a password-protected .xlsx. */
export function isOleDocument(data: Uint8Array): boolean {
  return data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0 && data[4] === 0xa1 && data[5] === 0xb1;
}
