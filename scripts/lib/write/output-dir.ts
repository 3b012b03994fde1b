// The only writer of build output: everything goes into a fresh folder beside the target, which
// replaces the target only when the whole build succeeded. A failed build leaves the previous
// output untouched.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export interface OutputWriter {
  /** Absolute path of the staging folder (for tools that write a folder themselves, like Vite). */
  readonly root: string;
  write(rel: string, contents: string | Uint8Array): string;
}

export function sha256(contents: string | Uint8Array): string {
  return createHash("sha256").update(contents).digest("hex");
}

export async function withStagedOutput<T>(outDir: string, build: (w: OutputWriter) => Promise<T>): Promise<T> {
  const target = resolve(outDir);
  mkdirSync(dirname(target), { recursive: true });
  const stage = mkdtempSync(join(dirname(target), `.${basename(target)}-build-`));
  const written = new Set<string>();
  const writer: OutputWriter = {
    root: stage,
    write(rel, contents) {
      if (written.has(rel)) throw new Error(`output written twice: ${rel}`);
      written.add(rel);
      const full = join(stage, rel);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, contents);
      return sha256(contents);
    },
  };
  try {
    const result = await build(writer);
    const old = existsSync(target) ? `${stage}-old` : null;
    if (old) renameSync(target, old);
    renameSync(stage, target);
    if (old) rmSync(old, { recursive: true, force: true });
    return result;
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    throw err;
  }
}
