// JSON pointer → line and column, by walking the yaml AST (never by searching the text).
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";

export interface Located {
  /** Path as shown to the user. */
  path: string;
  doc: Document | null;
  lineCounter: LineCounter | null;
  /** A released document is parsed again from its text when a diagnostic needs a position. */
  released?: boolean;
  text?: string;
}

/** Re-parses a file whose document was released to save memory (see releaseDocument). */
function ensureDoc(file: Located): void {
  if (file.doc || !file.released || file.text === undefined) return;
  const lineCounter = new LineCounter();
  file.doc = parseDocument(file.text, { lineCounter, uniqueKeys: true, version: "1.2" });
  file.lineCounter = lineCounter;
  file.released = false;
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
  ensureDoc(file);
  if (!file.doc || !file.lineCounter) return { line: 0, column: 0 };
  const { node, key } = walk(file.doc, pointerToPath(pointer));
  const target = on === "key" && key ? key : node;
  const offset = target?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const pos = file.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** The source text of the scalar at the pointer, as typed (e.g. "1.234" for a value YAML read as 1.234). */
export function sourceText(file: Located & { text: string }, pointer: string): string | null {
  ensureDoc(file);
  if (!file.doc) return null;
  const { node } = walk(file.doc, pointerToPath(pointer));
  if (!isScalar(node) || !node.range) return null;
  return file.text.slice(node.range[0], node.range[1]);
}
