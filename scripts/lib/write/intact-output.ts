// Whether a previous output is exactly what a build of the same inputs would make (the early stop,
// up-to-date.ts): its manifest's code version and inputs digest, and every file it lists there with
// its recorded SHA-256 (trusted by stat where recorded: output-stat.ts), and no other file.
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { filesUnder } from "../files/walk.js";
import { MANIFEST, holds, sha256, type FileEntry } from "./previous-output.js";
import { readStats } from "./output-stat.js";

/** The manifest of the output in `dir` when it was made by `codeVersion` from inputs whose digest is
 *  `inputs`, and every file it lists is there with its recorded SHA-256, and no other: the output a
 *  build of the same inputs would make, so that build can stop early. Otherwise null (with a warning
 *  when an output of the same inputs is no longer intact). */
export function intactOutput<M extends { files: FileEntry[] }>(dir: string, codeVersion: string, inputs: string, warn: (line: string) => void, statFile?: string): M | null {
  const path = join(dir, MANIFEST);
  const head = manifestHead(path);
  if (head && (head.code !== codeVersion || head.inputs !== inputs)) return null;
  let manifest: { code?: unknown; inputs?: unknown; files?: unknown };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
    manifest = JSON.parse(bytes.toString("utf8")) as typeof manifest;
  } catch {
    return null; // none, or unreadable: the writer warns about the latter
  }
  if (manifest?.code !== codeVersion || manifest.inputs !== inputs || !Array.isArray(manifest.files)) return null;
  const files = manifest.files as FileEntry[];
  const listed = new Set([MANIFEST, ...files.map((f) => f?.path)]);
  const present = existsSync(dir) ? filesUnder(dir).map((f) => relative(dir, f).split("\\").join("/")) : [];
  const extra = present.find((p) => !listed.has(p));
  const stats = readStats(statFile, resolve(dir), sha256(bytes));
  const broken = extra === undefined ? files.find((f) => typeof f.sha256 !== "string" || holds({ stats }, f.path, join(dir, f.path), f.sha256).state !== "yes")?.path : undefined;
  const bad = extra ?? broken;
  if (bad === undefined && present.length === listed.size) return manifest as M;
  warn(`Kết quả cũ ${dir} không còn nguyên vẹn (${bad ?? "thiếu tệp"}: ${extra !== undefined ? "tệp lạ không có trong manifest.json" : "nội dung không khớp SHA-256 đã ghi hoặc tệp không còn"}); dựng lại.`);
  return null;
}

/** The code version and inputs digest at the head of a manifest as the build writes it (its first
 *  two keys), read from its first bytes: a rebuild after an edit learns that the output is not
 *  its own without reading and parsing the whole manifest (a nation's is ≈ 42 MB, parsed once more
 *  by the writer). Null when the head is not as written (unreadable, or written otherwise): then
 *  the whole manifest is read. */
export function manifestHead(path: string): { code: string; inputs: string } | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buf = Buffer.alloc(512);
    const head = buf.toString("utf8", 0, readSync(fd, buf, 0, buf.length, 0));
    const m = /^\{\n {2}"code": "([0-9a-f]+)",\n {2}"inputs": "([0-9a-f]+)",\n/.exec(head);
    return m ? { code: m[1]!, inputs: m[2]! } : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
