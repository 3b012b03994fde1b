// Data files are read as bytes (load/read-tree.ts) and handed to the parse workers as bytes
// (dataset/parse-pool.ts): the text a file gives, on this thread or in a worker, must be exactly
// what reading it as UTF-8 gives — a byte-order mark, Vietnamese letters and a broken byte included.
// A parsed report reads its text from them again when asked (a nation's texts are not kept), and a
// build's content addresses hash the digest of the bytes read (no text decoded to hash it). A file
// whose digest the process knows for its stat (a build digests the data folder first) is read only
// when its text is asked for, and then only if its bytes still have that digest.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseInWorkers, sharedSource, shareSources, startParsePool } from "../../scripts/lib/dataset/parse-pool.js";
import { storedValidators } from "../../scripts/lib/cache/validator-store.js";
import { keyOfText, readTree, sourceBytes } from "../../scripts/lib/load/read-tree.js";
import { check } from "../../scripts/lib/pipeline.js";
import { folderDigest } from "../../scripts/lib/write/code-version.js";
import { knownDigest } from "../../scripts/lib/files/walk.js";
import { InputError } from "../../scripts/lib/diagnostics/input-error.js";
import { FILES, SCHEMAS, makeFixture } from "./fixture.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
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
  it("give their text as parsed (no byte-order mark) however parsed, and are keyed by the digest of the bytes read", () => {
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
        expect(keyOfText(plain)).toBe(`\0sha256:${sha256(readFileSync(join(fx.data, FILES.commune)))}`);
        const marked = reports.get(FILES.district)!;
        expect(marked.text).toBe(readFileSync(bom, "utf8").slice(1));
        // Keyed by what was read, the mark included, however parsed.
        expect(keyOfText(marked)).toBe(`\0sha256:${sha256(readFileSync(bom))}`);
      }
    } finally {
      fx.cleanup();
    }
  });
});

/** A folder of `files` (name → text) whose digests the process keeps, as a build's are once it has
 *  digested its data folder: a digest is kept only for a file not modified in the last 2 seconds
 *  (files/walk.ts), so this waits until every one is (≈ 2 s; longer where the file system's clock
 *  lags). */
async function settledFolder(prefix: string, files: Record<string, string>): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  await new Promise((r) => setTimeout(r, 2000));
  for (let waited = 0; ; waited += 100) {
    folderDigest(folder);
    if (Object.keys(files).every((name) => knownDigest(resolve(folder, name)).digest !== null)) return folder;
    if (waited > 10_000) throw new Error(`the files in ${folder} never settled`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("source files whose digest is known", () => {
  it("are read only when their text is asked for, keyed alike, and stop the command when changed or removed meanwhile", async () => {
    const settled = await settledFolder("source-lazy-", { "a.yaml": "name: Xã Hương Lung\n", "b.yaml": "name: Phường Dữu Lâu\n", "c.yaml": "name: Xã Thanh Đình\n" });
    try {
      const [a, b, c] = readTree(settled, settled).files;
      // A data folder given relative to the working folder (as `--data data` is) is read the same way.
      const [aRel, bRel] = readTree(relative(process.cwd(), settled), settled).files;
      const eager = readTree(dir, dir).files.find((f) => f.rel === "b.yaml")!; // the same bytes, read at once (unsettled)
      expect(keyOfText(b!)).toBe(keyOfText(eager));
      expect(keyOfText(b!)).toBe(`\0sha256:${sha256(readFileSync(join(settled, "b.yaml")))}`);
      expect(c!.text).toBe("name: Xã Thanh Đình\n");
      expect(c!.text).toBe("name: Xã Thanh Đình\n"); // read again, not kept
      writeFileSync(join(settled, "c.yaml"), "name: Xã Thanh Đình mới\n");
      expect(() => c!.text).toThrow(InputError); // one version of a file in a run: a later read checks it
      writeFileSync(join(settled, "a.yaml"), "name: Xã Hương Lung mới\n"); // edited after the walk, before its text was needed
      for (const file of [a!, aRel!]) {
        expect(() => file.text).toThrow(InputError);
        expect(() => file.text).toThrow(/a\.yaml: tệp đã bị xóa hoặc thay đổi trong khi lệnh đang chạy/);
      }
      rmSync(join(settled, "b.yaml"));
      for (const file of [b!, bRel!]) {
        expect(() => file.text).toThrow(InputError);
        expect(() => file.text).toThrow(/b\.yaml: tệp đã bị xóa hoặc thay đổi trong khi lệnh đang chạy/);
      }
    } finally {
      rmSync(settled, { recursive: true, force: true });
    }
  });
});

describe("a file changed before the parse workers are handed it", () => {
  it("stops the parse with the message, the workers closed (no process left waiting)", async () => {
    const settled = await settledFolder("source-pool-", { "r.yaml": "name: Xã Hương Lung\n" });
    try {
      const sources = readTree(settled, settled).files;
      writeFileSync(join(settled, "r.yaml"), "name: Xã Hương Lung mới\n");
      const schemas = { schemaDir: SCHEMAS, storeDir: join(settled, ".validators") };
      const pool = startParsePool(schemas, 1);
      const { validators } = storedValidators(SCHEMAS, schemas.storeDir);
      const parse = () => parseInWorkers(sources, schemas, validators, new Set(), 1, { pool, mainParses: false });
      expect(parse).toThrow(InputError);
      expect(parse).toThrow(/r\.yaml: tệp đã bị xóa hoặc thay đổi/);
      expect(pool.closed).toBe(true);
    } finally {
      rmSync(settled, { recursive: true, force: true });
    }
  });
});
