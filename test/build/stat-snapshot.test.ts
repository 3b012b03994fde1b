// The snapshot of a previous output's stats, taken on another thread while a rebuild checks its
// data: it reports exactly the recorded files whose stat changed (edited in place, replaced,
// removed) and the cache copies that are no longer the output's file; a rebuild given it keeps,
// renders and refreshes exactly what it would without it.
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST, sha256, withStagedOutput, type FileFate } from "../../scripts/lib/write/output-dir.js";
import { statOf, writeStats } from "../../scripts/lib/write/output-stat.js";
import { OutputChanged, holds, linkOrCopy, readPrevious } from "../../scripts/lib/write/previous-output.js";
import { statSnapshot } from "../../scripts/lib/write/stat-snapshot.js";

/** An output of `names` (each holding its name), hard-linked into a cache copy, with their stats recorded. */
function recorded(names: string[]) {
  const root = mkdtempSync(join(tmpdir(), "snapshot-"));
  const [out, cache, record] = [join(root, "out"), join(root, "cache"), join(root, "output-stat.json")];
  for (const n of names) {
    mkdirSync(join(out, n, ".."), { recursive: true });
    mkdirSync(join(cache, n, ".."), { recursive: true });
    writeFileSync(join(out, n), n);
    linkSync(join(out, n), join(cache, n));
  }
  writeStats(record, out, "m1", new Map(names.map((n) => [n, statOf(join(out, n))!])));
  return { out, cache, record };
}

describe("statSnapshot", () => {
  it("reports the files edited in place, replaced or removed, and the cache copies that are not the output's file", async () => {
    const { out, cache, record } = recorded(["a.txt", "d/b.txt", "d/c.txt", "e.txt", "f.txt"]);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(out, "a.txt"), later, later); // same bytes and inode, another mtime
    rmSync(join(out, "d/b.txt"));
    writeFileSync(join(out, "d/b.txt"), "d/b.txt"); // another inode
    rmSync(join(out, "e.txt"));
    rmSync(join(cache, "f.txt"));
    writeFileSync(join(cache, "f.txt"), "f.txt"); // a copy, not a link
    const snap = await statSnapshot(out, record, cache).result;
    expect(snap?.manifest).toBe("m1");
    expect([...snap!.changed].sort()).toEqual([
      ["a.txt", statOf(join(out, "a.txt"))],
      ["d/b.txt", statOf(join(out, "d/b.txt"))],
      ["e.txt", null],
    ]);
    // a.txt's copy is still its hard link: a link shares the new mtime
    expect([...snap!.cacheDiffers].sort()).toEqual(["d/b.txt", "e.txt", "f.txt"]);
    expect((await statSnapshot(out, record, null).result)?.cacheDiffers.size).toBe(0);
  });

  it("gives nothing for a record of another output folder, or no record", async () => {
    const { out, cache, record } = recorded(["a.txt"]);
    expect(await statSnapshot(cache, record, null).result).toBeNull();
    expect(await statSnapshot(out, `${record}.none`, cache).result).toBeNull();
  });

  it("answers null once cancelled (a build whose check failed does not wait for it)", async () => {
    const { out, cache, record } = recorded(["a.txt"]);
    const task = statSnapshot(out, record, cache);
    task.cancel();
    expect(await task.result).toBeNull();
  });
});

