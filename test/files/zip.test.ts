import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { deflateFingerprint, zipEntries } from "../../scripts/lib/files/zip.js";

/** `n` bytes that DEFLATE cannot shrink (a SHA-256 chain), so the writer stores them. */
function noise(n: number, seed: string): Uint8Array {
  const out = new Uint8Array(n);
  let block = createHash("sha256").update(seed).digest();
  for (let at = 0; at < n; at += 32) {
    out.set(block.subarray(0, Math.min(32, n - at)), at);
    block = createHash("sha256").update(block).digest();
  }
  return out;
}

const xml = (rows: number) => Buffer.from(`<?xml version="1.0"?><w:tbl>${Array.from({ length: rows }, (_, i) => `<w:tr><w:tc><w:t>${i % 13}</w:t></w:tc></w:tr>`).join("")}</w:tbl>`);

/** Entries in an order that is neither sorted nor insertion-irrelevant, a folder, an empty file,
 *  a non-ASCII name, compressible XML and incompressible bytes. */
const ENTRIES: [string, Uint8Array][] = [
  ["[Content_Types].xml", xml(3)],
  ["word/", new Uint8Array(0)],
  ["word/document.xml", xml(400)],
  ["docProps/core.xml", Buffer.from("<cp:coreProperties/>")],
  ["word/media/ảnh-đồ-thị.png", noise(3000, "png")],
  ["word/empty.xml", new Uint8Array(0)],
  ["_rels/.rels", xml(1)],
];

/** What python3's zipfile (another reader than fflate) sees in the zip at `path`: its check,
 *  and each entry's name, date, method, flags and the SHA-256 of its contents. */
function pythonRead(path: string) {
  const script = [
    "import hashlib, json, sys, zipfile",
    "z = zipfile.ZipFile(sys.argv[1])",
    "bad = z.testzip()",
    "entries = [{'name': i.filename, 'date': list(i.date_time), 'method': i.compress_type, 'flags': i.flag_bits,",
    "  'sha256': hashlib.sha256(z.read(i)).hexdigest()} for i in z.infolist()]",
    "print(json.dumps({'bad': bad, 'entries': entries}))",
  ].join("\n");
  const run = spawnSync("python3", ["-c", script, path], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { bad: string | null; entries: { name: string; date: number[]; method: number; flags: number; sha256: string }[] };
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("zipEntries", () => {
  it("is read back by fflate with the same parts, in the same order", () => {
    const parts = unzipSync(zipEntries(ENTRIES));
    expect(Object.keys(parts)).toEqual(ENTRIES.map(([name]) => name));
    for (const [name, data] of ENTRIES) expect(Buffer.from(parts[name]!).equals(Buffer.from(data))).toBe(true);
  });

  it("is read back by python3's zipfile: CRCs hold, same names, order and contents, 1980-01-01 00:00", () => {
    const path = join(mkdtempSync(join(tmpdir(), "zip-")), "a.zip");
    writeFileSync(path, zipEntries(ENTRIES));
    const seen = pythonRead(path);
    expect(seen.bad).toBeNull();
    expect(seen.entries.map((e) => e.name)).toEqual(ENTRIES.map(([name]) => name));
    expect(seen.entries.map((e) => e.sha256)).toEqual(ENTRIES.map(([, data]) => sha256(data)));
    for (const e of seen.entries) expect(e.date).toEqual([1980, 1, 1, 0, 0, 0]);
    // Deflated when it pays (the XML), stored otherwise (empty entries, 20 bytes of XML, the
    // noise); UTF-8 flag only for the non-ASCII name.
    expect(seen.entries.map((e) => e.method)).toEqual([8, 0, 8, 0, 0, 0, 8]);
    expect(seen.entries.map((e) => e.flags)).toEqual([0, 0, 0, 0, 0x800, 0, 0]);
  });

  it("gives the same bytes for the same entries, and others when the order changes", () => {
    const a = zipEntries(ENTRIES);
    expect(zipEntries(ENTRIES.map(([n, d]) => [n, Uint8Array.from(d)])).equals(a)).toBe(true);
    expect(zipEntries([...ENTRIES].reverse()).equals(a)).toBe(false);
  });

  it("lays out headers, central directory and end record as fflate's zipSync (stored entries: the same bytes)", () => {
    // Entries the writer stores, zipped by fflate without compression at the same fixed time
    // (fflate reads the local fields of the date): the whole archive is byte-identical.
    const stored: [string, Uint8Array][] = [["a.bin", noise(100, "a")], ["thư-mục/b.bin", noise(5000, "b")], ["c/", new Uint8Array(0)]];
    const mtime = new Date(1980, 0, 1, 0, 0, 0);
    const fflate = zipSync(Object.fromEntries(stored.map(([n, d]) => [n, [d, { level: 0, mtime }]])));
    expect(zipEntries(stored).equals(Buffer.from(fflate))).toBe(true);
  });

  it("writes an empty archive as the end record alone", () => {
    expect(zipEntries([]).equals(Buffer.from(zipSync({})))).toBe(true);
  });
});

describe("deflateFingerprint", () => {
  it("names zlib's version and is the same at every call", () => {
    const f = deflateFingerprint();
    expect(f).toMatch(new RegExp(`^zlib ${process.versions.zlib!.replace(/[.]/g, "\\.")} [0-9a-f]{16}$`));
    expect(deflateFingerprint()).toBe(f);
  });
});
