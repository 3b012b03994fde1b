// Map geometry and label places kept between builds. Projecting the boundaries (d3-geo), finding
// each shape's pole of inaccessibility (polylabel) and fitting each name inside its shape depend
// only on the GeoJSON, the map's width and the names: a build opens the memo file of its output
// (beside the parse cache), reads what the previous build computed for the same inputs (each entry
// keyed by a hash of exactly them, the file by the code version), and saves what this build used.
// An entry whose checksum does not match is ignored with a warning and computed again; a file that
// cannot be read, with one warning. Without an open memo (tests, other callers) everything is computed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../files/write-atomic.js";

interface Stored {
  /** The entry's value. */
  v: unknown;
  /** SHA-256 of the key and the value's JSON. */
  h: string;
}

interface MemoFile {
  code: string;
  entries: Record<string, Stored>;
}

let open: { old: Map<string, Stored>; used: Map<string, unknown>; warn: (line: string) => void; file: string } | null = null;

const check = (key: string, v: unknown) => createHash("sha256").update(key).update("\0").update(JSON.stringify(v)).digest("hex");

/** A digest of a memo entry's inputs. */
export function memoKey(...parts: string[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
}

/** Whether a memo is open (else keys need not be computed). */
export function memoOpen(): boolean {
  return open !== null;
}

/** Opens the memo in `file` made by the code version `code` (an empty one when there is none). */
export function openMapMemo(file: string, code: string, warn: (line: string) => void): void {
  const old = new Map<string, Stored>();
  try {
    const text = readFileSync(file, "utf8");
    try {
      const m = JSON.parse(text) as MemoFile;
      if (m?.code === code && m.entries && typeof m.entries === "object") for (const [k, s] of Object.entries(m.entries)) old.set(k, s);
    } catch {
      warn(`Bỏ qua bộ nhớ đệm bản đồ ${file}: tệp hỏng (không phải JSON); tính lại vị trí các bản đồ.`);
    }
  } catch {
    // none yet
  }
  open = { old, used: new Map(), warn, file };
}

/** The value kept for `key`, or `compute()` (and kept). */
export function memoised<T>(key: string, compute: () => T): T {
  if (!open) return compute();
  if (open.used.has(key)) return open.used.get(key) as T;
  const s = open.old.get(key);
  let value: T;
  if (s && typeof s.h === "string" && check(key, s.v) === s.h) value = s.v as T;
  else {
    if (s) open.warn(`Bỏ qua một mục hỏng trong bộ nhớ đệm bản đồ ${open.file} (không khớp SHA-256); tính lại.`);
    value = compute();
  }
  open.used.set(key, value);
  return value;
}

/** Saves the entries this build used (written atomically; a failure only costs computing again) and closes the memo. */
export function closeMapMemo(code: string): void {
  if (!open) return;
  const { file, used } = open;
  open = null;
  const entries: Record<string, Stored> = {};
  for (const [k, v] of [...used].sort(([a], [b]) => (a < b ? -1 : 1))) entries[k] = { v, h: check(k, v) };
  try {
    writeFileAtomic(file, JSON.stringify({ code, entries } satisfies MemoFile));
  } catch {
    // best effort
  }
}
