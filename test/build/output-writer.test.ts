// The output writer's reuse by content address, on a tiny output: a file is copied from a previous
// output only when that output was made by the same code and recorded the same key for the path,
// and its bytes still have the recorded SHA-256; anything else is rendered, with one warning line.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { MANIFEST, sha256, withStagedOutput, type FileFate } from "../../scripts/lib/write/output-dir.js";
import { manifestBytes } from "../../scripts/lib/write/manifest-text.js";

interface Outcome {
  rendered: number;
  warnings: string[];
  fates: Map<string, FileFate>;
}

/** One build of a single keyed file ("a.txt") and one plain file, with a manifest as the pipeline writes it. */
async function buildOnce(out: string, code: string, key: string, text: string): Promise<Outcome> {
  const warnings: string[] = [];
  let rendered = 0;
  const fates = await withStagedOutput(
    out,
    async (w) => {
      await w.cached(key, ["a.txt"], async () => (rendered++, [text]));
      w.write("page.html", `<p>${text}</p>`);
      w.write(MANIFEST, JSON.stringify({ code, files: w.files() }));
      return new Map(w.fates());
    },
    { codeVersion: code, warn: (l) => warnings.push(l) },
  );
  return { rendered, warnings, fates };
}

describe("withStagedOutput: reuse by key", () => {
  it("copies a file whose key did not change and renders one whose key did", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-"));
    expect((await buildOnce(out, "c1", "k1", "one")).rendered).toBe(1);
    const same = await buildOnce(out, "c1", "k1", "IGNORED");
    expect(same).toMatchObject({ rendered: 0, warnings: [] });
    expect(same.fates.get("a.txt")).toBe("reused");
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("one");
    const next = await buildOnce(out, "c1", "k2", "two");
    expect(next.rendered).toBe(1);
    expect(next.fates.get("a.txt")).toBe("changed");
    expect(next.fates.get("page.html")).toBe("changed");
  });

  it("ignores an output made by other code, with one warning", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-"));
    await buildOnce(out, "c1", "k1", "one");
    const other = await buildOnce(out, "c2", "k1", "one");
    expect(other.rendered).toBe(1);
    expect(other.warnings).toHaveLength(1);
    expect(other.warnings[0]).toContain("phiên bản chương trình khác");
    expect(other.fates.get("a.txt")).toBe("unchanged");
  });

  it("ignores an unreadable manifest, with one warning", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-"));
    await buildOnce(out, "c1", "k1", "one");
    writeFileSync(join(out, MANIFEST), '{"code": "c1", "files": [');
    const again = await buildOnce(out, "c1", "k1", "one");
    expect(again.rendered).toBe(1);
    expect(again.warnings).toEqual([`Bỏ qua kết quả cũ ${join(out, MANIFEST)}: tệp không đọc được (JSON hỏng); dựng lại mọi tệp.`]);
  });

  it("rebuilds a file whose bytes no longer match the recorded SHA-256", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-"));
    await buildOnce(out, "c1", "k1", "one");
    writeFileSync(join(out, "a.txt"), "tampered");
    const again = await buildOnce(out, "c1", "k1", "one");
    expect(again.rendered).toBe(1);
    expect(again.warnings).toHaveLength(1);
    expect(again.warnings[0]).toContain("không khớp SHA-256");
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("one");
  });

  it("links a reused file (same inode) instead of copying it, and removes the replaced output folder", async () => {
    const parent = mkdtempSync(join(tmpdir(), "writer-parent-"));
    const out = join(parent, "out");
    await buildOnce(out, "c1", "k1", "one");
    const inode = statSync(join(out, "a.txt")).ino;
    expect((await buildOnce(out, "c1", "k1", "IGNORED")).fates.get("a.txt")).toBe("reused");
    expect(statSync(join(out, "a.txt")).ino).toBe(inode);
    // The replaced folder is removed by a detached process: wait for it (no timing asserted).
    for (let i = 0; i < 200 && readdirSync(parent).length > 1; i++) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("finds by key the files a tool named itself, and reuses them only when every one is intact", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-"));
    const warnings: string[] = [];
    let runs = 0;
    const once = () =>
      withStagedOutput(
        out,
        async (w) => {
          const old = w.recorded("assets-k");
          const reused = old.length > 0 ? w.reuse("assets-k", old) : null;
          if (!reused) {
            runs++;
            mkdirSync(join(w.root, "static"), { recursive: true });
            writeFileSync(join(w.root, "static/main-1a2b.js"), "js");
            writeFileSync(join(w.root, "static/main-3c4d.css"), "css");
            w.adopt("static", "assets-k");
          }
          w.write(MANIFEST, JSON.stringify({ code: "c1", files: w.files() }));
          return { old, fates: new Map(w.fates()) };
        },
        { codeVersion: "c1", warn: (l) => warnings.push(l) },
      );
    expect((await once()).old).toEqual([]);
    const second = await once();
    expect(second.old).toEqual(["static/main-1a2b.js", "static/main-3c4d.css"]);
    expect(second.fates.get("static/main-1a2b.js")).toBe("reused");
    expect(runs).toBe(1);
    writeFileSync(join(out, "static/main-3c4d.css"), "tampered");
    const third = await once();
    expect(runs).toBe(2);
    expect(third.fates.get("static/main-1a2b.js")).toBe("unchanged");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("static/main-3c4d.css");
    expect(readFileSync(join(out, "static/main-3c4d.css"), "utf8")).toBe("css");
  });
});

