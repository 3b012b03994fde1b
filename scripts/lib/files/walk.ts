// The one recursive walk of a folder and the one digest of files and folders, knowing nothing of
// the project: the data reader, the parse cache, the code version and the output writer use them.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface WalkOptions {
  /** Leave out hidden files (".DS_Store") and everything in hidden folders (".git"). */
  skipHidden?: boolean;
}

/** Every file under `dir` (none when it does not exist), in the order of a walk visiting each
 *  folder's entries by name. */
export function filesUnder(dir: string, opts: WalkOptions = {}): string[] {
  if (!existsSync(dir)) return [];
  const segments = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep))
    .filter((parts) => !opts.skipHidden || !parts.some((p) => p.startsWith(".")));
  const bySegments = (a: string[], b: string[]) => {
    const k = a.findIndex((p, i) => p !== b[i]);
    return a[k]! < b[k]! ? -1 : 1;
  };
  return segments.sort(bySegments).map((parts) => join(dir, ...parts));
}

/**
 * SHA-256 of `paths` (files, and folders with every file under them; missing ones left out), each
 * file as its path relative to `base` and its bytes, then of `extra` texts. A change to any file,
 * its name or place, changes the digest.
 */
export function treeDigest(base: string, paths: readonly string[], extra: readonly string[] = []): string {
  const h = createHash("sha256");
  const files = paths.flatMap((p) => (!existsSync(p) ? [] : statSync(p).isDirectory() ? filesUnder(p) : [p]));
  for (const f of files) h.update(relative(base, f).split(sep).join("/")).update("\0").update(readFileSync(f)).update("\0");
  for (const e of extra) h.update(e).update("\0");
  return h.digest("hex");
}
