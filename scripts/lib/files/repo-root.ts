// The project's root folder, found from this module's place: the nearest folder above it that holds
// a package.json. The same from the TypeScript sources (scripts/lib/files/) and from their compiled
// copy (.cache/js/<key>/scripts/lib/files/, see scripts/run.mjs), which holds none of its own, so
// every path to the project's own folders (schemas/, templates/, site/, the lockfile) goes through it.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project: `repoPath("schemas")`. */
export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);