describe("withStagedOutput: a rebuild that keeps most files where they are", () => {
  /** Every file under `dir` with its text, by path. */
  const tree = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), "utf8")])
        .sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
  const folders = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  /** One build of the keyed files `texts` (path → text, each keyed by its text); `fail`: throws once they are written. */
  const build = (out: string, texts: Record<string, string>, fail = false) =>
    withStagedOutput(
      out,
      async (w) => {
        for (const [path, text] of Object.entries(texts)) await w.cached(`k-${text}`, [path], async () => [text]);
        if (fail) throw new Error("a bug after the files were written");
        w.write(MANIFEST, JSON.stringify({ code: "c1", files: w.files() }));
        return { fates: new Map(w.fates()), sources: Object.keys(texts).map((p) => w.source(p)) };
      },
      { codeVersion: "c1" },
    );
  const first = { "a/1.txt": "one", "a/2.txt": "two", "b/3.txt": "three", "b/old/4.txt": "four", "c/5.txt": "five", "x.txt": "x" };
  const next = { "a/1.txt": "one", "a/2.txt": "two", "b/3.txt": "three", "c/5.txt": "FIVE", "d/new/6.txt": "six", "x.txt": "x" };

  it("moves in only what it wrote: the kept files stay (same inode), dropped and stray ones go with their emptied folders; the same as a build into an empty folder", async () => {
    const parent = mkdtempSync(join(tmpdir(), "writer-parent-"));
    const out = join(parent, "out");
    await build(out, first);
    writeFileSync(join(out, "a/stray.txt"), "not the build's");
    mkdirSync(join(out, "e/empty"), { recursive: true });
    const inode = statSync(join(out, "a/1.txt")).ino;
    const folder = statSync(out).ino;
    const { fates, sources } = await build(out, next);
    expect(statSync(out).ino).toBe(folder); // updated, not replaced
    expect([fates.get("a/1.txt"), fates.get("c/5.txt"), fates.get("d/new/6.txt")]).toEqual(["reused", "changed", "new"]);
    // A kept file is read where it is, a written one in the stage (before the commit).
    expect(sources[0]).toBe(join(out, "a/1.txt"));
    expect(sources[3]!.startsWith(`${parent}/.out-build-`)).toBe(true);
    expect(statSync(join(out, "a/1.txt")).ino).toBe(inode);
    const cold = join(parent, "cold");
    await build(cold, next);
    expect(tree(out)).toEqual(tree(cold));
    expect(folders(out)).toEqual(folders(cold));
    expect(folders(out)).not.toContain("b/old");
    expect(readdirSync(parent).sort()).toEqual(["cold", "out"]); // no staging folder left
  });

  it("replaces the folder instead when the target holds a symbolic link (what is kept through it could go with it)", async () => {
    const parent = mkdtempSync(join(tmpdir(), "writer-parent-"));
    const out = join(parent, "out");
    await build(out, first);
    symlinkSync(join(out, "a"), join(out, "link"));
    const folder = statSync(out).ino;
    await build(out, next);
    expect(statSync(out).ino).not.toBe(folder);
    const cold = join(parent, "cold");
    await build(cold, next);
    expect(tree(out)).toEqual(tree(cold));
    expect(existsSync(join(out, "link"))).toBe(false);
  });

  it("leaves the output untouched when the build fails", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-"));
    await build(out, first);
    const before = tree(out);
    await expect(build(out, next, true)).rejects.toThrow("a bug");
    expect(tree(out)).toEqual(before);
  });

  it("puts a file where the previous output had a folder of the same name", async () => {
    const parent = mkdtempSync(join(tmpdir(), "writer-parent-"));
    const out = join(parent, "out");
    await build(out, first);
    const { "b/old/4.txt": _, ...rest } = first;
    await build(out, { ...rest, "b/old": "now a file" });
    const cold = join(parent, "cold");
    await build(cold, { ...rest, "b/old": "now a file" });
    expect(tree(out)).toEqual(tree(cold));
  });
});

