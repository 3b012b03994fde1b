// manifest.json as written: the same values as JSON.stringify's, in a file of ASCII only (a build
// reads it back as a string of one byte a character), one line per document and per file, and the
// head that a rebuild reads from the file's first bytes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ManifestLines, manifestBytes } from "../../scripts/lib/write/manifest-text.js";
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

describe("manifestBytes with the previous manifest's lines", () => {
  const previous = {
    code: "c0de",
    documents: [
      { unit: "00001", level: "commune", kind: "report", format: "md", path: "documents/a.md", sha256: "a1", key: "k1" },
      { unit: "00002", level: "commune", kind: "report", format: "md", path: "documents/b.md", sha256: "b1", key: "k2" },
    ],
    files: [
      { path: "a.txt", sha256: "1", key: "ka" },
      { path: "b.txt", sha256: "2", key: "kb", input: "ib" },
      { path: "c.txt", sha256: "3" },
      { path: "d-ả.txt", sha256: "4" },
      { path: "e.txt", sha256: "5", key: "ke" },
    ],
  };
  const bytes = manifestBytes(previous);
  const lines = ManifestLines.of(bytes, JSON.parse(bytes.toString("latin1")) as Record<string, unknown>);
  const files = previous.files;
  /** Whether JSON.stringify was given the list of files (or a copy of it), to write it whole. */
  const wholeList = (v: unknown) => Array.isArray(v) && v.length === files.length && v.every((x, i) => x === files[i]);

  it("writes every list as manifestBytes writes it anew, whatever changed since", () => {
    const variants: Record<string, unknown[]> = {
      same: files.map((f) => ({ ...f })),
      oneChanged: files.map((f) => (f.path === "c.txt" ? { ...f, sha256: "33" } : f)),
      added: [files[0], { path: "aa.txt", sha256: "9" }, ...files.slice(1)],
      removed: files.filter((f) => f.path !== "b.txt"),
      reordered: [...files].reverse(),
      extraKey: files.map((f) => (f.path === "a.txt" ? { ...f, extra: 1 } : f)),
      keysInAnotherOrder: files.map((f) => (f.path === "a.txt" ? { sha256: f.sha256, path: f.path, key: f.key } : f)),
      undefinedValue: files.map((f) => (f.path === "c.txt" ? { ...f, key: undefined } : f)),
      nestedValue: files.map((f) => (f.path === "e.txt" ? { ...f, key: { k: "ke" } } : f)),
      boxed: files.map((f) => (f.path === "e.txt" ? { ...f, key: new String("ke") } : f)),
      notPlain: files.map((f) => (f.path === "e.txt" ? Object.assign(new Map(), f) : f)),
      mixed: ["text", null, files[1], 3, files[2]],
      onlyNew: [{ path: "z.txt", sha256: "0" }],
    };
    for (const [name, list] of Object.entries(variants)) {
      const m = { code: "c0de", documents: previous.documents, files: list };
      expect(manifestBytes(m, lines).toString("latin1"), name).toBe(manifestBytes(m).toString("latin1"));
      expect(manifestBytes({ files: list, other: list }, lines).toString("latin1"), name).toBe(manifestBytes({ files: list, other: list }).toString("latin1"));
    }
  });

  it("takes the unchanged items' lines from the previous bytes, and writes only the others", () => {
    const changed = { path: "c.txt", sha256: "33" };
    const m = { code: "c0de", documents: previous.documents, files: files.map((f) => (f.path === "c.txt" ? changed : { ...f })) };
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      manifestBytes(m, lines);
      const written = stringify.mock.calls.map(([v]) => v);
      expect(written).toContain(changed);
      expect(written.some((v) => Array.isArray(v) || (v as { path?: string } | null)?.path === "a.txt")).toBe(false);
    } finally {
      stringify.mockRestore();
    }
  });

  it("writes a hole in a list as null, and finds the lines of a list whose key is not ASCII", () => {
    const holey = [files[0], , files[2]]; // eslint-disable-line no-sparse-arrays
    expect(JSON.parse(manifestBytes({ files: holey }).toString("latin1"))).toEqual({ files: [files[0], null, files[2]] });
    expect(manifestBytes({ files: holey }, lines).toString("latin1")).toBe(manifestBytes({ files: holey }).toString("latin1"));
    const named = { "tệp": files };
    const from = manifestBytes(named);
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      const again = manifestBytes(named, ManifestLines.of(from, JSON.parse(from.toString("latin1")) as Record<string, unknown>));
      expect(again.equals(from)).toBe(true);
      expect(stringify.mock.calls.some(([v]) => wholeList(v))).toBe(false); // its lines taken, not the list written anew
    } finally {
      stringify.mockRestore();
    }
  });

  it("uses no line of a previous file not in its layout (indented otherwise, a line missing its comma)", () => {
    const pretty = Buffer.from(JSON.stringify(previous, null, 2));
    const noComma = Buffer.from(bytes.toString("latin1").replace('"key":"ka"},', '"key":"ka"}'));
    for (const other of [pretty, noComma]) {
      const from = ManifestLines.of(other, previous);
      const stringify = vi.spyOn(JSON, "stringify");
      try {
        expect(manifestBytes({ files }, from).toString("latin1")).toBe(manifestBytes({ files }).toString("latin1"));
        expect(stringify.mock.calls.some(([v]) => wholeList(v))).toBe(true); // the list written anew, whole
      } finally {
        stringify.mockRestore();
      }
    }
  });
});
