// Document → DOCX bytes, byte-deterministic. docx stamps `new Date()` into docProps/core.xml and
// its zip stamps every entry with the local time; we take the parts docx's compiler writes (not
// its zip: deflated once, not deflated, inflated and deflated again), set the core dates to the
// model's date, give every entry one fixed timestamp and zip them in docx's entry order.

import { Packer, type Document } from "docx";
import { repackOffice, zipParts } from "./office-zip.js";

export { fixCoreDates, repackOffice } from "./office-zip.js";

/** docx's compiler: a document's parts (path → XML text or bytes), in the package's order. Not in
 *  docx's public types: `Packer.toBuffer` compiles with it and then deflates every part, which the
 *  repacking here would inflate and deflate again. */
interface PartCompiler {
  compile(doc: Document): Map<string, string | ArrayBufferView | ArrayBuffer>;
  /** Find the images and the lists a part refers to by their `{key}` placeholders in its XML. */
  imageReplacer?: { getMediaData(xml: string, media: unknown): unknown[]; replace(xml: string, images: unknown[], offset: number): string };
  numberingReplacer?: { replace(xml: string, numberings: unknown): string };
}

/** Whether a part's XML may hold a `{key}` placeholder (without a "{" it holds none). */
const mayHoldKeys = (xml: string): boolean => xml.includes("{");

/**
 * docx's compiler, or null; over it (an object of its own: docx's stays as it is), replacers that
 * do not search a part's XML for placeholders when it has no "{" at all (the same result: nothing
 * to find, nothing to replace). Each searched the whole document.xml with a regular expression, a
 * tenth of a DOCX's writing.
 */
let compiler: PartCompiler | null | undefined;
const compilerOf = (): PartCompiler | null => {
  if (compiler !== undefined) return compiler;
  const c = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler;
  if (typeof c?.compile !== "function") return (compiler = null);
  const own: PropertyDescriptorMap = {};
  const { imageReplacer: images, numberingReplacer: lists } = c;
  if (typeof images?.getMediaData === "function" && typeof images.replace === "function") {
    own.imageReplacer = { value: { getMediaData: (xml: string, media: unknown) => (mayHoldKeys(xml) ? images.getMediaData(xml, media) : []), replace: images.replace.bind(images) } };
  }
  if (typeof lists?.replace === "function") own.numberingReplacer = { value: { replace: (xml: string, numberings: unknown) => (mayHoldKeys(xml) ? lists.replace(xml, numberings) : xml) } };
  return (compiler = Object.create(c, own) as PartCompiler);
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
