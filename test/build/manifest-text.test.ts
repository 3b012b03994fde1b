// manifest.json as written: the same values as JSON.stringify's, in a file of ASCII only (a build
// reads it back as a string of one byte a character), one line per document and per file, and the
// head that a rebuild reads from the file's first bytes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestBytes } from "../../scripts/lib/write/manifest-text.js";
import { manifestHead } from "../../scripts/lib/write/intact-output.js";

const manifest = {
  code: "c0de",
  inputs: "1a2b",
  check: { summary: { files: 2, errors: 0 }, level_names: { commune: "xã", province: "tỉnh" }, git_dates: null },
  documents: [{ unit: "00001", level: "commune", kind: "report", format: "md", path: "documents/xa-tay-lac.md", sha256: "ab", key: "k1" }],
  files: [
    { path: "don-vi/00001/index.html", sha256: "cd", key: "k2", input: "i1" },
    { path: "manifest-ả\u{1F600}.txt", sha256: "ef" },
  ],
  empty: [],
  absent: undefined,
};

describe("manifestBytes", () => {
  const bytes = manifestBytes(manifest);
  const text = bytes.toString("latin1");

  it("holds the same values as JSON.stringify gives, Vietnamese letters and all", () => {
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(manifest)));
  });

  it("is ASCII only: every other character is escaped", () => {
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(text).toContain('"commune": "x\\u00e3"');
  });

  it("puts each document and each file on a line of its own, and ends with a newline", () => {
    const lines = text.split("\n");
    expect(lines).toContain('    {"path":"don-vi/00001/index.html","sha256":"cd","key":"k2","input":"i1"},');
    expect(lines.filter((l) => l.startsWith('    {"path":'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('    {"unit":'))).toHaveLength(1);
    expect(text).toContain('"empty": []');
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("starts with the code version and the inputs' digest where a rebuild looks for them", () => {
    const path = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.json");
    writeFileSync(path, text);
    expect(manifestHead(path)).toEqual({ code: "c0de", inputs: "1a2b" });
  });

  it("keeps an item on one line when a text of it holds what separates two items", () => {
    const tricky = { files: [{ path: 'a},{"path":"b', sha256: "1" }, { path: "c", sha256: "2" }], lists: [{ rows: [{ a: 1 }, { b: 2 }] }, { rows: [] }] };
    const out = manifestBytes(tricky).toString("latin1");
    expect(JSON.parse(out)).toEqual(tricky);
    expect(out.split("\n").filter((l) => l.startsWith('    {"path":'))).toEqual(['    {"path":"a},{\\"path\\":\\"b","sha256":"1"},', '    {"path":"c","sha256":"2"}']);
    expect(out.split("\n").filter((l) => l.startsWith('    {"rows":'))).toEqual(['    {"rows":[{"a":1},{"b":2}]},', '    {"rows":[]}']);
  });

  it("writes every list as its items one by one would be, whatever their texts and keys", () => {
    /** The writer before lists were written whole: each item by itself. */
    const oneByOne = (m: Record<string, unknown>) =>
      `{\n${Object.entries(m)
        .map(([k, v]) => `  ${JSON.stringify(k)}: [\n${(v as unknown[]).map((i) => `    ${JSON.stringify(i) ?? "null"}`).join(",\n")}\n  ]`)
        .join(",\n")}\n}\n`;
    const lists = {
      textEnds: [{ path: "x},{", sha256: "1" }, { path: "c", sha256: "2" }],
      keyEnds: [{ "k},{": 1 }, { k: 2 }],
      empty: [{ a: 1 }, {}, { b: 2 }],
      unwritten: [{ a: 1 }, { a: undefined, f: () => 1 }, { b: 2 }],
      map: [{ a: 1 }, new Map([["a", 1]]), { b: 2 }],
      mixed: [{ a: 1 }, "text", null, undefined, 3, { b: "}" }],
    };
    for (const [name, list] of Object.entries(lists)) {
      const m = { [name]: list };
      const out = manifestBytes(m).toString("latin1");
      expect(out, name).toBe(oneByOne(m));
      expect(JSON.parse(out), name).toEqual(JSON.parse(JSON.stringify(m)));
    }
  });
});
