// Document → DOCX bytes, byte-deterministic. docx stamps `new Date()` into docProps/core.xml and
// fflate stamps every zip entry with the local time; we re-open the package, set the core dates to
// the model's date, give every entry one fixed timestamp and re-zip in the same entry order.

import { Packer, type Document } from "docx";
import JSZip from "jszip";

/**
 * The fixed entry timestamp: 1980-01-01 00:00 (the DOS epoch). JSZip writes DOS time fields from
 * the UTC getters, so a Date.UTC value gives the same bytes whatever the TZ of the machine.
 */
export const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Replace dcterms:created / dcterms:modified in core.xml with `${created}T00:00:00Z`. */
export function fixCoreDates(coreXml: string, created: string): string {
  const stamp = `${created}T00:00:00Z`;
  return coreXml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
  );
}

export async function packDocx(doc: Document, created: string): Promise<Uint8Array> {
  if (!ISO_DATE.test(created)) throw new Error(`packDocx: created must be an ISO date (YYYY-MM-DD), got "${created}"`);
  const raw = await Packer.toBuffer(doc);
  const src = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(src.files)) {
    const entry = src.files[name]!;
    if (entry.dir) {
      out.file(name, null, { dir: true, date: ZIP_DATE, createFolders: false });
      continue;
    }
    let data: Uint8Array | string = await entry.async("uint8array");
    if (name === "docProps/core.xml") data = fixCoreDates(new TextDecoder().decode(data), created);
    out.file(name, data, { date: ZIP_DATE, createFolders: false, binary: typeof data !== "string" });
  }
  return out.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
    streamFiles: false,
  });
}
