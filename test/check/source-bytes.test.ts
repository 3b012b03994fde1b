// Data files are read as bytes (load/read-tree.ts) and handed to the parse workers as bytes
// (dataset/parse-pool.ts): the text a file gives, on this thread or in a worker, must be exactly
// what reading it as UTF-8 gives — a byte-order mark, Vietnamese letters and a broken byte included.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedSource, shareSources } from "../../scripts/lib/dataset/parse-pool.js";
import { readTree, sourceBytes } from "../../scripts/lib/load/read-tree.js";

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
