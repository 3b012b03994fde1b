// Trusting a previous output's file without reading it. When an output is in place, the size,
// modification time (ns), inode and device of each of its files are recorded beside the parse
// cache (not in the output: they differ from machine to machine, and the output must not). A later
// build trusts a file's recorded SHA-256 only while its stat still matches: a file edited in place
// has another mtime, one replaced has another inode, so either is read and hashed again (and, when
// its bytes differ, rebuilt). The record names the output folder and the SHA-256 of its manifest,
// so it is never applied to another output.
import { readFileSync, statSync } from "node:fs";
import { utf8 } from "../files/utf8.js";
import { writeFileAtomic } from "../files/write-atomic.js";

/** "size:mtimeNs:ino:dev" of a file, or null when it cannot be read. */
export function statOf(full: string): string | null {
  try {
    const s = statSync(full, { bigint: true });
    return s.isFile() ? `${s.size}:${s.mtimeNs}:${s.ino}:${s.dev}` : null;
  } catch {
    return null;
  }
}

interface StatRecord {
  dir: string;
  manifest: string;
  /** Each file's path followed by its stat: a list, not an object keyed by path, which JSON.parse
   *  builds three times slower for a nation's 104 000 files (≈ 0,3 s against 0,09 s). */
  files: string[];
  /** The SHA-256 of the manifest the --cache folder's copy of this output was given (output-cache.ts),
   *  when it was refreshed from this output: that copy then lists this output's keyed files. */
  cache?: string;
  /** The manifest was written by manifestBytes (write/manifest-text.ts), so that its lines are
   *  what it writes for their items: a rebuild may write them again as they are. */
  lines?: true;
}

/** What was recorded of the output in `dir` whose manifest has SHA-256 `manifest`: its files' stats
 *  and its cache copy's manifest; nothing when there is no record, or it is unreadable or for
 *  another output. */
export function readRecord(file: string | undefined, dir: string, manifest: string): { stats: ReadonlyMap<string, string>; cache: string | null; lines: boolean } {
  const none = { stats: new Map<string, string>(), cache: null, lines: false };
  if (file === undefined) return none;
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as StatRecord;
    if (r?.dir !== dir || r.manifest !== manifest || !Array.isArray(r.files)) return none;
    const stats = new Map<string, string>();
    const f = r.files;
    for (let i = 0; i + 1 < f.length; i += 2) if (typeof f[i] === "string" && typeof f[i + 1] === "string") stats.set(f[i]!, f[i + 1]!);
    return { stats, cache: typeof r.cache === "string" ? r.cache : null, lines: r.lines === true };
  } catch {
    return none;
  }
}

/** The stats recorded for the output in `dir` whose manifest has SHA-256 `manifest` (readRecord). */
export function readStats(file: string | undefined, dir: string, manifest: string): ReadonlyMap<string, string> {
  return readRecord(file, dir, manifest).stats;
}

/** Records the stats of the output in `dir`, and the SHA-256 of the manifest its cache copy was
 *  given (written atomically; a failure only costs hashing later). */
export function writeStats(file: string | undefined, dir: string, manifest: string, stats: ReadonlyMap<string, string>, cache?: string | null, lines = false): void {
  if (file === undefined) return;
  try {
    const record: StatRecord = { dir, manifest, files: [...stats].flat(), ...(cache ? { cache } : {}), ...(lines ? { lines: true as const } : {}) };
    writeFileAtomic(file, utf8(JSON.stringify(record)));
  } catch {
    // best effort: without a record the next build reads and hashes the files
  }
}
