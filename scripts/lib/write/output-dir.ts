// The only writer of build output: documents, workbooks, site pages, assets and search index all go
// into a fresh folder beside the target (the stage), and reach the target only when the whole
// build succeeded (a failed build leaves the previous output untouched). Then either the stage
// replaces the target, or, when the build kept at least half of the target's files where they are
// (one edit: a nation's 103 818 of 103 823), the files it wrote are moved into the target and what
// it no longer holds removed (in-place.ts: the target's kept files are neither linked nor
// copied; a failure during those renames leaves the target without manifest, so it is made again).
// The writer keeps one manifest entry per file (path, SHA-256, and for files made from a content
// address, its key), and tells what each file is compared with the previous output: new, changed,
// unchanged or reused.
//
// Reuse by content address (`cached`): a file made from inputs hashed into a key is kept where it
// is (the target's own file at that path) or hard-linked (or copied, where links fail) from another
// previous output (the --cache folder, a merge's shards) when that output recorded the same key
// for the same path and the file there still has the recorded SHA-256; otherwise it is rendered.
// The SHA-256 is trusted without reading the file while the file's size, mtime, inode and device
// are those recorded when it was written (output-stat.ts); else the file is read and hashed.
// A previous output that cannot be read, or was made by other code, or an entry whose bytes do not
// match, is ignored with one warning line and rebuilt, never trusted.
import { MANIFEST, keyByInput, linkOrCopy, readCacheCopy, readPrevious, recordedPaths, reusableFile, sha256, type FileEntry, type PreviousOutput } from "./previous-output.js";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { filesUnder } from "../files/walk.js";
import { CACHE_SUBDIR, refreshCache } from "./output-cache.js";
import { commitInPlace, inPlacePlan } from "./in-place.js";
import { manifestBytes } from "./manifest-text.js";
import { statOf, writeStats } from "./output-stat.js";
import type { StatSnapshot } from "./stat-snapshot.js";

/** What a file is compared with the previous output at the same path. */
export { MANIFEST, sha256, type FileEntry } from "./previous-output.js";
export { intactOutput } from "./intact-output.js";

export type FileFate = "new" | "changed" | "unchanged" | "reused";

export interface OutputWriter {
  /** Absolute path of the staging folder (for tools that write a folder themselves, like Vite). */
  readonly root: string;
  /** Absolute path of a file written (or kept) so far, to read it: in the staging folder, or in the
   *  target for a file kept where it is. */
  source(rel: string): string;
  write(rel: string, contents: string | Uint8Array, key?: string): string;
  /** Writes manifest.json: `manifest`'s bytes (manifest-text.ts), its lists' unchanged items as
   *  the previous manifest's lines when that one can be trusted for it. */
  writeManifest(manifest: object): string;
  /** Registers the files a tool wrote itself under `rel` (a folder of the staging folder), made
   *  from `key` when given (so that a later build can reuse them: see `recorded`). */
  adopt(rel: string, key?: string): void;
  /** The paths a previous output made by the same code recorded with `key` (sorted), for files whose
   *  names are known only once made (Vite's hashed assets, the search index); empty when none. */
  recorded(key: string): string[];
  /** Keeps (the target's) or hard-links (or copies) the files at `paths` made from `key` from a
   *  previous output, when every one of them is there intact; returns their SHA-256, or null
   *  (nothing written) when one is missing. */
  reuse(key: string, paths: readonly string[], input?: string): string[] | null;
  /** The files at `paths` made from `key`: kept or linked from a previous output that recorded
   *  that key, else rendered (`render` gives their contents in the same order). Returns their SHA-256. */
  cached(key: string, paths: readonly string[], render: () => Promise<(string | Uint8Array)[]>, input?: string): Promise<string[]>;
  /** The files at `paths` copied from a previous output that recorded them with the input key
   *  `input` (and one content address, which is returned), when every one is there intact: what
   *  they are made from did not change, so they are not made again, their key not even computed.
   *  Null (nothing written) otherwise. */
  reuseByInput(input: string, paths: readonly string[]): { key: string; sums: string[] } | null;
  /** The paths copied by `reuseByInput`, sorted. */
  keptByInput(): string[];
  /** Every file written so far, sorted by path. */
  files(): FileEntry[];
  /** The size in bytes of a file written so far (known without asking the file system for a file
   *  written from contents or hard-linked), or null when there is none at `rel`. */
  size(rel: string): number | null;
  /** The SHA-256 of a file written (or kept) so far, or null when there is none at `rel`. */
  sha256(rel: string): string | null;
  /** Each file's fate, by path. */
  fates(): ReadonlyMap<string, FileFate>;
}