describe("withStagedOutput: the --cache folder's copy of the output", () => {
  /** One build of the keyed files `texts` (path → text, each keyed by its text) with a cache folder. */
  const build = (out: string, cacheDir: string, texts: Record<string, string>) =>
    withStagedOutput(
      out,
      async (w) => {
        for (const [path, text] of Object.entries(texts)) await w.cached(`k-${text}`, [path], async () => [text]);
        w.write("page.html", "<p>not keyed</p>");
        w.write(MANIFEST, JSON.stringify({ code: "c1", files: w.files() }));
        return new Map(w.fates());
      },
      { codeVersion: "c1", cacheDir },
    );
  const cacheManifest = (cacheDir: string) => (JSON.parse(readFileSync(join(cacheDir, "output", MANIFEST), "utf8")) as { files: { path: string; sha256: string }[] }).files.map((f) => f.path);

  it("is brought up to date in place: unchanged files stay, changed ones are linked again, dropped ones removed", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-out-"));
    const cache = mkdtempSync(join(tmpdir(), "writer-cache-"));
    await build(out, cache, { "a.txt": "one", "b.txt": "two", "c.txt": "three" });
    expect(cacheManifest(cache)).toEqual(["a.txt", "b.txt", "c.txt"]);
    const kept = statSync(join(cache, "output/a.txt")).ino;
    expect(kept).toBe(statSync(join(out, "a.txt")).ino); // a hard link of the output's file
    const fates = await build(out, cache, { "a.txt": "one", "b.txt": "TWO" });
    expect([fates.get("a.txt"), fates.get("b.txt")]).toEqual(["reused", "changed"]);
    expect(cacheManifest(cache)).toEqual(["a.txt", "b.txt"]);
    expect(statSync(join(cache, "output/a.txt")).ino).toBe(kept);
    expect(readFileSync(join(cache, "output/b.txt"), "utf8")).toBe("TWO");
    expect(existsSync(join(cache, "output/c.txt"))).toBe(false);
    expect(existsSync(join(cache, "output/page.html"))).toBe(false); // not keyed: never cached
  });

  it("replaces a cache entry that is no longer the output's file, and fills an empty output from the cache", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-out-"));
    const cache = mkdtempSync(join(tmpdir(), "writer-cache-"));
    await build(out, cache, { "a.txt": "one" });
    rmSync(join(cache, "output/a.txt"));
    writeFileSync(join(cache, "output/a.txt"), "tampered"); // another inode than the output's
    await build(out, cache, { "a.txt": "one" });
    expect(readFileSync(join(cache, "output/a.txt"), "utf8")).toBe("one");
    const fresh = mkdtempSync(join(tmpdir(), "writer-out-"));
    expect((await build(fresh, cache, { "a.txt": "one" })).get("a.txt")).toBe("reused");
  });

  it("that cannot be refreshed costs a warning, not the build: the new output stands, the copy without manifest is not used", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-out-"));
    const cache = mkdtempSync(join(tmpdir(), "writer-cache-"));
    await build(out, cache, { "a.txt": "one" });
    writeFileSync(join(cache, "output/d"), "a file where the copy needs a folder");
    const warnings: string[] = [];
    const fates = await withStagedOutput(
      out,
      async (w) => {
        for (const [path, text] of Object.entries({ "a.txt": "one", "d/x.txt": "x" })) await w.cached(`k-${text}`, [path], async () => [text]);
        w.write(MANIFEST, JSON.stringify({ code: "c1", files: w.files() }));
        return new Map(w.fates());
      },
      { codeVersion: "c1", cacheDir: cache, warn: (l) => warnings.push(l) },
    );
    expect(fates.get("d/x.txt")).toBe("new");
    expect(readFileSync(join(out, "d/x.txt"), "utf8")).toBe("x");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Không cập nhật được bản lưu của đầu ra trong .*đầu ra đã dựng vẫn dùng được/);
    expect(existsSync(join(cache, "output", MANIFEST))).toBe(false);
  });

  it("is made again from nothing when its manifest is missing (an interrupted refresh)", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-out-"));
    const cache = mkdtempSync(join(tmpdir(), "writer-cache-"));
    await build(out, cache, { "a.txt": "one", "b.txt": "two" });
    rmSync(join(cache, "output", MANIFEST));
    writeFileSync(join(cache, "output/stray.txt"), "left over");
    await build(out, cache, { "a.txt": "one" });
    expect(cacheManifest(cache)).toEqual(["a.txt"]);
    expect(readdirSync(join(cache, "output")).sort()).toEqual(["a.txt", MANIFEST]);
  });
});

