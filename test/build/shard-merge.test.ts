// Sharded builds on the small province: `build --shard i/n` builds the documents and input
// workbooks of whole subtrees, `merge` assembles the shards' outputs with the site and one
// manifest, and the result equals a single build byte for byte. A merge missing a shard fails
// and leaves the previous output untouched.
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../scripts/lib/cli.js";
import { build, shardUnits, type BuildOptions, type BuildResult } from "../../scripts/lib/pipeline.js";
import { SCHEMAS } from "../check/fixture.js";
import { TEMPLATES, makeFixture, readTreeBytes } from "./build-fixture.js";

const fx = makeFixture();
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `shard-${name}-`));
const single = tmp("single");
const shards = [tmp("1"), tmp("2")];
const merged = tmp("merged");

const run = (outDir: string, opts: Partial<BuildOptions> = {}): Promise<BuildResult> =>
  build({ dataDir: fx.data, outDir, schemaDir: SCHEMAS, templateDir: TEMPLATES, workers: 0, load: { workers: 0 }, ...opts });

/** Every file of `result` matching `which` (at least one) was copied, not made. */
function expectAllReused(result: BuildResult, which: (path: string) => boolean): void {
  const chosen = [...result.fates].filter(([p]) => which(p));
  expect(chosen.length).toBeGreaterThan(0);
  expect(chosen.filter(([, f]) => f !== "reused")).toEqual([]);
}

/** `dir` holds exactly the single build's files, byte for byte. */
function expectSameAsSingle(dir: string): void {
  const a = readTreeBytes(single);
  const b = readTreeBytes(dir);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
}

let parts: BuildResult[];
let merge: BuildResult;

beforeAll(async () => {
  await run(single);
  parts = [await run(shards[0]!, { shard: { index: 1, count: 2 } }), await run(shards[1]!, { shard: { index: 2, count: 2 } })];
  merge = await run(merged, { mergeFrom: shards });
}, 600_000);
afterAll(() => fx.cleanup());

describe("build --shard i/n and merge", () => {
  it("splits the tree by subtree: every unit in exactly one shard, a district with its communes", () => {
    const ds = parts[0]!.check.dataset!;
    const slices = [1, 2].map((index) => shardUnits(ds, { index, count: 2 }));
    for (const code of ds.units.keys()) expect(slices.filter((s) => s.has(code)), code).toHaveLength(1);
    expect(slices[0]!.has("99")).toBe(true);
    for (const u of ds.units.values()) if (u.level === "commune") expect(slices.findIndex((s) => s.has(u.code))).toBe(slices.findIndex((s) => s.has(u.parent!)));
    expect(slices.every((s) => s.size > 0)).toBe(true);
  });

  it("builds in each shard only its slice's documents and workbooks, and no site", () => {
    const docs = parts.map((p) => p.documents.map((d) => d.path));
    expect(docs[0]!.filter((p) => docs[1]!.includes(p))).toEqual([]);
    expect(docs[0]!.length + docs[1]!.length).toBe(merge.documents.length);
    for (const dir of shards) expect(existsSync(join(dir, "index.html"))).toBe(false);
  });

  it("copies every document and workbook from the shards and equals a single build byte for byte", () => {
    expectAllReused(merge, (p) => p.startsWith("documents/") || p.startsWith("bieu-nhap-lieu/"));
    expectSameAsSingle(merged);
  });

  it("with --cache, a later merge of the same shards copies the site's pages instead of drawing them again", async () => {
    const cacheDir = tmp("cache");
    const [first, again] = [tmp("merged-a"), tmp("merged-b")];
    await run(first, { mergeFrom: shards, cacheDir });
    const second = await run(again, { mergeFrom: shards, cacheDir });
    expectAllReused(second, (p) => p.endsWith(".html") && !p.startsWith("documents/"));
    expectSameAsSingle(again);
  });

  it("refuses to merge without every shard, and writes nothing", async () => {
    const out = tmp("partial");
    const err = await run(out, { mergeFrom: [shards[0]!] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^Không tìm thấy (documents|bieu-nhap-lieu)\/.* trong thư mục kết quả của các phần/);
    expect(readdirSync(out)).toEqual([]);
  });
});
