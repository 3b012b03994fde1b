// The stats of a previous output's files, taken on another thread while the build checks the data.
// A rebuild trusts a kept file's recorded SHA-256 while its stat is the one recorded when it was
// written (output-stat.ts), and keeps the --cache folder's copy of it while that copy is still a hard
// link of it (output-cache.ts): a nation's one edit asks both of 103 818 files, ≈ 1,2 s of its main
// thread. Started before the check, a thread reads the stat record, asks every recorded file's stat
// in the output and in the cache's copy, and reports only what differs: the files whose stat is
// not the one recorded (with the stat now, null when gone), and the cache copies that are not the
// output's file; it also lists the folder (its folders, and its files the record does not list),
// which the update in place would otherwise walk at the end (≈ 0,5 s of a nation's main thread:
// in-place.ts). The answer holds for the output as it was when the thread looked: the build does
// not touch the output before it moves its own files in at the end (a file someone removes from it
// meanwhile is missing from this output, or stops the build with a message; either way the next
// build finds it gone and makes it again; a file someone adds to it meanwhile stays, unlisted, until
// the next build removes it). No answer (no record, a
// record of another output, a thread that failed): the files are asked one by one, as before.
import { Worker } from "node:worker_threads";

export interface StatSnapshot {
  /** The SHA-256 of the manifest the record was made for: the snapshot holds for that output only. */
  manifest: string;
  /** Recorded files whose stat is not the recorded one now: the stat now, or null (no such file). */
  changed: ReadonlyMap<string, string | null>;
  /** Recorded files whose copy in the cache is not the output's file (another stat, or none). */
  cacheDiffers: ReadonlySet<string>;
  /** What else the output folder held (in-place.ts needs it to update the folder in place): its
   *  folders, and its files the record does not list; null when it held an entry that is neither
   *  file nor folder, or could not be listed. */
  listing: OutputListing | null;
}

/** Data-relative paths, "/"-separated. */
export interface OutputListing {
  folders: readonly string[];
  unrecorded: readonly string[];
}

interface Reply {
  manifest: string;
  changed: [string, string | null][];
  cacheDiffers: string[];
  listing: OutputListing | null;
}

/** The thread's program (CommonJS, self-contained): its statOf is output-stat.ts's, whose strings
 *  the record holds (test/build/stat-snapshot.test.ts compares them). */
const PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
const { readdirSync, readFileSync, statSync } = require("node:fs");
const { join, sep } = require("node:path");
function statOf(full) {
  try {
    const s = statSync(full, { bigint: true });
    return s.isFile() ? s.size + ":" + s.mtimeNs + ":" + s.ino + ":" + s.dev : null;
  } catch {
    return null;
  }
}
// The folder's entries as in-place.ts's inPlacePlan walks them (a path relative to the folder is a
// slice of the entry's folder): its folders, its files not in \`recorded\`; null at an entry that is
// neither (a link) or when it cannot be listed.
function listing(recorded) {
  try {
    const folders = [];
    const unrecorded = [];
    const prefix = dir + sep;
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const rel = e.parentPath === dir ? e.name : e.parentPath.slice(prefix.length).split(sep).join("/") + "/" + e.name;
      if (e.isDirectory()) folders.push(rel);
      else if (!e.isFile()) return null;
      else if (!recorded.has(rel)) unrecorded.push(rel);
    }
    return { folders, unrecorded };
  } catch {
    return null;
  }
}
const { record, dir, cache } = workerData;
let reply = null;
try {
  const r = JSON.parse(readFileSync(record, "utf8"));
  if (r && r.dir === dir && typeof r.manifest === "string" && Array.isArray(r.files)) {
    const changed = [];
    const cacheDiffers = [];
    const paths = new Set();
    for (let i = 0; i + 1 < r.files.length; i += 2) {
      const [path, recorded] = [r.files[i], r.files[i + 1]];
      if (typeof path !== "string" || typeof recorded !== "string") continue;
      paths.add(path);
      const now = statOf(join(dir, path));
      if (now !== recorded) changed.push([path, now]);
      if (cache !== null && (now === null || statOf(join(cache, path)) !== now)) cacheDiffers.push(path);
    }
    reply = { manifest: r.manifest, changed, cacheDiffers, listing: listing(paths) };
  }
} catch {}
parentPort.postMessage(reply);
`;

/** A snapshot being taken: `result` resolves with it, or null; `cancel` stops the thread (a build
 *  that ends before it needs the answer): `result` then resolves with null, unless the answer had
 *  already come. */
export interface StatSnapshotTask {
  readonly result: Promise<StatSnapshot | null>;
  cancel(): void;
}

/** Starts taking the snapshot of the output in `dir` (absolute) from the stat record `statFile`,
 *  with the cache's copy in `cacheCopy` (absolute) when there is one. The thread keeps the process
 *  alive until it answers or is cancelled: whoever starts it cancels it when done. */
export function statSnapshot(dir: string, statFile: string, cacheCopy: string | null): StatSnapshotTask {
  let worker: Worker;
  try {
    worker = new Worker(PROGRAM, { eval: true, workerData: { record: statFile, dir, cache: cacheCopy } });
  } catch {
    return { result: Promise.resolve(null), cancel: () => {} };
  }
  const result = new Promise<StatSnapshot | null>((resolve) => {
    worker.once("message", (r: Reply | null) => {
      resolve(r && { manifest: r.manifest, changed: new Map(r.changed), cacheDiffers: new Set(r.cacheDiffers), listing: r.listing });
      void worker.terminate();
    });
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null));
  });
  return { result, cancel: () => void worker.terminate() };
}