describe("withStagedOutput: the --cache copy's list, known from the output's stat record", () => {
  const build = (out: string, cacheDir: string, texts: Record<string, string>, statFile: string) =>
    withStagedOutput(
      out,
      async (w) => {
        for (const [path, text] of Object.entries(texts)) await w.cached(`k-${text}`, [path], async () => [text]);
        w.write("page.html", "<p>not keyed</p>");
        w.write(MANIFEST, JSON.stringify({ code: "c1", files: w.files() }));
        return new Map(w.fates());
      },
      { codeVersion: "c1", cacheDir, statFile },
    );
  const setup = async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-out-"));
    const cache = mkdtempSync(join(tmpdir(), "writer-cache-"));
    const statFile = join(cache, "output-stat.json");
    await build(out, cache, { "a.txt": "one", "b.txt": "two" }, statFile);
    return { out, cache, statFile, copyManifest: join(cache, "output", MANIFEST) };
  };

  it("records the SHA-256 of the manifest the copy was given, and then lists the copy from the output's manifest without parsing the copy's", async () => {
    const { out, cache, statFile, copyManifest } = await setup();
    const record = JSON.parse(readFileSync(statFile, "utf8")) as { cache?: string };
    expect(record.cache).toBe(sha256(readFileSync(copyManifest)));
    const copyText = readFileSync(copyManifest, "utf8");
    rmSync(join(out, "a.txt")); // only the copy has it now
    const parse = vi.spyOn(JSON, "parse");
    try {
      const fates = await build(out, cache, { "a.txt": "one", "b.txt": "two" }, statFile);
      expect([fates.get("a.txt"), fates.get("b.txt")]).toEqual(["reused", "reused"]);
      expect(parse.mock.calls.some(([text]) => text === copyText)).toBe(false);
    } finally {
      parse.mockRestore();
    }
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("one");
    expect(readdirSync(join(cache, "output")).sort()).toEqual(["a.txt", "b.txt", MANIFEST]); // the unkeyed page is not in the copy
  });

  it("reads the copy's own manifest when it is not the one recorded (edited since): what it lists is what may be reused", async () => {
    const { out, cache, statFile, copyManifest } = await setup();
    const copy = JSON.parse(readFileSync(copyManifest, "utf8")) as { code: string; files: { path: string; key?: string }[] };
    writeFileSync(copyManifest, JSON.stringify({ ...copy, files: copy.files.map((f) => (f.path === "a.txt" ? { ...f, key: "k-other" } : f)) }));
    rmSync(join(out, "a.txt"));
    const fates = await build(out, cache, { "a.txt": "one", "b.txt": "two" }, statFile);
    // a.txt: its copy is listed under another key, so it is made again (the same bytes as before: "unchanged", not "reused")
    expect([fates.get("a.txt"), fates.get("b.txt")]).toEqual(["unchanged", "reused"]);
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("one");
    expect((JSON.parse(readFileSync(statFile, "utf8")) as { cache?: string }).cache).toBe(sha256(readFileSync(copyManifest)));
  });
});

