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
// A rebuild writes the items that did not change as the previous manifest's lines (ManifestLines):
// a nation's one edit writes its manifest in 0,4 s and its --cache copy's in 0,1 s (1,5 and 0,6 s).

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
  // Array.from: a hole is written as JSON.stringify writes it, null (`every` and `map` skip holes).
  if (Array.isArray(value) && value.length > 0) return `[\n${itemLines(Array.from(value as unknown[]))}\n  ]`;
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");
}

/** `text` as the bytes of its ASCII form, encoded as Latin-1 (the same bytes for ASCII, and faster:
 *  files/utf8.ts). */
function asciiBytes(text: string): Buffer {
  return Buffer.from(isAscii(text) ? text : ascii(text), "latin1");
}

/** A previous manifest's lists, as this module wrote them: where each item's line is in its bytes,
 *  and the item, found by its `path`. */
interface ListLines {
  items: readonly unknown[];
  byPath: Map<string, number>;
  starts: Uint32Array;
  ends: Uint32Array;
}

const OPEN = Buffer.from("[\n", "latin1");
const INDENT = Buffer.from("    ", "latin1");
const BETWEEN = Buffer.from(",\n    ", "latin1");
const CLOSE = Buffer.from("\n  ]", "latin1");

/**
 * The lines of a manifest read back, to write again the items that did not change. A rebuild's
 * manifest lists the same 140 000 documents and files as the last one but for the few it made
 * again: each item equal to the one the previous manifest listed at its path (the same keys in the
 * same order, the same texts, numbers, booleans or nulls) is written as the bytes of that line,
 * with the lines around it when they follow each other there too, instead of by JSON.stringify
 * (a nation's manifest: 1,5 s). Only for a manifest this module wrote, as the stat record the
 * build wrote with it says (its SHA-256 and `lines`: previous-output.ts, output-stat.ts): an
 * item's line is then exactly what it would write.
 */
export class ManifestLines {
  private constructor(
    private readonly bytes: Buffer,
    private readonly lists: ReadonlyMap<string, ListLines>,
  ) {}

  /** The lines of the lists of `manifest`, parsed from `bytes`. A list whose lines are not one
   *  object each, in this module's layout, is left out (its items are written anew). */
  static of(bytes: Buffer, manifest: Record<string, unknown>): ManifestLines {
    const lists = new Map<string, ListLines>();
    for (const [key, value] of Object.entries(manifest)) {
      const found = Array.isArray(value) && value.length > 0 ? listLines(bytes, key, value) : null;
      if (found) lists.set(key, found);
    }
    return new ManifestLines(bytes, lists);
  }

  /** The bytes of the list `key` holding `items`, from its `[` to its `]`, or null when no item of
   *  it is found. */
  listBytes(key: string, items: readonly unknown[]): Buffer[] | null {
    const list = this.lists.get(key);
    if (!list) return null;
    const parts: Buffer[] = [OPEN];
    let found = 0;
    // A run of lines of the previous manifest that follow each other there and here.
    let runStart = -1;
    let runEnd = -1;
    let runLast = -2;
    const flush = () => {
      if (runStart >= 0) parts.push(this.bytes.subarray(runStart, runEnd));
      runStart = -1;
      runLast = -2;
    };
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      const path = (item as { path?: unknown } | null)?.path;
      const at = typeof path === "string" ? list.byPath.get(path) : undefined;
      if (at !== undefined && sameFlat(list.items[at], item)) {
        found++;
        if (at === runLast + 1 && runStart >= 0) runEnd = list.ends[at]!;
        else {
          flush();
          parts.push(k === 0 ? INDENT : BETWEEN);
          runStart = list.starts[at]!;
          runEnd = list.ends[at]!;
        }
        runLast = at;
        continue;
      }
      flush();
      parts.push(k === 0 ? INDENT : BETWEEN, asciiBytes(JSON.stringify(item) ?? "null"));
    }
    flush();
    parts.push(CLOSE);
    return found > 0 ? parts : null;
  }
}

/** Where the items of the list `key` are in `bytes`: after a line `  "key": [`, one line each of
 *  four spaces and an object, a comma after each but the last, then a line `  ]`. Null otherwise. */
function listLines(bytes: Buffer, key: string, items: readonly unknown[]): ListLines | null {
  const head = asciiBytes(`\n  ${JSON.stringify(key)}: [\n`);
  const at = bytes.indexOf(head);
  if (at < 0) return null;
  const n = items.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const byPath = new Map<string, number>();
  let s = at + head.length;
  for (let i = 0; i < n; i++) {
    if (!bytes.subarray(s, s + 4).equals(INDENT)) return null;
    s += 4;
    const nl = bytes.indexOf(10, s);
    const end = i === n - 1 ? nl : nl - 1;
    if (nl < 0 || (i < n - 1 && bytes[end] !== 0x2c) || bytes[s] !== 0x7b || bytes[end - 1] !== 0x7d) return null;
    starts[i] = s;
    ends[i] = end;
    const path = (items[i] as { path?: unknown } | null)?.path;
    if (typeof path === "string") byPath.set(path, i);
    s = nl + 1;
  }
  if (!bytes.subarray(s - 1, s + 3).equals(CLOSE)) return null;
  return { items, byPath, starts, ends };
}

/** Whether `b` is written as `a` is: both plain objects with the same keys in the same order and
 *  the same texts, numbers, booleans or nulls. */
function sameFlat(a: unknown, b: unknown): boolean {
  if (!plain(a) || !plain(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    const x = (a as Record<string, unknown>)[k];
    if (k !== kb[i] || x !== (b as Record<string, unknown>)[k] || (x !== null && typeof x === "object") || typeof x === "function" || x === undefined) return false;
  }
  return true;
}

const plain = (v: unknown): v is object => {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** The manifest's bytes: its keys in their order, ASCII only, ending with a newline. Its lists'
 *  unchanged items are the bytes of their lines in `previous`, when given. */
export function manifestBytes(manifest: object, previous?: ManifestLines | null): Buffer {
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(manifest)) {
    if (value === undefined) continue;
    const lead = `${parts.length === 0 ? "{\n" : ",\n"}  ${JSON.stringify(key)}: `;
    const lines = previous && Array.isArray(value) && value.length > 0 ? previous.listBytes(key, value) : null;
    if (lines) parts.push(asciiBytes(lead), ...lines);
    else parts.push(asciiBytes(lead + valueText(value)));
  }
  return Buffer.concat([...(parts.length ? parts : [Buffer.from("{\n")]), Buffer.from("\n}\n")]);
}
