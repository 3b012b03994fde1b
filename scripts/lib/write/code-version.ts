// The version of the code that makes the output, part of every content address: the lockfile (the
// libraries, docx included), scripts/, the client sources of site/ and the templates. Any change
// to them makes every key new, so nothing made by other code is reused. The deflate at hand is part
// of it too: the DOCX and XLSX zips are deflated by node's zlib, whose bytes change with its version
// and with the CPU (files/zip.ts), so a document deflated by another one is not taken as this one's.
import { createHash, type Hash } from "node:crypto";
import { join, resolve } from "node:path";
import { keepDigestsIn, treeDigest } from "../files/walk.js";
import { REPO_ROOT } from "../files/repo-root.js";
import { deflateFingerprint } from "../files/zip.js";

export function codeVersion(templateDir: string, root = REPO_ROOT): string {
  // The digests of the files read (code, data, schemas) are kept between builds (files/walk.ts).
  keepDigestsIn(join(root, ".cache", "file-digests.json"));
  return treeDigest(root, [join(root, "package-lock.json"), join(root, "scripts"), join(root, "site"), resolve(templateDir)], [deflateFingerprint()]);
}

/** A content address: the code version and the inputs' canonical text, hashed (bytes as they are:
 *  a text's UTF-8 bytes hash as the text). */
export function contentKey(code: string, ...inputs: (string | Uint8Array)[]): string {
  const h = createHash("sha256").update(code);
  for (const i of inputs) h.update("\0").update(i);
  return h.digest("hex");
}

/** contentKey of inputs that are texts (hashed as they are) or values (hashed as their JSON text):
 *  the same digest as `contentKey(code, ...inputs.map(JSON.stringify))`, without building the JSON
 *  of a large value as one string: hashed in parts of a few thousand values each. (V8 copies the
 *  whole of JSON.stringify's result before hashing it, in the large-object space beyond 128 KB: for
 *  a ~100 000-character JSON text that costs 3 times the hashing of its parts.) */
export function valueKey(code: string, ...inputs: unknown[]): string {
  const h = createHash("sha256").update(code);
  for (const i of inputs) {
    h.update("\0");
    if (typeof i === "string") h.update(i);
    else updateJson(h, i);
  }
  return h.digest("hex");
}

const PART = 2000;

/** Hashes `v`'s JSON text (JSON.stringify's, which must be defined): whole when it is not an array
 *  or plain object or holds at most PART values, else its entries one by one. */
function updateJson(h: Hash, v: unknown): void {
  if (!container(v) || weight(v, PART) <= PART) {
    h.update(JSON.stringify(v));
    return;
  }
  if (Array.isArray(v)) {
    // By index: a hole, like undefined, is written as null.
    for (let i = 0; i < v.length; i++) {
      h.update(i === 0 ? "[" : ",");
      if (absent(v[i])) h.update("null");
      else updateJson(h, v[i]);
    }
    h.update(v.length ? "]" : "[]");
    return;
  }
  let first = true;
  for (const [k, x] of Object.entries(v as object)) {
    if (absent(x)) continue;
    h.update(`${first ? "{" : ","}${JSON.stringify(k)}:`);
    first = false;
    updateJson(h, x);
  }
  h.update(first ? "{}" : "}");
}

/** How many values `v` holds (a long text counts as many), counted up to just past `budget`; an
 *  object with toJSON (a date) counts as one. */
function weight(v: unknown, budget: number): number {
  if (typeof v === "string") return 1 + (v.length >> 5);
  if (!container(v)) return 1;
  let w = 1;
  for (const x of Array.isArray(v) ? v : Object.values(v)) {
    w += weight(x, budget - w);
    if (w > budget) break;
  }
  return w;
}

/** An array or an object JSON.stringify writes entry by entry (not a date or another object with
 *  toJSON, nor a boxed number, text or boolean). */
const container = (v: unknown): v is object =>
  v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON !== "function" && !(v instanceof Number || v instanceof String || v instanceof Boolean);

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
const absent = (x: unknown) => x === undefined || typeof x === "function" || typeof x === "symbol";

/** A digest of every file under `dir` (its path relative to `dir` and its bytes), in path order. */
export function folderDigest(dir: string): string {
  return treeDigest(resolve(dir), [resolve(dir)]);
}
