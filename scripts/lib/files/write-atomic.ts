// One way to replace a file whole: written beside it under a name of this process and thread, then
// renamed over it, so a reader (another build, a worker) sees the old file or the new one, never
// a part; two writers at once each rename a whole file of their own.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { threadId } from "node:worker_threads";

/** Writes `data` to `path` whole (its folder made if needed). Throws as writeFileSync does. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