export interface OutputOptions {
  /** Hash of the code that makes the output (its manifest records it, and so does the cache's copy);
   *  a previous output made by other code is not reused. */
  codeVersion?: string;
  /** A folder kept between builds (CI: actions/cache) holding the last output's keyed files. */
  cacheDir?: string;
  /** Other outputs whose keyed files may be reused (merge: the shards' outputs). */
  sources?: readonly string[];
  /** One line per ignored previous output or entry. */
  warn?: (line: string) => void;
  /** Where the stats of the output's files are recorded (output-stat.ts), outside the output. */
  statFile?: string;
  /** The output's stats (and its cache copy's), taken while the build checked its data. */
  snapshot?: Promise<StatSnapshot | null> | null;
}


type RecordFile = (rel: string, sum: string, key: string | undefined, reused: boolean, input?: string) => string;

/** The writer's `reuse`: links the files at `paths` made from `key` from a previous output into the
 *  stage when every one of them is there intact, and records them (and, for a hard link, its stat in
 *  `linked`: a link shares its source's size, mtime, inode and device). A file of the target itself,
 *  at the same path, is kept where it is: recorded in `inPlace` (and its stat in `linked`), nothing
 *  written. */
function reuser(stage: string, target: string, previous: readonly PreviousOutput[], warn: (line: string) => void, record: RecordFile, linked: Map<string, string>, inPlace: Set<string>) {
  // A file found broken by `reuseByInput` is looked at again by `cached`: one warning is enough.
  const warned = new Set<string>();
  const warnOnce = (line: string) => void (warned.has(line) || (warned.add(line), warn(line)));
  return (key: string, paths: readonly string[], input?: string): string[] | null => {
    const old: NonNullable<ReturnType<typeof reusableFile>>[] = [];
    for (const rel of paths) {
      const file = reusableFile(previous, rel, key, warnOnce);
      if (!file) return null;
      old.push(file);
    }
    return paths.map((rel, i) => {
      const file = old[i]!;
      if (file.dir === target) {
        inPlace.add(rel);
        linked.set(rel, file.stat);
      } else if (linkOrCopy(file.full, join(stage, rel))) linked.set(rel, file.stat);
      return record(rel, file.sha256, key, true, input);
    });
  };
}

/** A file's size: its known length, or from its stat ("size:mtimeNs:ino:dev"), known or asked of
 *  the file at `full` (null: no such file). */
function knownSize(known: number | string | undefined, full: string | null): number | null {
  if (typeof known === "number") return known;
  const stat = known ?? (full === null ? null : statOf(full));
  return stat === null ? null : Number(stat.slice(0, stat.indexOf(":")));
}

/** A text encoded once, to be hashed and written as bytes (hashed and written as a text, it would
 *  be encoded twice). */
const encoded = (contents: string | Uint8Array): Uint8Array => (typeof contents === "string" ? Buffer.from(contents, "utf8") : contents);

/** Writes a new file at `full`, never through a hard link: a reused file in the stage shares its
 *  bytes with the live output and the cache (a second write is a bug, refused by the writer's
 *  `record`, but must not alter them first). */
function putFile(full: string, contents: Uint8Array): void {
  mkdirSync(dirname(full), { recursive: true });
  rmSync(full, { force: true });
  writeFileSync(full, contents);
}

/** Each file written so far, its fate against the previous output `before`, and `record`, which
 *  adds one (a path written twice is a bug). */
function recorder(before: PreviousOutput | null) {
  const written = new Map<string, FileEntry>();
  const fate = new Map<string, FileFate>();
  const record: RecordFile = (rel, sum, key, reused, input) => {
    if (written.has(rel)) throw new Error(`output written twice: ${rel}`);
    written.set(rel, { path: rel, sha256: sum, ...(key === undefined ? {} : { key }), ...(input === undefined ? {} : { input }) });
    const old = before?.files.get(rel)?.sha256;
    fate.set(rel, reused ? "reused" : old === undefined ? "new" : old === sum ? "unchanged" : "changed");
    return sum;
  };
  return { written, fate, record };
}

/** The writer into `stage`, beside `target`; `linked` receives the stat of every file hard-linked from
 *  a previous output or kept in the target, `inPlace` the paths of the latter. */
