// Document → DOCX bytes, byte-deterministic. docx stamps `new Date()` into docProps/core.xml and
// fflate stamps every zip entry with the local time; we take the parts docx's compiler writes (not
// its zip: deflated once, not deflated, inflated and deflated again), set the core dates to the
// model's date, give every entry one fixed timestamp and zip them in docx's entry order.

import { Packer, type Document } from "docx";
import { repackOffice, zipParts } from "./office-zip.js";

export { fixCoreDates, repackOffice, zipDate } from "./office-zip.js";

/** docx's compiler: a document's parts (path → XML text or bytes), in the package's order. Not in
 *  docx's public types: `Packer.toBuffer` compiles with it and then deflates every part, which the
 *  repacking here would inflate and deflate again. */
interface PartCompiler {
  compile(doc: Document): Map<string, string | ArrayBufferView | ArrayBuffer>;
}
const compilerOf = (): PartCompiler | undefined => {
  const c = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  return typeof c?.compile === "function" ? (c as PartCompiler) : undefined;
};

/** A part's bytes, as docx's zip writes them (text as UTF-8). */
const partBytes = (data: string | ArrayBufferView | ArrayBuffer): Uint8Array =>
  typeof data === "string" ? new TextEncoder().encode(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

export async function packDocx(doc: Document, created: string): Promise<Uint8Array> {
  const compiler = compilerOf();
  // Without docx's compiler (another docx version): its zip, unzipped and repacked.
  if (!compiler) return repackOffice(new Uint8Array(await Packer.toBuffer(doc)), created);
  const parts: Record<string, Uint8Array> = {};
  for (const [path, data] of compiler.compile(doc)) parts[path] = partBytes(data);
  return zipParts(parts, created);
}