describe("withStagedOutput: the manifest's unchanged lines", () => {
  /** One build of the keyed files `texts`; its manifest written by writeManifest, or (`spaced`) by
   *  write, spaced otherwise than manifestBytes spaces it and recorded all the same. */
  const build = (out: string, statFile: string, texts: Record<string, string>, opts: { cacheDir?: string; spaced?: boolean } = {}) =>
    withStagedOutput(
      out,
      async (w) => {
        for (const [path, text] of Object.entries(texts)) await w.cached(`k-${text}`, [path], async () => [text]);
        const m = { code: "c1", files: w.files() };
        if (opts.spaced) w.write(MANIFEST, manifestBytes(m).toString("latin1").replace(/"path":"/g, '"path": "'));
        else w.writeManifest(m);
        return new Map(w.fates());
      },
      { codeVersion: "c1", statFile, ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}) },
    );
  const texts = { "a.txt": "one", "b.txt": "two", "c.txt": "three" };
  const fresh = (out: string) => manifestBytes(JSON.parse(readFileSync(join(out, MANIFEST), "utf8")) as object);

  it("writes a rebuild's manifest as a build from nothing would, taking the unchanged lines from the last one", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-lines-"));
    const statFile = join(mkdtempSync(join(tmpdir(), "writer-stat-")), "stat.json");
    await build(out, statFile, texts);
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      await build(out, statFile, { ...texts, "b.txt": "TWO" });
      const items = stringify.mock.calls.map(([v]) => (v as { path?: string } | null)?.path).filter((p) => p !== undefined);
      expect(items).toEqual(["b.txt"]); // only the changed file's entry written anew
    } finally {
      stringify.mockRestore();
    }
    expect(readFileSync(join(out, MANIFEST)).equals(fresh(out))).toBe(true);
  });

  it("does not copy lines from a manifest written otherwise than by writeManifest, and writes the --cache copy's as it would anew", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-lines-"));
    const cacheDir = mkdtempSync(join(tmpdir(), "writer-cache-"));
    const statFile = join(cacheDir, "stat.json");
    await build(out, statFile, texts, { cacheDir, spaced: true });
    await build(out, statFile, { ...texts, "b.txt": "TWO" }, { cacheDir });
    expect(readFileSync(join(out, MANIFEST)).equals(fresh(out))).toBe(true);
    await build(out, statFile, { ...texts, "b.txt": "2" }, { cacheDir }); // now from lines the last build wrote by writeManifest
    expect(readFileSync(join(out, MANIFEST)).equals(fresh(out))).toBe(true);
    const copy = join(cacheDir, "output", MANIFEST);
    expect(readFileSync(copy).equals(manifestBytes(JSON.parse(readFileSync(copy, "utf8")) as object))).toBe(true);
  });

  it("does not copy lines from a manifest edited since it was written (the recorded SHA-256 no longer matches)", async () => {
    const out = mkdtempSync(join(tmpdir(), "writer-lines-"));
    const statFile = join(mkdtempSync(join(tmpdir(), "writer-stat-")), "stat.json");
    await build(out, statFile, texts);
    const path = join(out, MANIFEST);
    // The same values, spaced otherwise: a reader sees no difference, the bytes do.
    writeFileSync(path, readFileSync(path, "latin1").replace('{"path":"a.txt",', '{"path": "a.txt", '), "latin1");
    await build(out, statFile, { ...texts, "b.txt": "TWO" });
    expect(readFileSync(path, "latin1")).toContain('{"path":"a.txt","sha256"');
    expect(readFileSync(path).equals(fresh(out))).toBe(true);
  });
});
