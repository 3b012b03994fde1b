// The only reader of data files: walks a data folder and returns every YAML file's text.
// Files over the size limit are not read (a diagnostic says so). A file's text is decoded from its
// bytes each time it is asked for, not kept: a nation's 11 000 report files are 220 MB, handed to
// the parse workers as bytes. A file whose SHA-256 this process already knows for its stat as it is
// now (files/walk.ts: the build digests the data folder first, and keeps the digests between runs)
// is not even read until its text or bytes are asked for (a rebuild after one edit parses one file
// and takes the others from the parse cache), nor are its bytes kept: each time, they are read and
// must still have that digest (a file changed while the command ran stops it with a message, exit
// 1, never mixes two versions). Content addresses and caches hash the digest (`keyOfText`).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { InputError } from "../diagnostics/input-error.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnosticAt } from "../diagnostics/make.js";
import { filesUnder, knownDigest } from "../files/walk.js";
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
    // Absolute: digests are kept by absolute path (files/walk.ts), and a later read must not depend on the working folder.
    const abs = resolve(full);
    const { size, digest } = knownDigest(abs);
    if (size > MAX_FILE_BYTES) {
      tree.diagnostics.push(diagnosticAt("YAML_FILE_TOO_LARGE", { size: mb(size), limit: mb(MAX_FILE_BYTES) }, path, 0, 0));
      continue;
    }
    tree.files.push(digest === null ? sourceFromBytes(path, rel, readFileSync(abs)) : sourceFromFile(path, rel, abs, digest));
  }
  return tree;
}

/** Where a source file's text comes from: its bytes (read already, or when first asked for), and
 *  their SHA-256 (known without reading them, or taken once). */
interface Origin {
  bytes(): Uint8Array;
  digest(): string;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const ORIGIN = Symbol("origin");

/** A source file whose `text` is decoded from its origin's bytes (UTF-8) each time it is read, and
 *  not kept: a nation's report texts are ≈ 440 MB as strings, and the build needs each only for a
 *  moment (parsed once, or located in for a diagnostic, or exported to a workbook); its origin stays
 *  reachable, not enumerable (no copy or JSON of the file carries it), through `sourceBytes` and
 *  `keyOfText`. */
function sourceFrom(path: string, rel: string, origin: Origin): SourceFile {
  const file = { path, rel } as SourceFile;
  Object.defineProperty(file, "text", { enumerable: true, configurable: true, get: () => decode(origin.bytes()) });
  Object.defineProperty(file, ORIGIN, { enumerable: false, value: origin });
  return file;
}

const decode = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");

/** A source file read as `bytes`. */
function sourceFromBytes(path: string, rel: string, bytes: Uint8Array): SourceFile {
  let digest: string | undefined;
  return sourceFrom(path, rel, { bytes: () => bytes, digest: () => (digest ??= sha256(bytes)) });
}

/** A source file at `full` (absolute) whose bytes have SHA-256 `digest`, read each time its text or
 *  bytes are asked for, and not kept (a nation's reports are ≈ 180 MB, most needed once or twice:
 *  parsed, exported to a workbook); a file gone, or whose bytes no longer have that digest, stops
 *  the command (InputError: exit 1), so a run sees one version of each file. */
function sourceFromFile(path: string, rel: string, full: string, digest: string): SourceFile {
  const changed = () => new InputError(`${path}: tệp đã bị xóa hoặc thay đổi trong khi lệnh đang chạy. Hãy chạy lại lệnh.`);
  const read = (): Uint8Array => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch (err) {
      // Gone, or a folder now: changed under the command; anything else (no permission) as it is.
      if (["ENOENT", "ENOTDIR", "EISDIR"].includes((err as NodeJS.ErrnoException).code ?? "")) throw changed();
      throw err;
    }
    if (sha256(bytes) !== digest) throw changed();
    return bytes;
  };
  return sourceFrom(path, rel, { bytes: read, digest: () => digest });
}

const originOf = (file: object): Origin | undefined => (file as { [ORIGIN]?: Origin })[ORIGIN];

/** The bytes a source file was read from, when it was read by `readTree` (else undefined; a file
 *  whose bytes are not kept is read again now); also those of a file parsed from it
 *  (`textFromSource`, `withOriginOf`). */
export function sourceBytes(file: { text: string }): Uint8Array | undefined {
  return originOf(file)?.bytes();
}

/** Whether a file was read by `readTree` (or parsed from one that was), without reading it. */
export const hasOrigin = (file: { text: string }): boolean => originOf(file) !== undefined;

/**
 * `file` (a parsed file, without its text) with its text read from `source` when asked for, through
 * `kept` (the parse cache gives the text as the parser keeps it: no BOM, NFC; by default the text as
 * read), and not kept either; and the source's origin reachable from it, for `keyOfText`.
 */
export function textFromSource<F extends { text: string }>(file: Omit<F, "text">, source: SourceFile, kept: (text: string) => string = (t) => t): F {
  Object.defineProperty(file, "text", { enumerable: true, configurable: true, get: () => kept(source.text) });
  return withOriginOf(file as F, source);
}

/** `file` (parsed from `source`, its text kept) with the source's origin reachable from it (its
 *  bytes, not read for it), for `keyOfText`. */
export function withOriginOf<F extends { text: string }>(file: F, source: SourceFile): F {
  const origin = originOf(source);
  if (origin) Object.defineProperty(file, ORIGIN, { enumerable: false, value: origin });
  return file;
}

/** What a content address or a cache key hashes for a file's text: the SHA-256 of the bytes it was
 *  read from, when it was read from a file (its text is made from them alone), after a NUL, which
 *  no YAML text holds; else its text. No text is decoded to be hashed, and a file's bytes are hashed
 *  once at most (not at all when their digest was known). */
export function keyOfText(file: { text: string }): string {
  const origin = originOf(file);
  return origin ? `\u0000sha256:${origin.digest()}` : file.text;
}
