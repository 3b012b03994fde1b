// Document → DOCX bytes, byte-deterministic. docx stamps `new Date()` into docProps/core.xml and
// fflate stamps every zip entry with the local time; we take the parts docx's compiler writes (not
// its zip: deflated once, not deflated, inflated and deflated again), set the core dates to the
// model's date, give every entry one fixed timestamp and zip them in docx's entry order.

import { Packer, type Document } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/**
 * The fixed entry timestamp: 1980-01-01 00:00 (the DOS epoch).
 */
// fflate writes the DOS time fields from the *local* getters, so the date is built in local time:
// its local fields are 1980-01-01 00:00 whatever the machine's time zone, and so are the bytes.
// Built at each call, since the time zone may change while the process runs.
export const zipDate = (): Date => new Date(1980, 0, 1, 0, 0, 0);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Replace dcterms:created / dcterms:modified in core.xml with `${created}T00:00:00Z`. */
export function fixCoreDates(coreXml: string, created: string): string {
  const stamp = `${created}T00:00:00Z`;
  return coreXml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
  );
}

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

/** Any Office Open XML package (DOCX, XLSX) with its core dates and entry timestamps fixed. */
export function repackOffice(bytes: Uint8Array, created: string): Uint8Array {
  return zipParts(unzipSync(bytes), created);
}

/** A package's parts (in entry order) zipped with its core dates set to `created` and one fixed entry time. */
function zipParts(parts: Record<string, Uint8Array>, created: string): Uint8Array {
  if (!ISO_DATE.test(created)) throw new Error(`packDocx: created must be an ISO date (YYYY-MM-DD), got "${created}"`);
  const entries: Zippable = {};
  const mtime = zipDate();
  // Object key order is the archive's entry order, as docx wrote it.
  for (const [name, data] of Object.entries(parts)) {
    const bytes = name === "docProps/core.xml" ? strToU8(fixCoreDates(strFromU8(data), created)) : data;
    entries[name] = [bytes, { mtime, level: 6 }];
  }
  return zipSync(entries);
}
