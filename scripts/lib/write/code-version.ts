// The version of the code that makes the output, part of every content address: the lockfile (the
// libraries, docx included), scripts/, the client sources of site/ and the templates. Any change
// to them makes every key new, so nothing made by other code is reused.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../../../", import.meta.url)));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function codeVersion(templateDir: string, root = REPO_ROOT): string {
  const h = createHash("sha256");
  const dirs = [join(root, "scripts"), join(root, "site"), resolve(templateDir)];
  for (const f of [join(root, "package-lock.json"), ...dirs.flatMap(filesUnder)]) {
    if (!existsSync(f)) continue;
    h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  return h.digest("hex");
}

/** A content address: the code version and the inputs' canonical text, hashed. */
export function contentKey(code: string, ...inputs: string[]): string {
  const h = createHash("sha256").update(code);
  for (const i of inputs) h.update("\0").update(i);
  return h.digest("hex");
}

/** A digest of every file under `dir` (its path relative to `dir` and its bytes), in path order. */
export function folderDigest(dir: string): string {
  const h = createHash("sha256");
  for (const f of filesUnder(resolve(dir))) h.update(relative(dir, f).split("\\").join("/")).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}
