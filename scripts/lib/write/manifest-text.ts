// manifest.json as the build writes it. Every character beyond ASCII is escaped (\uXXXX): a reader
// gets the same values, and the build reads the file back as a string of one byte a character. A
// single "ả" (a level's name in the check's summary) made a nation's whole 42 MB manifest a string
// of two bytes a character: decoded, hashed and parsed several times slower on every rebuild. Each
// top-level key is on a line of its own, the first two as manifestHead (intact-output.ts) reads them;
// an array's items one per line: smaller than indented, and a diff of two manifests shows one line
// per file that changed.
//
// A nation's manifest lists ≈ 140 000 documents and files. Its lists are written by one
// JSON.stringify each, cut into lines where one item ends and the next begins (`},{"`: see
// `itemLines`), rather than item by item, and each top-level value is encoded on its own: one whose
// UTF-8 is as long as its text is ASCII already and is not searched for characters to escape
// (files/utf8.ts): a nation's manifest parsed from its file is written in 0,6 s instead of 1 s; in
// the build, whose entries JSON.stringify writes two to three times slower, 1,4 s instead of 1,5 s.

import { isAscii } from "../files/utf8.js";

/** `text` (JSON) with every character beyond ASCII escaped. */
const ascii = (text: string): string => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** An object whose values are all texts, numbers, booleans or null, one at least written: its JSON
 *  starts with `{"` and holds no `{` or `}` outside its texts. */
const flat = (item: unknown): boolean => {
  if (item === null || typeof item !== "object" || Array.isArray(item) || typeof (item as { toJSON?: unknown }).toJSON === "function") return false;
  let written = false;
  for (const v of Object.values(item)) {
    if (v !== null && typeof v === "object") return false;
    if (v !== undefined && typeof v !== "function" && typeof v !== "symbol") written = true;
  }
  return written;
};

/**
 * The items of `list`, one JSON text a line, each indented by four spaces and followed by a comma
 * but the last. When every item is a flat object, the whole list is written by one JSON.stringify
 * and cut at each `},{"`: where an item ends and the next begins (each starts with `{"`), and
 * inside a text only where the text ends with `},{` (its closing quote completes it): then there
 * are more pieces than items, and the items are written one by one instead.
 */
function itemLines(list: readonly unknown[]): string {
  if (list.every(flat)) {
    const pieces = JSON.stringify(list).slice(1, -1).split('},{"');
    if (pieces.length === list.length) return `    ${pieces.join('},\n    {"')}`;
  }
  return list.map((item) => `    ${JSON.stringify(item) ?? "null"}`).join(",\n");
}

/** A top-level value: an array of one item a line, anything else indented as JSON.stringify does. */
function valueText(value: unknown): string {
  if (Array.isArray(value) && value.length > 0) return `[\n${itemLines(value)}\n  ]`;
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");
}

/** `text` as the bytes of its ASCII form, encoded as Latin-1 (the same bytes for ASCII, and faster:
 *  files/utf8.ts). */
function asciiBytes(text: string): Buffer {
  return Buffer.from(isAscii(text) ? text : ascii(text), "latin1");
}

/** The manifest's bytes: its keys in their order, ASCII only, ending with a newline. */
export function manifestBytes(manifest: object): Buffer {
  const parts = Object.entries(manifest)
    .filter(([, value]) => value !== undefined)
    .map(([key, value], i) => asciiBytes(`${i === 0 ? "{\n" : ",\n"}  ${JSON.stringify(key)}: ${valueText(value)}`));
  return Buffer.concat([...(parts.length ? parts : [Buffer.from("{\n")]), Buffer.from("\n}\n")]);
}
