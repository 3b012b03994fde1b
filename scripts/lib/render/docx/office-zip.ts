// The zip of an Office Open XML package (DOCX, XLSX), byte-deterministic: its core dates set to the
// document's date, every entry stamped with one fixed time (files/zip.ts), entries in the order given.
// No docx or exceljs here: the province workbook and the input workbooks use it without loading docx.
// fflate only unzips (repackOffice; site/workbook.ts before `zipParts`): the zip is written by
// files/zip.ts, deflated by node's zlib.
import { strFromU8, strToU8, unzipSync } from "fflate";
import { zipEntries } from "../../files/zip.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Replace dcterms:created / dcterms:modified in core.xml with `${created}T00:00:00Z`. */
export function fixCoreDates(coreXml: string, created: string): string {
  const stamp = `${created}T00:00:00Z`;
  return coreXml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
  );
}

/** Any Office Open XML package (DOCX, XLSX) with its core dates and entry timestamps fixed. */
export function repackOffice(bytes: Uint8Array, created: string): Uint8Array {
  return zipParts(unzipSync(bytes), created);
}

/** A package's parts (in entry order) zipped with its core dates set to `created` and one fixed entry time. */
export function zipParts(parts: Record<string, Uint8Array>, created: string): Uint8Array {
  if (!ISO_DATE.test(created)) throw new Error(`zipParts: created must be an ISO date (YYYY-MM-DD), got "${created}"`);
  // Object key order is the archive's entry order, as docx wrote it.
  const entries = Object.entries(parts).map(([name, data]): [string, Uint8Array] => [name, name === "docProps/core.xml" ? strToU8(fixCoreDates(strFromU8(data), created)) : data]);
  return zipEntries(entries);
}