describe("withStagedOutput given the snapshot", () => {
  /** One build of keyed files (path → text, keyed by its text) with a cache folder and a stat record, with or without a snapshot. */
  async function build(out: string, cacheDir: string, texts: Record<string, string>, snapshot: boolean) {
    const statFile = join(cacheDir, "output-stat.json");
    let rendered = 0;
    const fates = await withStagedOutput(
      out,
      async (w) => {
        for (const [path, text] of Object.entries(texts)) await w.cached(`k-${text}`, [path], async () => (rendered++, [text]));
        w.write(MANIFEST, JSON.stringify({ code: "c1", files: w.files() }));
        return new Map<string, FileFate>(w.fates());
      },
      { codeVersion: "c1", cacheDir, statFile, snapshot: snapshot ? statSnapshot(out, statFile, join(cacheDir, "output")).result : null },
    );
    return { fates, rendered };
  }

  it("keeps, renders and refreshes the cache exactly as without it", async () => {
    const outcome = async (snapshot: boolean) => {
      const root = mkdtempSync(join(tmpdir(), "snapshot-build-"));
      const [out, cache] = [join(root, "out"), join(root, "cache")];
      const texts = { "a.txt": "one", "b.txt": "two", "c.txt": "three", "d.txt": "four" };
      await build(out, cache, texts, snapshot);
      // Between the builds: a.txt edited in place (same size, another mtime), b.txt's cache copy replaced by a copy.
      writeFileSync(join(out, "a.txt"), "ONE");
      rmSync(join(cache, "output/b.txt"));
      writeFileSync(join(cache, "output/b.txt"), "two");
      const second = await build(out, cache, { ...texts, "d.txt": "FOUR" }, snapshot);
      const ino = (p: string) => statSync(p).ino;
      return {
        ...second,
        files: Object.fromEntries(Object.keys(texts).map((n) => [n, readFileSync(join(out, n), "utf8")])),
        cacheIsLink: Object.fromEntries(Object.keys(texts).map((n) => [n, ino(join(out, n)) === ino(join(cache, "output", n))])),
        manifest: sha256(readFileSync(join(out, MANIFEST))),
      };
    };
    const [without, given] = [await outcome(false), await outcome(true)];
    expect(given).toEqual(without);
    expect(given.rendered).toBe(2); // a.txt (its bytes no longer hold) and d.txt (a new key)
    expect(given.files["a.txt"]).toBe("one");
    expect(given.cacheIsLink).toEqual({ "a.txt": true, "b.txt": true, "c.txt": true, "d.txt": true });
  });
});

describe("the update in place given the snapshot's listing", () => {
  // Most kept where they are (the rest is moved in: in-place.ts).
  const texts = { "a.txt": "one", "d/b.txt": "two", "d/c.txt": "three", "e.txt": "four", "f.txt": "five", "g.txt": "six", "h.txt": "seven" };
  async function rebuild(out: string, cacheDir: string, snapshot: Promise<Awaited<ReturnType<typeof statSnapshot>["result"]>> | null) {
    await withStagedOutput(
      out,
      async (w) => {
        for (const [path, text] of Object.entries({ ...texts, "e.txt": "FOUR" })) await w.cached(`k-${text}`, [path], async () => [text]);
        w.write(MANIFEST, JSON.stringify({ code: "c1", files: w.files() }));
      },
      { codeVersion: "c1", cacheDir, statFile: join(cacheDir, "output-stat.json"), snapshot },
    );
  }
  async function first() {
    const root = mkdtempSync(join(tmpdir(), "snapshot-listing-"));
    const [out, cache] = [join(root, "out"), join(root, "cache")];
    await withStagedOutput(
      out,
      async (w) => {
        for (const [path, text] of Object.entries(texts)) await w.cached(`k-${text}`, [path], async () => [text]);
        w.write(MANIFEST, JSON.stringify({ code: "c1", files: w.files() }));
      },
      { codeVersion: "c1", cacheDir: cache, statFile: join(cache, "output-stat.json") },
    );
    return { out, cache };
  }
  const tree = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split("\\").join("/")).sort();

  it("removes the files and folders the snapshot found besides the output's, and keeps one added after it", async () => {
    const { out, cache } = await first();
    writeFileSync(join(out, "stray.txt"), "x");
    mkdirSync(join(out, "junk"));
    writeFileSync(join(out, "junk/x.txt"), "x");
    rmSync(join(out, "d/c.txt")); // gone: made again
    const snap = await statSnapshot(out, join(cache, "output-stat.json"), join(cache, "output")).result;
    expect(snap?.listing && { folders: [...snap.listing.folders].sort(), unrecorded: [...snap.listing.unrecorded].sort() }).toEqual({ folders: ["d", "junk"], unrecorded: ["junk/x.txt", "stray.txt"] });
    writeFileSync(join(out, "late.txt"), "x"); // after the snapshot: not seen
    const kept = statSync(join(out, "a.txt")).ino;
    await rebuild(out, cache, Promise.resolve(snap));
    expect(tree(out)).toEqual(["a.txt", "d", "d/b.txt", "d/c.txt", "e.txt", "f.txt", "g.txt", "h.txt", "late.txt", MANIFEST].sort());
    expect(readFileSync(join(out, "e.txt"), "utf8")).toBe("FOUR");
    expect(readFileSync(join(out, "d/c.txt"), "utf8")).toBe("three");
    expect(statSync(join(out, "a.txt")).ino).toBe(kept); // updated in place
    // Without the snapshot the folder is walked at the end: the late file goes too.
    writeFileSync(join(out, "later.txt"), "x");
    await rebuild(out, cache, null);
    expect(tree(out)).toEqual(["a.txt", "d", "d/b.txt", "d/c.txt", "e.txt", "f.txt", "g.txt", "h.txt", MANIFEST].sort());
  });

  it("never removes what a corrupt record names outside the output's files", async () => {
    const { out, cache } = await first();
    const statFile = join(cache, "output-stat.json");
    const record = JSON.parse(readFileSync(statFile, "utf8")) as { files: string[] };
    writeFileSync(join(out, "..", "outside.txt"), "x");
    record.files.push("", "1:2:3:4", "../outside.txt", "1:2:3:4", ".", "1:2:3:4", "d/../a.txt", "1:2:3:4");
    writeFileSync(statFile, JSON.stringify(record));
    const snap = await statSnapshot(out, statFile, join(cache, "output")).result;
    await rebuild(out, cache, Promise.resolve(snap));
    expect(tree(out)).toEqual(["a.txt", "d", "d/b.txt", "d/c.txt", "e.txt", "f.txt", "g.txt", "h.txt", MANIFEST].sort());
    expect(readFileSync(join(out, "..", "outside.txt"), "utf8")).toBe("x");
  });

  it("replaces an output holding a link instead of updating it in place", async () => {
    const { out, cache } = await first();
    symlinkSync(join(out, "a.txt"), join(out, "link.txt"));
    const snap = await statSnapshot(out, join(cache, "output-stat.json"), join(cache, "output")).result;
    expect(snap?.listing).toBeNull();
    await rebuild(out, cache, Promise.resolve(snap));
    expect(tree(out)).toEqual(["a.txt", "d", "d/b.txt", "d/c.txt", "e.txt", "f.txt", "g.txt", "h.txt", MANIFEST].sort());
  });
});