function createWriter(stage: string, target: string, before: PreviousOutput | null, previous: PreviousOutput[], warn: (line: string) => void, linked: Map<string, string>, inPlace: Set<string>, manifest: { byLines: boolean }): OutputWriter {
  const { written, fate, record } = recorder(before);
  const kept: string[] = [];
  const sizes = new Map<string, number>();
  const put = (rel: string, contents: Uint8Array) => {
    sizes.set(rel, contents.byteLength);
    putFile(join(stage, rel), contents);
  };
  const reuse = reuser(stage, target, previous, warn, record, linked, inPlace);
  return {
    root: stage,
    source: (rel) => join(inPlace.has(rel) ? target : stage, rel),
    write(rel, contents, key) {
      if (rel === MANIFEST) manifest.byLines = false;
      const bytes = encoded(contents);
      const sum = record(rel, sha256(bytes), key, false);
      put(rel, bytes);
      return sum;
    },
    writeManifest(value) {
      const sum = this.write(MANIFEST, manifestBytes(value, before?.lines));
      manifest.byLines = true;
      return sum;
    },
    adopt(rel, key) {
      const dir = join(stage, rel);
      if (!existsSync(dir)) return;
      for (const full of filesUnder(dir).sort()) record(relative(stage, full).split("\\").join("/"), sha256(readFileSync(full)), key, false);
    },
    recorded: (key) => recordedPaths(previous, key),
    reuse,
    async cached(key, paths, render, input) {
      const reused = reuse(key, paths, input);
      if (reused) return reused;
      const contents = await render();
      return paths.map((rel, i) => {
        const bytes = encoded(contents[i]!);
        put(rel, bytes);
        return record(rel, sha256(bytes), key, false, input);
      });
    },
    reuseByInput(input, paths) {
      const key = keyByInput(previous, input, paths);
      const sums = key === null ? null : reuse(key, paths, input);
      if (key === null || sums === null) return null;
      kept.push(...paths);
      return { key, sums };
    },
    keptByInput: () => [...kept].sort(),
    files: () => [...written.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    sha256: (rel) => written.get(rel)?.sha256 ?? null,
    size: (rel) => knownSize(sizes.get(rel) ?? linked.get(rel), written.has(rel) ? join(stage, rel) : null),
    fates: () => fate,
  };
}

/** Removes a folder already moved out of the way (a replaced output) in a detached process, so that
 *  the build does not wait for thousands of files to be unlinked; in this process if none starts. */
function removeLater(dir: string): void {
  const now = () => rmSync(dir, { recursive: true, force: true });
  try {
    const child = spawn(process.execPath, ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", dir], { detached: true, stdio: "ignore" });
    child.on("error", now);
    child.unref();
  } catch {
    now();
  }
}

export async function withStagedOutput<T>(outDir: string, build: (w: OutputWriter) => Promise<T>, opts: OutputOptions = {}): Promise<T> {
  const target = resolve(outDir);
  const snap = (await opts.snapshot) ?? null;
  mkdirSync(dirname(target), { recursive: true });
  const stage = mkdtempSync(join(dirname(target), `.${basename(target)}-build-`));
  const warn = opts.warn ?? (() => {});
  const cacheCopy = opts.cacheDir ? resolve(opts.cacheDir, CACHE_SUBDIR) : null;
  const sources = [target, ...(cacheCopy ? [cacheCopy] : []), ...(opts.sources ?? []).map((d) => resolve(d))];
  const before = readPrevious(target, opts.codeVersion, warn, opts.statFile, snap);
  const previous = [before, ...sources.slice(1).map((dir) => (dir === cacheCopy ? readCacheCopy(dir, before, opts.codeVersion, warn) : readPrevious(dir, opts.codeVersion, warn)))];
  const linked = new Map<string, string>();
  const inPlace = new Set<string>();
  // Whether manifest.json was written by writeManifest (its lines may be written again as they are).
  const manifestBy = { byLines: false };
  const writer = createWriter(stage, target, previous[0] ?? null, previous.filter((p): p is PreviousOutput => p?.trusted === true), warn, linked, inPlace, manifestBy);
  try {
    const result = await build(writer);
    const files = writer.files();
    const written = files.map((f) => f.path).filter((rel) => !inPlace.has(rel));
    // Half or more of the target's files and of the new output's kept where they are: the rest is
    // moved in. Else (or when the target cannot be updated in place) the stage gets the kept files
    // too, and replaces the target.
    const most = inPlace.size > 0 && inPlace.size * 2 >= Math.max(files.length, previous[0]?.files.size ?? 0);
    const dead = most ? inPlacePlan(stage, target, written, inPlace, before) : null;
    if (!dead) for (const rel of inPlace) if (!linkOrCopy(join(target, rel), join(stage, rel))) linked.delete(rel);
    // A hard-linked or kept file has its stat known; only the files written by this build are asked.
    const stats = new Map<string, string>();
    for (const f of files) {
      const stat = linked.get(f.path) ?? statOf(join(stage, f.path));
      if (stat !== null) stats.set(f.path, stat);
    }
    const old = !dead && existsSync(target) ? `${stage}-old` : null;
    if (dead) commitInPlace(stage, target, written, dead);
    else {
      if (old) renameSync(target, old);
      renameSync(stage, target);
    }
    if (old) removeLater(old);
    // A file kept where it is, whose stat and cache copy the snapshot found as recorded: that copy is still its hard link.
    const sameCopy = snap && before?.changed ? (path: string) => inPlace.has(path) && linked.has(path) && before.stats.has(path) && !snap.changed.has(path) && !snap.cacheDiffers.has(path) : undefined;
    const manifest = files.find((f) => f.path === MANIFEST);
    const cached = opts.cacheDir && manifest ? refreshCache(warn, opts.cacheDir, target, files, opts.codeVersion, (path) => stats.get(path) ?? statOf(join(target, path)), previous[1], sameCopy, before?.lines) : null;
    if (manifest) writeStats(opts.statFile, target, manifest.sha256, stats, cached, manifestBy.byLines);
    return result;
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    throw err;
  }
}
