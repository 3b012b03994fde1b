// A previous output as the writer (output-dir.ts) reads it: its manifest's files, keys and input
// keys, each file's recorded stat, and the lookups that find a file to reuse, intact, by its key or
// its unit's input key.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readRecord, statOf } from "./output-stat.js";
import type { OutputListing, StatSnapshot } from "./stat-snapshot.js";
import { ManifestLines } from "./manifest-text.js";

export interface FileEntry {
  path: string;
  sha256: string;
  /** The content address the file was made from (see `cached`), when it has one. */
  key?: string;
  /** The input key of the unit the file belongs to (write/input-keys.ts): a digest of the inputs it
   *  is made from, known before its content address is computed (see `reuseByInput`). */
  input?: string;
}

export const MANIFEST = "manifest.json";

export function sha256(contents: string | Uint8Array): string {
  return createHash("sha256").update(contents).digest("hex");
}

export interface PreviousOutput {
  dir: string;
  files: Map<string, FileEntry>;
  /** Paths by key, built on first use. */
  byKey?: Map<string, string[]>;
  /** Made by the same code (its keyed files may be reused). */
  trusted: boolean;
  /** Each file's stat when it was written, for files whose SHA-256 holds without reading them. */
  stats: ReadonlyMap<string, string>;
  /** The files whose stat is no longer the recorded one, when a snapshot of the output's stats was
   *  taken (stat-snapshot.ts): every other recorded file still has its recorded stat. */
  changed?: ReadonlyMap<string, string | null>;
  /** With `changed`: the folders and unrecorded files the snapshot found in the output (null: an
   *  entry neither file nor folder, or not listed). */
  listing?: OutputListing | null;
  /** The SHA-256 of the manifest its --cache copy was given when refreshed from it (output-stat.ts). */
  cacheManifest?: string;
  /** Its manifest's lines, when it is, byte for byte, the one the build that made this output
   *  wrote with manifestBytes (as it recorded with the stats: its SHA-256, `lines`) and that
   *  build's code is this one: the new manifests write its unchanged items as these lines
   *  (manifest-text.ts). */
  lines?: ManifestLines;
}

/** A previous output's manifest, or null (with a warning when it exists but cannot be read). A
 *  manifest from before content addresses (no `files`) has nothing to reuse. */
export function readPrevious(dir: string, codeVersion: string | undefined, warn: (line: string) => void, statFile?: string, snapshot?: StatSnapshot | null): PreviousOutput | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  let manifest: { code?: unknown; files?: unknown } & Record<string, unknown>;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
    manifest = JSON.parse(bytes.toString("utf8")) as typeof manifest;
  } catch {
    warn(`Bỏ qua kết quả cũ ${path}: tệp không đọc được (JSON hỏng); dựng lại mọi tệp.`);
    return null;
  }
  if (!Array.isArray(manifest?.files)) return null;
  const trusted = codeVersion === undefined || manifest.code === codeVersion;
  if (!trusted) warn(`Bỏ qua kết quả cũ ${path}: do một phiên bản chương trình khác tạo ra; dựng lại mọi tệp.`);
  const files = new Map<string, FileEntry>();
  for (const f of manifest.files as FileEntry[]) if (typeof f?.path === "string" && typeof f.sha256 === "string") files.set(f.path, f);
  const sum = sha256(bytes); // as the writer hashed it: its bytes
  files.set(MANIFEST, { path: MANIFEST, sha256: sum }); // its fate only: it has no key, never reused
  const { stats, cache, lines } = readRecord(statFile, dir, sum);
  const recorded = stats.size > 0;
  return {
    dir,
    files,
    trusted,
    stats,
    ...(snapshot?.manifest === sum && recorded ? { changed: snapshot.changed, listing: snapshot.listing } : {}),
    ...(cache ? { cacheManifest: cache } : {}),
    ...(trusted && recorded && lines && codeVersion !== undefined ? { lines: ManifestLines.of(bytes, manifest) } : {}),
  };
}

/** The --cache folder's copy of the output (in `dir`), as readPrevious reads it; but when its
 *  manifest is, byte for byte, the one it was given from the output read as `output` (the SHA-256
 *  recorded with that output's stats), its files are that output's keyed files, looked up in that
 *  output's list: a nation's copy lists 100 000 files (26 MB), not parsed again on every rebuild.
 *  Its files are read from `dir`, and each is checked before it is used, as any other. */
