// A rebuild that kept most of the previous output where it is reaches the output folder by moving
// the files it wrote into it (output-dir.ts decides when): what the folder no longer holds is found
// first, with nothing touched (`inPlacePlan`), then removed and the written files moved in, the
// manifest removed first and written last (`commitInPlace`).
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, sep } from "node:path";
import { MANIFEST, type PreviousOutput } from "./previous-output.js";

/** What the target holds that this build neither kept in place nor wrote: files, and folders
 *  holding none of its files (data-relative paths). Null when the target cannot be updated in
 *  place: a symbolic link, on another device than the stage (a file cannot be renamed across), or
 *  holding an entry that is neither file nor folder (a link: what is kept through it could go with
 *  it). Nothing is changed. The target's entries are those the snapshot of its stats listed, when
 *  `before` (the target as read) has it (stat-snapshot.ts): its folders, its recorded files still
 *  there and the others it found; else the target is walked (a folder before what is in it). */
export function inPlacePlan(stage: string, target: string, written: readonly string[], inPlace: ReadonlySet<string>, before?: Pick<PreviousOutput, "stats" | "changed" | "listing"> | null): string[] | null {
  try {
    const t = lstatSync(target);
    if (!t.isDirectory() || t.dev !== statSync(stage).dev) return null;
  } catch {
    return null;
  }
  const made = new Set(written);
  const folders = new Set<string>();
  for (const rel of [...inPlace, ...written]) {
    for (let i = rel.lastIndexOf("/"); i > 0; i = rel.lastIndexOf("/", i - 1)) {
      const folder = rel.slice(0, i);
      if (folders.has(folder)) break; // and every folder above it
      folders.add(folder);
    }
  }
  const dead: string[] = [];
  const file = (rel: string) => {
    if (!inPlace.has(rel) && !made.has(rel)) dead.push(rel);
  };
  const folder = (rel: string) => {
    if (!folders.has(rel)) dead.push(rel);
  };
  if (before?.changed && before.listing !== undefined) {
    const { changed, listing } = before;
    if (listing === null) return null;
    listing.folders.forEach(folder);
    // The record's paths are what the build wrote; one that is not a plain path inside the folder
    // (a record edited or corrupted) is no file of it, and is never removed.
    for (const rel of before.stats.keys()) if (changed.get(rel) !== null && insideFolder(rel)) file(rel);
    listing.unrecorded.forEach(file);
    return dead;
  }
  // Each entry's folder is the target or below it: its path relative to the target is a slice
  // (path.relative, which resolves both sides, doubled the walk's time on a nation's 104 000 files).
  const prefix = target + sep;
  for (const e of readdirSync(target, { recursive: true, withFileTypes: true })) {
    const rel = e.parentPath === target ? e.name : `${e.parentPath.slice(prefix.length).split(sep).join("/")}/${e.name}`;
    if (e.isDirectory()) folder(rel);
    else if (!e.isFile()) return null;
    else file(rel);
  }
  return dead;
}

/** A "/"-separated relative path naming an entry inside its folder: no empty, "." or ".." part. */
const insideFolder = (rel: string) => !isAbsolute(rel) && !rel.includes("\\") && rel.split("/").every((p) => p !== "" && p !== "." && p !== "..");

/** The output made by moving what this build wrote (`written`, in `stage`) into the target, where
 *  the files it kept are: the target's manifest is removed first (an output interrupted here has
 *  none, so no later build trusts or reuses it), then what `inPlacePlan` found dead, then the
 *  written files are moved in, the manifest last. A rename keeps a file's size, mtime, inode and
 *  device: the stats taken in the stage hold. A failure here leaves the target incomplete, and
 *  says so. */
export function commitInPlace(stage: string, target: string, written: readonly string[], dead: readonly string[]): void {
  try {
    rmSync(join(target, MANIFEST), { force: true });
    for (const rel of dead) rmSync(join(target, rel), { recursive: true, force: true });
    const folders = new Set<string>();
    const move = (rel: string) => {
      const to = join(target, rel);
      if (!folders.has(dirname(to))) {
        mkdirSync(dirname(to), { recursive: true });
        folders.add(dirname(to));
      }
      renameSync(join(stage, rel), to);
    };
    for (const rel of written) if (rel !== MANIFEST) move(rel);
    if (written.includes(MANIFEST)) move(MANIFEST);
  } catch (err) {
    throw new Error(`output ${target} left incomplete, without its manifest, by a failed update in place (the next build makes it again): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  rmSync(stage, { recursive: true, force: true });
}
