/** Why a checked copy cannot be made (Chinese). Apart from xml.ts so that importing it loads no XML library. */
export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PatchError";
  }
}
