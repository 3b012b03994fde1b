// The --cache folder's copy of the last output (DIR/output): its keyed files, hard-linked where the
// file system allows, and its manifest, which a later build (or a fresh output folder) reuses files
// from (output-dir.ts). Refreshed after each build, and after a rebuild that stopped early.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { MANIFEST, linkOrCopy, sha256, type FileEntry, type PreviousOutput } from "./previous-output.js";
import { readStats, statOf } from "./output-stat.js";
import { writeFileAtomic } from "../files/write-atomic.js";
import { manifestBytes, type ManifestLines } from "./manifest-text.js";

export const CACHE_SUBDIR = "output";

/** The --cache folder's copy refreshed once the output is in place: a failure there (a full disk,
 *  no permission) costs a later build time, not this build, whose output stands: one warning, and
 *  the copy's manifest removed so that the copy is not used. Returns the SHA-256 of the manifest
 *  the copy was given, or null. */
export function refreshCache(warn: (line: string) => void, ...args: Parameters<typeof refreshCacheOrThrow>): string | null {
  try {
    return refreshCacheOrThrow(...args);
  } catch (err) {
    rmSync(join(resolve(args[0], CACHE_SUBDIR), MANIFEST), { force: true });
    warn(`Không cập nhật được bản lưu của đầu ra trong ${args[0]} (${err instanceof Error ? err.message : String(err)}); đầu ra đã dựng vẫn dùng được, lần dựng sau sẽ không dùng bản lưu này.`);
    return null;
  }
}

/** Keeps the last output's keyed files in DIR/output (hard links where the file system allows),
 *  with its manifest. The folder is brought up to date in place: a file the cache's manifest records
 *  with the same SHA-256 and key that is already the output's file (the same stat: a hard link of
 *  it) stays; any other is linked again, and files no longer in the output are removed. The manifest
 *  is removed first and written last, so an interrupted refresh leaves a cache without manifest,
 *  which is not used. `code`: the code version the output's manifest records (the copy's manifest
 *  records it too). `statOfTarget`: the stat of an output file, when known without asking; `read`:
 *  the cache's manifest as the build read it (undefined: read here); `sameCopy`: whether the copy
 *  of a file is known to be a hard link of the output's (stat-snapshot.ts), so not asked again; `lines`:
 *  the output's previous manifest's, for the items that did not change (manifest-text.ts). */
function refreshCacheOrThrow(cacheDir: string, target: string, files: readonly FileEntry[], code: string | undefined, statOfTarget: (path: string) => string | null, read?: PreviousOutput | null, sameCopy?: (path: string) => boolean, lines?: ManifestLines | null): string {
  const dest = resolve(cacheDir, CACHE_SUBDIR);
  const kept = files.filter((f) => f.key !== undefined);
  // Its keyed files only: a copy known to list the previous output's keyed files is read as that
  // output's list, which holds the others too (previous-output.ts, readCacheCopy).
  const before = read === undefined ? cachedFiles(dest) : read && new Map([...read.files].filter(([path, f]) => path !== MANIFEST && f.key !== undefined));
  if (before === null) {
    if (existsSync(dest)) rmSync(dest, { recursive: true, force: true });
  } else rmSync(join(dest, MANIFEST), { force: true });
  mkdirSync(dest, { recursive: true });
  for (const f of kept) {
    const old = before?.get(f.path);
    if (old?.sha256 === f.sha256 && old.key === f.key && sameCopy?.(f.path)) continue;
    const full = join(dest, f.path);
    if (old?.sha256 === f.sha256 && old.key === f.key) {
      const stat = statOf(full);
      if (stat !== null && stat === statOfTarget(f.path)) continue;
    }
    rmSync(full, { force: true }); // never written through: it may be a hard link of another file
    linkOrCopy(join(target, f.path), full);
  }
  const now = new Set(kept.map((f) => f.path));
  // Paths read from the cache's manifest: only those inside the folder are removed.
  for (const path of before?.keys() ?? []) if (!now.has(path) && !path.split("/").includes("..") && !isAbsolute(path)) rmSync(join(dest, path), { force: true });
  const manifest = manifestBytes({ code, files: kept }, lines);
  writeFileAtomic(join(dest, MANIFEST), manifest);
  return sha256(manifest);
}

/** The files the --cache folder's copy of the output records, by path; null when it has no readable
 *  manifest (then the folder is made again from nothing). */
function cachedFiles(dest: string): Map<string, FileEntry> | null {
  try {
    const m = JSON.parse(readFileSync(join(dest, MANIFEST), "utf8")) as { files?: unknown };
    if (!Array.isArray(m?.files)) return null;
    const files = new Map<string, FileEntry>();
    for (const f of m.files as FileEntry[]) if (typeof f?.path === "string" && typeof f.sha256 === "string") files.set(f.path, f);
    return files;
  } catch {
    return null;
  }
}

/** Keeps the keyed files of the intact output in `dir` in the --cache folder (see refreshCache).
 *  The output's files have the stats `statFile` recorded (intactOutput checked them), or are asked. */
export function keepInCache(cacheDir: string, dir: string, manifest: { code?: string; files: readonly FileEntry[] }, warn: (line: string) => void, statFile?: string): void {
  const target = resolve(dir);
  const recorded = readStats(statFile, target, sha256(readFileSync(join(dir, MANIFEST))));
  refreshCache(warn, cacheDir, target, manifest.files, manifest.code, (path) => recorded.get(path) ?? statOf(join(target, path)));
}
