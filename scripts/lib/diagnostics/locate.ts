// JSON pointer → line and column, by walking the yaml AST (never by searching the text). A file
// parsed by the fast path (syntax/fast-yaml.ts) is located from its parser's offsets of keys and
// scalars, the same as yaml's (test/check/fast-yaml.test.ts), and from yaml's Document for
// anything else. Most diagnostics sit under one top-level field (/submitted_on, /values/…): the
// fast path then parses only the text up to the end of that field (rootEntryPrefix), not the
// whole file, which is most of the cost of locating a nation's thousands of warnings.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import { fastYaml, type Offsets } from "../syntax/fast-yaml.js";

export interface Located {
  /** Path as shown to the user. */
  path: string;
  doc: Document | null;
  lineCounter: LineCounter | null;
  /** A released document is parsed again from its text when a diagnostic needs a position (and kept a while, not on the file). */
  released?: boolean;
  /** The released document was yaml's (the fast path left the file): it is located from yaml's Document again. */
  yamlDocument?: boolean;
  text?: string;
}

/** What was parsed again to locate in a released file: the fast path's offsets, and yaml's Document when they do not tell. */
interface Reparsed {
  /** The file's text, read once (a report file's text is decoded each time it is read: read-tree.ts). */
  text: string;
  /** The fast path's offsets in the whole text (null: it leaves the file to yaml; undefined: not parsed yet). */
  offsets?: Map<string, Offsets> | null;
  /** The fast path's offsets in the text up to the end of one top-level field, by the field's name (null: no such prefix). */
  prefixes: Map<string, Map<string, Offsets> | null>;
  lineCounter: LineCounter | null;
  doc: Document | null;
}

/** Released files parsed again, the most recently used last. */
const reparsed = new Map<Located, Reparsed>();
/** How many are kept: diagnostics come file by file, and a nation has thousands of files with a warning. */
const REPARSED_KEPT = 64;

/** The entry kept for a released file (the most recently used last), its whole-text offsets parsed
 *  on first need; null when the file has no text. */
function reparsedOf(file: Located): Reparsed | null {
  let hit = reparsed.get(file);
  if (hit) reparsed.delete(file);
  else {
    const text = file.text;
    if (text === undefined) return null;
    hit = { text, prefixes: new Map(), lineCounter: null, doc: null };
  }
  reparsed.set(file, hit);
  if (reparsed.size > REPARSED_KEPT) reparsed.delete(reparsed.keys().next().value!);
  return hit;
}

/** The fast path's offsets of the whole text (null when it leaves the file to yaml). */
function wholeOffsets(r: Reparsed): Map<string, Offsets> | null {
  if (r.offsets === undefined) {
    const offsets = new Map<string, Offsets>();
    r.offsets = fastYaml(r.text, offsets) ? offsets : null;
  }
  return r.offsets;
}

/**
 * The text up to the end of the top-level field `key`, or null when that cannot be told from lines
 * alone. The field's line is the first that starts with `key:` in column 0; it ends before the next
 * line that starts in column 0 with anything but a space, "#", "-" (a sequence may sit at its key's
 * indentation), "?" or ":" (a complex key), or at the end of the text. In a file the fast path
 * reads (one document, a mapping at its root, no tab), such a line is the next top-level key unless
 * it is inside a quoted scalar or flow collection still open: then the prefix does not parse and
 * the caller parses the whole text. Parsing is left to right, so every node the prefix holds starts
 * where it does in the whole text.
 */
export function rootEntryPrefix(text: string, key: string): string | null {
  const keyLine = `${key}:`;
  // Where the field's line starts (its key in column 0).
  const start = text.startsWith(keyLine) ? 0 : text.indexOf(`\n${keyLine}`) + 1;
  if (start === 0 && !text.startsWith(keyLine)) return null;
  for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", nl + 1)) {
    const c = text[nl + 1];
    if (c !== undefined && !" #-?:\r\n".includes(c)) return text.slice(0, nl + 1);
  }
  return text;
}

/** The fast path's offsets in the prefix of the text that ends with top-level field `key` (see rootEntryPrefix). */
function prefixOffsets(r: Reparsed, key: string): Map<string, Offsets> | null {
  let offsets = r.prefixes.get(key);
  if (offsets === undefined) {
    const prefix = rootEntryPrefix(r.text, key);
    const found = new Map<string, Offsets>();
    offsets = prefix !== null && fastYaml(prefix, found) ? found : null;
    r.prefixes.set(key, offsets);
  }
  return offsets;
}

/** yaml's line counter over a text without parsing it: a line starts at 0 and after every "\n" (as yaml's parser counts them). */
function countLines(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", nl + 1)) lc.addNewLine(nl + 1);
  return lc;
}

/** A released file's position of a key or scalar from the fast path's offsets, without yaml's Document; null when they do not tell. */
function fastLocate(file: Located, pointer: string, on: "key" | "value"): { line: number; column: number } | null {
  if (file.doc || !file.released || file.yamlDocument) return null;
  const r = reparsedOf(file);
  if (!r) return null;
  const top = pointerToPath(pointer)[0];
  const at = (top !== undefined ? prefixOffsets(r, top)?.get(pointer) : undefined) ?? wholeOffsets(r)?.get(pointer);
  const offset = on === "key" && at?.key !== undefined ? at.key : at?.value;
  if (offset === undefined) return null;
  r.lineCounter ??= countLines(r.text);
  const pos = r.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** The file's document and line counter; a released file's is parsed again from its text with yaml (and kept a while). */
function documentOf(file: Located): { doc: Document; lineCounter: LineCounter } | null {
  if (file.doc && file.lineCounter) return { doc: file.doc, lineCounter: file.lineCounter };
  const r = file.released ? reparsedOf(file) : null;
  if (!r) return null;
  if (!r.doc) {
    r.lineCounter = new LineCounter();
    r.doc = parseDocument(r.text, { lineCounter: r.lineCounter, uniqueKeys: true, version: "1.2" });
  }
  return { doc: r.doc, lineCounter: r.lineCounter! };
}

/** Drops a parsed file's YAML document (the bulk of its memory); it comes back when located. */
export function releaseDocument(file: Located): void {
  if (!file.doc) return;
  file.doc = null;
  file.lineCounter = null;
  file.released = true;
  file.yamlDocument = true;
}

export function pointerToPath(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The deepest node on the pointer's path (a slightly wide location beats none), and the key node of the last pair. */
function walk(doc: Document, path: string[]): { node: Node | null; key: Node | null } {
  let node = doc.contents as Node | null;
  let key: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return { node, key: null };
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? key;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) return { node, key: null };
      key = null;
      node = item;
    } else {
      return { node, key: null };
    }
  }
  return { node, key };
}

export function locate(file: Located, pointer: string, on: "key" | "value"): { line: number; column: number } {
  const fast = fastLocate(file, pointer, on);
  if (fast) return fast;
  const parsed = documentOf(file);
  if (!parsed) return { line: 0, column: 0 };
  const { node, key } = walk(parsed.doc, pointerToPath(pointer));
  const target = on === "key" && key ? key : node;
  const offset = target?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const pos = parsed.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** The source text of the scalar at the pointer, as typed (e.g. "1.234" for a value YAML read as 1.234). */
export function sourceText(file: Located & { text: string }, pointer: string): string | null {
  const parsed = documentOf(file);
  if (!parsed) return null;
  const { node } = walk(parsed.doc, pointerToPath(pointer));
  if (!isScalar(node) || !node.range) return null;
  return file.text.slice(node.range[0], node.range[1]);
}
