// The version of the code that makes the output, part of every content address: the lockfile (the
// libraries, docx included), scripts/, the client sources of site/ and the templates. Any change
// to them makes every key new, so nothing made by other code is reused.
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { keepDigestsIn, treeDigest } from "../files/walk.js";
import { REPO_ROOT } from "../files/repo-root.js";


export function codeVersion(templateDir: string, root = REPO_ROOT): string {
  // The digests of the files read (code, data, schemas) are kept between builds (files/walk.ts).
  keepDigestsIn(join(root, ".cache", "file-digests.json"));
  return treeDigest(root, [join(root, "package-lock.json"), join(root, "scripts"), join(root, "site"), resolve(templateDir)]);
}

/** A content address: the code version and the inputs' canonical text, hashed. */
export function contentKey(code: string, ...inputs: string[]): string {
  const h = createHash("sha256").update(code);
  for (const i of inputs) h.update("\0").update(i);
  return h.digest("hex");
}

/** A digest of every file under `dir` (its path relative to `dir` and its bytes), in path order. */
export function folderDigest(dir: string): string {
  return treeDigest(resolve(dir), [resolve(dir)]);
}
