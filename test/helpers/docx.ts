// Reading a packed DOCX back in tests: one part as text, and a stable line-per-block XML layout.

import JSZip from "jszip";

export async function docxPart(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(name);
  if (!file) throw new Error(`no ${name} in the DOCX`);
  return file.async("string");
}

export async function docxPartNames(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files);
}

/** One line per paragraph, table, row, cell and section properties: readable, deterministic diffs. */
export function prettyXml(xml: string): string {
  return xml.replace(/><(w:(?:p|tbl|tr|tc|sectPr|body|hdr|ftr)\b)/g, ">\n<$1").replace(/\r\n/g, "\n") + "\n";
}
