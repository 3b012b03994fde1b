// The one recursive walk of a folder and the one digest of files and folders, knowing nothing of
// the project: the data reader, the parse cache, the code version and the output writer use them.
//
// A build asks for the same digests several times (the code version before the pipeline loads and
// in it, the data folder for the early stop and the input keys, the parse cache's context), so each
// file's digest is kept for the life of the process while its stat (size, mtime and ctime in ns,
// inode, device) stays as it was: a file written, replaced or renamed over is read again. A file
// modified within the last seconds is never kept (its timestamps may not have moved yet at the file
// system's clock resolution), so a rewrite right after a digest is always seen. With a store
// (keepDigestsIn: the code version's, under the project's .cache/), the digests of settled files
// are also kept between processes, checked the same way: a rebuild reads only the files it edited.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, type BigIntStats } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { writeFileAtomic } from "./write-atomic.js";

export interface WalkOptions {
  /** Leave out hidden files (".DS_Store") and everything in hidden folders (".git"). */
  skipHidden?: boolean;
}

/** Every file under `dir` (none when it does not exist), in the order of a walk visiting each
 *  folder's entries by name. */
export function filesUnder(dir: string, opts: WalkOptions = {}): string[] {
  if (!existsSync(dir)) return [];
  // Listed from the absolute folder, each entry's folder is that path or below it: its path
  // relative to the folder is a slice (path.relative resolves both sides, for every file).
  const base = resolve(dir);
  const prefix = base.endsWith(sep) ? base : base + sep;
  const segments = readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => (e.parentPath === base ? [e.name] : [...e.parentPath.slice(prefix.length).split(sep), e.name]))
    .filter((parts) => !opts.skipHidden || !parts.some((p) => p.startsWith(".")));
  const bySegments = (a: string[], b: string[]) => {
    const k = a.findIndex((p, i) => p !== b[i]);
    return a[k]! < b[k]! ? -1 : 1;
  };
  return segments.sort(bySegments).map((parts) => join(dir, ...parts));
}

/** Files modified this recently (ms) are not kept: see above. */
const SETTLED_MS = 2000;
const digests = new Map<string, { stat: string; digest: string }>();
/** Where the digests are kept between processes, and whether this process added to them. */
let store: { file: string; dirty: boolean; used: Set<string> } | null = null;

/** Keeps the file digests in `file` between processes (read now; written after each treeDigest
 *  that read a file). An unreadable store is ignored: the files are read. */
export function keepDigestsIn(file: string): void {
  if (store?.file === file) return;
  store = { file, dirty: false, used: new Set() };
  try {
    const kept = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    for (const [path, e] of Object.entries(kept)) {
      if (Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "string" && !digests.has(path)) digests.set(path, { stat: e[0], digest: e[1] });
    }
  } catch {
    // none yet, or unreadable: rebuilt as files are read
  }
}

/** Writes the digests this process used to the store, when it read a file (atomically; a failure
 *  only costs reading the files again). */
function saveDigests(): void {
  if (!store?.dirty) return;
  const kept: Record<string, [string, string]> = {};
  for (const path of [...store.used].sort()) {
    const e = digests.get(path);
    if (e) kept[path] = [e.stat, e.digest];
  }
  try {
    writeFileAtomic(store.file, JSON.stringify(kept));
    store.dirty = false;
  } catch {
    // best effort
  }
}

/** The stat a digest is kept under (size, mtime and ctime in ns, inode, device). */
const statKey = (s: BigIntStats) => `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}:${s.dev}`;

/** The size of the file at `full`, and the SHA-256 of its bytes when this process knows it for the
 *  file's stat as it is now (a digest taken or kept earlier: fileDigest), without reading it. */
export function knownDigest(full: string): { size: number; digest: string | null } {
  const s = statSync(full, { bigint: true });
  const known = digests.get(full);
  if (known?.stat !== statKey(s)) return { size: Number(s.size), digest: null };
  store?.used.add(full);
  return { size: Number(s.size), digest: known.digest };
}

/** The SHA-256 of the bytes of the file at `full`, read once while its stat holds. */
export function fileDigest(full: string): string {
  const s = statSync(full, { bigint: true });
  const stat = statKey(s);
  store?.used.add(full);
  const known = digests.get(full);
  if (known?.stat === stat) return known.digest;
  const digest = createHash("sha256").update(readFileSync(full)).digest("hex");
  // The clock only decides whether to keep the digest, never what it is.
  const settled = Date.now() - SETTLED_MS;
  if (Number(s.mtimeMs) < settled && Number(s.ctimeMs) < settled) {
    digests.set(full, { stat, digest });
    if (store) store.dirty = true;
  } else digests.delete(full);
  return digest;
}

/**
 * SHA-256 of `paths` (files, and folders with every file under them; missing ones left out), each
 * file as its path relative to `base` and the SHA-256 of its bytes (fileDigest), then of `extra`
 * texts. A change to any file, its name or place, changes the digest.
 */
export function treeDigest(base: string, paths: readonly string[], extra: readonly string[] = []): string {
  const h = createHash("sha256");
  const files = paths.flatMap((p) => (!existsSync(p) ? [] : statSync(p).isDirectory() ? filesUnder(p) : [p]));
  for (const f of files) h.update(relative(base, f).split(sep).join("/")).update("\0").update(fileDigest(f)).update("\0");
  for (const e of extra) h.update(e).update("\0");
  saveDigests();
  return h.digest("hex");
}
