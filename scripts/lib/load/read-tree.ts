// The only reader of data files: walks a data folder and returns every YAML file's text.
// Files over the size limit are not read (a diagnostic says so). A file is read as bytes and its
// text decoded each time it is asked for, not kept (`sourceFromBytes`): a nation's 11 000 report
// files are 220 MB, handed to the parse workers as bytes, and hashed as bytes for content addresses.
import { existsSync, readFileSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
import { InputError } from "../diagnostics/input-error.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnosticAt } from "../diagnostics/make.js";
import { filesUnder } from "../files/walk.js";
import type { SourceFile } from "../parse/parse-yaml.js";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface SourceTree {
  files: SourceFile[];
  /** Non-YAML files kept as paths (GeoJSON, README). */
  others: string[];
  diagnostics: Diagnostic[];
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

/** Reads every file under dataDir. Paths shown to the user are relative to cwd. */
export function readTree(dataDir: string, cwd: string = process.cwd()): SourceTree {
  // A wrong --data is the user's slip (exit 1), not a bug (exit 2).
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new InputError(`Không tìm thấy thư mục số liệu "${dataDir}". Kiểm tra lại đường dẫn sau --data.`);
  const all = filesUnder(dataDir, { skipHidden: true });
  const tree: SourceTree = { files: [], others: [], diagnostics: [] };
  for (const full of all) {
    const rel = relative(dataDir, full).split(sep).join("/");
    const path = relative(cwd, full).split(sep).join("/") || rel;
    if (!/\.ya?ml$/i.test(full)) {
      tree.others.push(rel);
      continue;
    }
    const size = statSync(full).size;
    if (size > MAX_FILE_BYTES) {
      tree.diagnostics.push(diagnosticAt("YAML_FILE_TOO_LARGE", { size: mb(size), limit: mb(MAX_FILE_BYTES) }, path, 0, 0));
      continue;
    }
    tree.files.push(sourceFromBytes(path, rel, readFileSync(full)));
  }
  return tree;
}

/** A source file whose `text` is decoded from `bytes` (UTF-8) each time it is read, and not kept:
 *  a nation's report texts are ≈ 440 MB as strings, and the build needs each only for a moment
 *  (parsed once, or located in for a diagnostic, or exported to a workbook); its bytes stay
 *  reachable, not enumerable (no copy or JSON of the file carries them), through `sourceBytes`. */
export function sourceFromBytes(path: string, rel: string, bytes: Uint8Array): SourceFile {
  const file = { path, rel } as SourceFile;
  Object.defineProperty(file, "text", { enumerable: true, configurable: true, get: () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") });
  Object.defineProperty(file, BYTES, { enumerable: false, value: bytes });
  return file;
}

const BYTES = Symbol("bytes");

/** The bytes a source file was read from, when it was read by `readTree` (else undefined); also
 *  those of a file parsed from it (`textFromSource`, `withBytesOf`). */
export function sourceBytes(file: { text: string }): Uint8Array | undefined {
  return (file as { [BYTES]?: Uint8Array })[BYTES];
}

/**
 * `file` (a parsed file, without its text) with its text read from `source` when asked for, through
 * `kept` (the parse cache gives the text as the parser keeps it: no BOM, NFC; by default the text as
 * read), and not kept either; and the source's bytes reachable from it, for `keyOfText`.
 */
export function textFromSource<F extends { text: string }>(file: Omit<F, "text">, source: SourceFile, kept: (text: string) => string = (t) => t): F {
  Object.defineProperty(file, "text", { enumerable: true, configurable: true, get: () => kept(source.text) });
  return withBytesOf(file as F, source);
}

/** `file` (parsed from `source`, its text kept) with the source's bytes reachable from it, for `keyOfText`. */
export function withBytesOf<F extends { text: string }>(file: F, source: SourceFile): F {
  const bytes = sourceBytes(source);
  if (bytes) Object.defineProperty(file, BYTES, { enumerable: false, value: bytes });
  return file;
}

/** What a content address hashes for a file's text: the bytes it was read from when known (its text
 *  is made from them alone, and they hash as its UTF-8 when it is their very decoding: valid UTF-8,
 *  no byte-order mark, letters in NFC), else the text. No text is decoded to be hashed. */
export function keyOfText(file: { text: string }): string | Uint8Array {
  return sourceBytes(file) ?? file.text;
}