describe("readPrevious given the snapshot", () => {
  /** An output whose manifest's stat is recorded with the manifest's SHA-256, as a build leaves it. */
  function built() {
    const root = mkdtempSync(join(tmpdir(), "snapshot-read-"));
    const [out, record] = [join(root, "out"), join(root, "output-stat.json")];
    mkdirSync(out);
    writeFileSync(join(out, "a.txt"), "a");
    const manifest = JSON.stringify({ code: "c1", files: [{ path: "a.txt", sha256: sha256("a"), key: "k" }] });
    writeFileSync(join(out, MANIFEST), manifest);
    writeStats(record, out, sha256(manifest), new Map([["a.txt", statOf(join(out, "a.txt"))!]]));
    return { out, record };
  }

  it("uses the snapshot of its own output: a file it found unchanged is not asked again", async () => {
    const { out, record } = built();
    const snap = await statSnapshot(out, record, null).result;
    rmSync(join(out, "a.txt")); // after the snapshot: trusted as the snapshot saw it
    const previous = readPrevious(out, "c1", () => {}, record, snap);
    expect(previous?.changed).toBe(snap?.changed);
    expect(previous && holds(previous, "a.txt", join(out, "a.txt"), sha256("a")).state).toBe("yes");
  });

  it("ignores a snapshot of another manifest: every file is asked", async () => {
    const { out, record } = built();
    const snap = await statSnapshot(out, record, null).result;
    const other = { ...snap!, manifest: sha256("another manifest") };
    rmSync(join(out, "a.txt"));
    const previous = readPrevious(out, "c1", () => {}, record, other);
    expect(previous?.changed).toBeUndefined();
    expect(previous && holds(previous, "a.txt", join(out, "a.txt"), sha256("a")).state).toBe("missing");
  });
});

describe("linkOrCopy", () => {
  it("stops the build with a message when the file to keep was removed meanwhile", () => {
    const root = mkdtempSync(join(tmpdir(), "snapshot-gone-"));
    const gone = join(root, "out", "a.txt");
    expect(() => linkOrCopy(gone, join(root, "stage", "a.txt"))).toThrow(OutputChanged);
    expect(() => linkOrCopy(gone, join(root, "stage", "a.txt"))).toThrow(/a\.txt: tệp đã bị xóa trong khi lệnh đang chạy .* Hãy chạy lại lệnh\./);
  });
});