export function readCacheCopy(dir: string, output: PreviousOutput | null, codeVersion: string | undefined, warn: (line: string) => void): PreviousOutput | null {
  let bytes: Buffer | null = null;
  try {
    if (output?.cacheManifest !== undefined) bytes = readFileSync(join(dir, MANIFEST));
  } catch {
    // none, or unreadable: readPrevious says which
  }
  if (output && bytes && sha256(bytes) === output.cacheManifest) return { dir, files: output.files, trusted: output.trusted, stats: new Map() };
  return readPrevious(dir, codeVersion, warn);
}

/** Whether the file at `full` has SHA-256 `sum`: by its stat when recorded and unchanged (as a
 *  snapshot of the stats found it, or asked now), else read. `stat`: the file's stat as seen before
 *  it was judged (null when it could not be read). */
export function holds({ stats, changed }: Pick<PreviousOutput, "stats" | "changed">, path: string, full: string, sum: string): { state: "yes" | "differs" | "missing"; stat: string | null } {
  const recorded = stats.get(path);
  if (changed && recorded !== undefined && !changed.has(path)) return { state: "yes", stat: recorded };
  const stat = statOf(full);
  if (stat === null) return { state: "missing", stat };
  if (stats.get(path) === stat) return { state: "yes", stat };
  try {
    return { state: sha256(readFileSync(full)) === sum ? "yes" : "differs", stat };
  } catch {
    return { state: "missing", stat: null };
  }
}

/** The file `rel` of a previous output (in folder `dir`) that made it from `key`, with its SHA-256
 *  still holding, and its stat (which a hard link of it shares). */
export function reusableFile(previous: readonly PreviousOutput[], rel: string, key: string, warn: (line: string) => void): { dir: string; full: string; sha256: string; stat: string } | null {
  for (const p of previous) {
    const e = p.files.get(rel);
    if (e?.key !== key) continue;
    const full = join(p.dir, rel);
    const { state, stat } = holds(p, rel, full, e.sha256);
    if (state === "yes" && stat !== null) return { dir: p.dir, full, sha256: e.sha256, stat };
    warn(`Bỏ qua ${full} trong kết quả cũ: ${state === "differs" ? "nội dung không khớp SHA-256 đã ghi" : "tệp không còn"}; dựng lại.`);
  }
  return null;
}

/** A folder the build reads from changed while it ran: bad input, not a bug (the build reports it
 *  as such, pipeline.ts). */
export class OutputChanged extends Error {}

/** A hard link of `from` at `to` (a copy where the file system refuses links); true when linked, so
 *  that `to` has the stat of `from`. One system call when `to`'s folder exists: it is made only when
 *  the link fails for want of it. A `from` removed meanwhile (someone changed the folder while the
 *  build ran) stops it with a message (OutputChanged). */
export function linkOrCopy(from: string, to: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      linkSync(from, to);
      return true;
    } catch (err) {
      const noFolder = attempt === 0 && (err as NodeJS.ErrnoException).code === "ENOENT" && existsSync(from);
      if (!noFolder) break;
      mkdirSync(dirname(to), { recursive: true });
    }
  }
  if (!existsSync(from)) throw new OutputChanged(`${from}: tệp đã bị xóa trong khi lệnh đang chạy (thư mục chứa tệp bị thay đổi). Hãy chạy lại lệnh.`);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  return false;
}

/** The content address a previous output recorded for every one of `paths` with the input key `input`. */
export function keyByInput(previous: readonly PreviousOutput[], input: string, paths: readonly string[]): string | null {
  for (const p of previous) {
    const key = p.files.get(paths[0] ?? "")?.key;
    if (key !== undefined && paths.every((rel) => p.files.get(rel)?.input === input && p.files.get(rel)?.key === key)) return key;
  }
  return null;
}

/** The paths the first previous output holding `key` recorded with it, sorted. */
export function recordedPaths(previous: readonly PreviousOutput[], key: string): string[] {
  for (const p of previous) {
    if (!p.byKey) {
      // Pushed, not copied: a key may name hundreds of files (a nation's search bundles, up to 963 each).
      const byKey = (p.byKey = new Map<string, string[]>());
      for (const e of p.files.values()) {
        if (e.key === undefined) continue;
        const paths = byKey.get(e.key);
        if (paths) paths.push(e.path);
        else byKey.set(e.key, [e.path]);
      }
    }
    const paths = p.byKey.get(key);
    if (paths) return [...paths].sort();
  }
  return [];
}
