// Data files are read as bytes (load/read-tree.ts) and handed to the parse workers as bytes
// (dataset/parse-pool.ts): the text a file gives, on this thread or in a worker, must be exactly
// what reading it as UTF-8 gives — a byte-order mark, Vietnamese letters and a broken byte included.
// A parsed report reads its text from them again when asked (a nation's texts are not kept), and a
// build's content addresses hash the bytes read (no text decoded to hash it): for a file whose text
// is their very decoding, the key its text would give.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedSource, shareSources } from "../../scripts/lib/dataset/parse-pool.js";
import { keyOfText, readTree, sourceBytes } from "../../scripts/lib/load/read-tree.js";
import { check } from "../../scripts/lib/pipeline.js";
import { contentKey } from "../../scripts/lib/write/code-version.js";
import { FILES, SCHEMAS, makeFixture } from "./fixture.js";

const dir = mkdtempSync(join(tmpdir(), "source-bytes-"));
const BYTES = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("name: Xã Hương Lung\nnote: \"", "utf8"), Buffer.from([0xc3, 0x28]), Buffer.from("\"\n", "utf8")]);
writeFileSync(join(dir, "a.yaml"), BYTES);
writeFileSync(join(dir, "b.yaml"), "name: Phường Dữu Lâu\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("source files read as bytes", () => {
  const tree = readTree(dir, dir);

  it("give the text reading the file as UTF-8 gives, and carry their bytes only out of sight", () => {
    const a = tree.files.find((f) => f.rel === "a.yaml")!;
    expect(a.text).toBe(readFileSync(join(dir, "a.yaml"), "utf8"));
    expect(a.text).toContain("\uFFFD");
    expect(Object.keys(a)).toEqual(["path", "rel", "text"]);
    expect({ ...a }).toEqual({ path: "a.yaml", rel: "a.yaml", text: a.text });
    expect(JSON.parse(JSON.stringify(a))).toEqual({ path: "a.yaml", rel: "a.yaml", text: a.text });
    expect(Buffer.from(sourceBytes(a)!).equals(BYTES)).toBe(true);
  });

  it("reach the workers' shared memory as the same texts, beside a file known only by its text", () => {
    const sources = [...tree.files, { path: "c.yaml", rel: "c.yaml", text: "name: Thị xã Phú Thọ\n" }];
    const shared = shareSources(sources);
    expect(sources.map((_, i) => sharedSource(shared, i))).toEqual(sources.map((s) => ({ path: s.path, rel: s.rel, text: s.text })));
  });
});

describe("parsed report files", () => {
  it("give their text as parsed (no byte-order mark) however parsed, and are keyed by their bytes as by that text", () => {
    const fx = makeFixture();
    try {
      const bom = join(fx.data, FILES.district);
      writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(bom)]));
      const cacheDir = join(fx.root, ".cache");
      // Parsed here, then parsed here and cached, then read from the cache; and on a worker.
      const runs = [{ workers: 0 }, { workers: 0, cacheDir }, { workers: 0, cacheDir }, { workers: 1, mainParses: false }].map((load) => check({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, load }));
      for (const run of runs) {
        const reports = new Map(run.dataset!.reports.map((r) => [r.file.rel, r.file]));
        const plain = reports.get(FILES.commune)!;
        const read = readFileSync(join(fx.data, FILES.commune), "utf8");
        expect(plain.text).toBe(read);
        expect(Object.keys(plain)).toContain("text");
        // Read from the source each time, not kept on the file.
        expect(Object.getOwnPropertyDescriptor(plain, "text")).toMatchObject({ get: expect.any(Function) });
        expect(Object.getOwnPropertyDescriptor(plain, "text")!.value).toBeUndefined();
        expect(keyOfText(plain)).toBeInstanceOf(Uint8Array);
        expect(contentKey("code", keyOfText(plain))).toBe(contentKey("code", read));
        const marked = reports.get(FILES.district)!;
        expect(marked.text).toBe(readFileSync(bom, "utf8").slice(1));
        // Keyed by what was read, the mark included, however parsed.
        expect(contentKey("code", keyOfText(marked))).toBe(contentKey("code", readFileSync(bom)));
      }
    } finally {
      fx.cleanup();
    }
  });
});
