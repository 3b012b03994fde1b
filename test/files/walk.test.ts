import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileDigest, filesUnder, keepDigestsIn, treeDigest } from "../../scripts/lib/files/walk.js";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "walk-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

describe("filesUnder", () => {
  it("visits each folder's entries by name (a/ before a-b/), hidden ones left out on request", () => {
    const dir = tree({ "a-b/x.yaml": "", "a/y.yaml": "", "a/.DS_Store": "", ".git/HEAD": "", "b.yaml": "" });
    const rel = (opts = {}) => filesUnder(dir, opts).map((f) => relative(dir, f).split("\\").join("/"));
    expect(rel({ skipHidden: true })).toEqual(["a/y.yaml", "a-b/x.yaml", "b.yaml"]);
    expect(rel()).toEqual([".git/HEAD", "a/.DS_Store", "a/y.yaml", "a-b/x.yaml", "b.yaml"]);
    expect(filesUnder(join(dir, "missing"))).toEqual([]);
  });
});

describe("treeDigest", () => {
  it("changes with a file's bytes, its name and the extra texts, not with the folder's place", () => {
    const a = tree({ "s/x.ts": "1", "lock.json": "{}" });
    const digest = (dir: string, extra: string[] = []) => treeDigest(dir, [join(dir, "lock.json"), join(dir, "s"), join(dir, "absent")], extra);
    const base = digest(a);
    expect(digest(tree({ "s/x.ts": "1", "lock.json": "{}" }))).toBe(base);
    expect(digest(tree({ "s/x.ts": "2", "lock.json": "{}" }))).not.toBe(base);
    expect(digest(a, ["00123"])).not.toBe(base);
    renameSync(join(a, "s/x.ts"), join(a, "s/y.ts"));
    expect(digest(a)).not.toBe(base);
  });
});

describe("fileDigest (kept for the process while the file's stat holds)", () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");

  it("sees a rewrite of the same size in place, right after a digest and after the file settled", async () => {
    const dir = tree({ "a.yaml": "number: 21" });
    const file = join(dir, "a.yaml");
    expect(fileDigest(file)).toBe(sha("number: 21"));
    writeFileSync(file, "number: 22"); // same size, same inode, maybe the same timestamps
    expect(fileDigest(file)).toBe(sha("number: 22"));
    await new Promise((r) => setTimeout(r, 2100)); // settled: its digest is now kept
    expect(fileDigest(file)).toBe(sha("number: 22"));
    writeFileSync(file, "number: 23");
    expect(fileDigest(file)).toBe(sha("number: 23"));
    renameSync(file, join(dir, "b.yaml"));
    writeFileSync(file, "number: 24"); // another inode at the same path
    expect(fileDigest(file)).toBe(sha("number: 24"));
  });
});

describe("keepDigestsIn (digests kept between processes)", () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");
  const statKey = (file: string) => {
    const s = statSync(file, { bigint: true });
    return `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}:${s.dev}`;
  };

  it("uses a kept digest only while the file's stat is the one kept with it, and records settled files", async () => {
    const dir = tree({ "kept.yaml": "a: 1", "stale.yaml": "b: 1", "settled.yaml": "c: 1" });
    const [kept, stale, settled] = ["kept.yaml", "stale.yaml", "settled.yaml"].map((f) => join(dir, f)) as [string, string, string];
    const store = join(dir, "store", "digests.json");
    await new Promise((r) => setTimeout(r, 2100)); // every file settled
    // As another process left it: one entry still matching its file, one for the file's old state.
    const oldStat = statKey(stale);
    writeFileSync(stale, "b: 2");
    utimesSync(stale, statSync(stale).atime, new Date(Date.now() - 10_000)); // an old mtime: only the ctime moved
    mkdirSync(join(dir, "store"));
    writeFileSync(store, JSON.stringify({ [kept]: [statKey(kept), "digest kept by another process"], [stale]: [oldStat, sha("b: 1")] }));
    keepDigestsIn(store);
    expect(fileDigest(kept)).toBe("digest kept by another process");
    expect(fileDigest(stale)).toBe(sha("b: 2"));
    treeDigest(dir, [settled]); // reads a settled file: the store is written
    const written = JSON.parse(readFileSync(store, "utf8")) as Record<string, [string, string]>;
    expect(written[settled]).toEqual([statKey(settled), sha("c: 1")]);
  });
});
