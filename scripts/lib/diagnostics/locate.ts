// JSON pointer → line and column, by walking the yaml AST (never by searching the text).
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";

export interface Located {
  /** Path as shown to the user. */
  path: string;
  doc: Document | null;
  lineCounter: LineCounter | null;
  /** A released document is parsed again from its text when a diagnostic needs a position (and kept a while, not on the file). */
  released?: boolean;
  text?: string;
}

/** Documents parsed again to locate in released files, the most recently used last. */
const reparsed = new Map<Located, { doc: Document; lineCounter: LineCounter }>();
/** How many of them are kept: diagnostics come file by file, and a nation has thousands of files with a warning. */
const REPARSED_KEPT = 64;

/** The file's document and line counter; a released file's is parsed again from its text (and kept a while). */
function documentOf(file: Located): { doc: Document; lineCounter: LineCounter } | null {
  if (file.doc && file.lineCounter) return { doc: file.doc, lineCounter: file.lineCounter };
  if (!file.released || file.text === undefined) return null;
  let hit = reparsed.get(file);
  if (hit) reparsed.delete(file);
  else {
    const lineCounter = new LineCounter();
    hit = { doc: parseDocument(file.text, { lineCounter, uniqueKeys: true, version: "1.2" }), lineCounter };
  }
  reparsed.set(file, hit);
  if (reparsed.size > REPARSED_KEPT) reparsed.delete(reparsed.keys().next().value!);
  return hit;
}

/** Drops a parsed file's YAML document (the bulk of its memory); it comes back when located. */
export function releaseDocument(file: Located): void {
  if (!file.doc) return;
  file.doc = null;
  file.lineCounter = null;
  file.released = true;
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
