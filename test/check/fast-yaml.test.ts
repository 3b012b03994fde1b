// The fast YAML path (syntax/fast-yaml.ts) must give what yaml's Document gives: the same data,
// the same numbers typed with a dot, the same diagnostics, the same positions of keys and values,
// or else step aside (null) and let yaml read the file. Held to that on every bundled data file,
// on hand-made tricky inputs, and on hundreds of bundled reports mutated at random (seeded, so a
// failure can be replayed).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { locate, rootEntryPrefix } from "../../scripts/lib/diagnostics/locate.js";
import { fastYaml, type Offsets } from "../../scripts/lib/syntax/fast-yaml.js";
import { parseYaml, type ParsedFile } from "../../scripts/lib/parse/parse-yaml.js";
import { REPO } from "./fixture.js";

const DATA = join(REPO, "data");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith(".yaml") ? [join(dir, e.name)] : []));
}

const bundled = yamlFiles(DATA).map((f) => ({ rel: f.slice(DATA.length + 1), text: readFileSync(f, "utf8") }));
const reports = bundled.filter((f) => f.rel.startsWith("reports/"));

/** What a check keeps of a parsed file, by the fast path and by yaml's Document alone. */
function both(text: string) {
  const source = { path: "x.yaml", rel: "x.yaml", text };
  const view = (p: ParsedFile) => ({ data: p.data, dotted: [...p.dotted], diagnostics: p.diagnostics, text: p.text });
  return { fast: view(parseYaml(source)), yaml: view(parseYaml(source, { fast: false })) };
}

/** Every pointer the fast path has an offset for, on its key and its value, located as from yaml's Document; how many. */
function expectSamePositions(text: string, label: string): number {
  const offsets = new Map<string, Offsets>();
  fastYaml(text, offsets);
  const source = { path: "x.yaml", rel: "x.yaml", text };
  const fast = parseYaml(source);
  const yaml = parseYaml(source, { fast: false });
  const where = (p: ParsedFile, pointer: string) => [locate(p, pointer, "key"), locate(p, pointer, "value")];
  const pointers = [...offsets.keys(), "", "/absent", "/values/absent/y2016"];
  for (const pointer of pointers) expect(where(fast, pointer), `${label} ${pointer}`).toEqual(where(yaml, pointer));
  return pointers.length;
}

describe("the fast YAML path", () => {
  it("reads every bundled data file, to the same data and typed numbers as yaml", () => {
    for (const f of bundled) {
      expect(fastYaml(f.text), f.rel).not.toBeNull();
      const { fast, yaml } = both(f.text);
      expect(fast, f.rel).toEqual(yaml);
    }
    expect(reports.length).toBeGreaterThan(250);
  });

  it("reads scalars by YAML 1.2's core schema, as yaml does", () => {
    const text = [
      'quoted: "08053"',
      "unquoted: 08053",
      "answers: [yes, no, on, off, y, n]",
      "bools: [true, True, TRUE, false, tRue]",
      "nulls: [~, null, Null, NULL, nULL]",
      "date: 2018-07-13",
      "time: 2018-07-13T10:00:00Z",
      "rate: 7.09",
      "thousands: 1.234",
      "trailing: 1.",
      "hex: 0x1F",
      "octal: 0o17",
      "old_octal: 017",
      "underscored: 1_000",
      "exp: 1e3",
      "inf: [.inf, -.inf, .nan]",
      "big: 12345678901234567890",
      "signed: [+1, -0]",
      "comma: 1,5",
      "empty:",
    ].join("\n");
    const { fast, yaml } = both(text);
    expect(fast).toEqual(yaml);
    expect(fast.data).toMatchObject({ quoted: "08053", unquoted: 8053, answers: ["yes", "no", "on", "off", "y", "n"], date: "2018-07-13", time: "2018-07-13T10:00:00Z", thousands: 1.234, underscored: "1_000", old_octal: 17, comma: "1,5", empty: null });
    expect(Object.is((fast.data as { signed: number[] }).signed[1], -0)).toBe(true);
    expect(new Map(fast.dotted)).toEqual(new Map([["/rate", "7.09"], ["/thousands", "1.234"], ["/trailing", "1."], ["/inf/0", ".inf"], ["/inf/1", "-.inf"], ["/inf/2", ".nan"]]));
  });

  it("gives the same strings: multi-line, folded, literal, escaped, CRLF, BOM, NFD", () => {
    const texts = [
      "a: first\n  second\n\n  third\n",
      "a: |\n  x\n   y\n\nb: >-\n  folded\n  text\n\n  kept\n",
      "a: |+\n  keep\n\n\nb: |-\n  strip\n",
      'a: "tab\\there \\u00e9 \\x41 \\\n  continued"\n',
      "a: 'it''s'\n",
      "a: 1\r\nb: dòng\r\n  tiếp\r\n",
      "\uFEFFa: 1\n",
      "ten: Hoa\u0300 Bi\u0300nh\n",
      "a: b#c # comment\n# only a comment\nb: {x: 1, y: [1, 2,], }\n",
      "? a\n: b\n",
      "a: 1\n...\n",
      "---\na: 1\n",
      '"a b": 1\n\'c\': 2\n',
    ];
    for (const text of texts) {
      const { fast, yaml } = both(text);
      expect(fast, JSON.stringify(text)).toEqual(yaml);
    }
    expect(both("\uFEFFa: 1\n").fast.data).toEqual({ a: 1 });
    expect(both("ten: Hoa\u0300\n").fast).toMatchObject({ data: { ten: "Hoà" }, diagnostics: [{ code: "TEXT_NOT_NFC", line: 1, column: 8 }] });
  });

  it("steps aside for yaml where the two could differ, and yaml reports the problem", () => {
    const cases: [string, string | null][] = [
      ["a: 1\na: 2\n", "YAML_DUPLICATE_KEY"],
      ['a: 1\n"a": 2\n', "YAML_DUPLICATE_KEY"],
      ["a:\n\tb: 1\n", "YAML_TAB_INDENT"],
      ["a: 1\tb\n", null],
      ["status:da_nop\n", "YAML_SYNTAX"],
      ["a: &x 1\nb: *x\n", null],
      ["a: !!str 1\n", null],
      ["%YAML 1.2\n---\na: 1\n", null],
      ["a: 1\n---\nb: 2\n", "YAML_SYNTAX"],
      ["- 1\n- 2\n", "YAML_SYNTAX"],
      ["1: a\n", null],
      ["true: a\n", null],
      ["~: a\n", null],
      ["[a, b]: c\n", null],
      ["__proto__: {a: 1}\n", "YAML_FORBIDDEN_KEY"],
      ["constructor: 1\n", "YAML_FORBIDDEN_KEY"],
      ["<<: {a: 1}\n", null],
      ["a: \u0001\n", null],
      ['a: "b"#c\n', "YAML_SYNTAX"],
      ["a: @x\n", "YAML_SYNTAX"],
      ["a: {b: 1 c: 2}\n", "YAML_SYNTAX"],
      ["a: [1, 2\n", "YAML_SYNTAX"],
      ["a: b: c\n", "YAML_SYNTAX"],
    ];
    for (const [text, code] of cases) {
      expect(fastYaml(text), JSON.stringify(text)).toBeNull();
      const { fast, yaml } = both(text);
      expect(fast, JSON.stringify(text)).toEqual(yaml);
      expect(fast.diagnostics.map((d) => d.code), JSON.stringify(text)).toEqual(code ? expect.arrayContaining([code]) : []);
    }
  });

  it("leaves no document behind, and locates in the file exactly as yaml would", () => {
    const text = reports[0]!.text;
    const source = { path: "x.yaml", rel: "x.yaml", text };
    const fast = parseYaml(source);
    expect(fast).toMatchObject({ doc: null, released: true });
    const yaml = parseYaml(source, { fast: false });
    for (const pointer of ["/unit", "/values/ho_ngheo/mid2018", "/document/recipients/0", "/finance/2/plan", "/narrative"]) {
      for (const on of ["key", "value"] as const) expect(locate(fast, pointer, on), pointer).toEqual(locate(yaml, pointer, on));
    }
    expect(locate(fast, "/values/ho_ngheo/mid2018", "value").line).toBeGreaterThan(1);
  });

  it("locates from the text up to the end of the field alone, where that field ends by its lines", () => {
    const text = "a:\n- 1\n# note\n-  2\n? b\n: {c: 1}\nd: |\n  e: 1\nd2: x\n  y\nf: 'g'\n";
    expect(rootEntryPrefix(text, "a")).toBe("a:\n- 1\n# note\n-  2\n? b\n: {c: 1}\n");
    expect(rootEntryPrefix(text, "d")).toBe("a:\n- 1\n# note\n-  2\n? b\n: {c: 1}\nd: |\n  e: 1\n");
    expect(rootEntryPrefix(text, "f")).toBe(text);
    expect(rootEntryPrefix(text, "e")).toBeNull();
    expect(rootEntryPrefix(text, "b")).toBeNull();
    // Shapes where a line in column 0 is not the next field, or a field's name appears elsewhere:
    // located as yaml does (or left to yaml when the fast path cannot read the file).
    const tricky = [
      text,
      "a: x\r\nb:\r\n  c: 1\r\nd: [1,\r\n  2]\r\n",
      'a: "x\n  b: y"\nb: {c: 2}\n',
      "note: |\n  values: 1\nvalues: {x: 1}\n",
      "values_old: 1\nvalues:\n  x: {y2016: 1}\n",
      '"values": {x: 1}\nother: 2\n',
      "a: 1\n...\n",
      "a: {b: 1,\n  c: 2}\nc: 3\n",
      'a: "x\nb: y"\nb: 2\n',
    ];
    for (const t of tricky) {
      const source = { path: "x.yaml", rel: "x.yaml", text: t };
      const fast = parseYaml(source);
      const yaml = parseYaml(source, { fast: false });
      if (fastYaml(t)) expectSamePositions(t, JSON.stringify(t));
      for (const pointer of ["/a", "/b", "/b/c", "/c", "/d", "/d/1", "/values", "/values/x", "/values/x/y2016", "/note"]) {
        for (const on of ["key", "value"] as const) expect(locate(fast, pointer, on), `${JSON.stringify(t)} ${pointer}`).toEqual(locate(yaml, pointer, on));
      }
    }
  });

  it("locates every key and value of every bundled file where yaml's Document does", () => {
    let located = 0;
    for (const f of bundled) located += expectSamePositions(f.text, f.rel);
    expect(located).toBeGreaterThan(100_000);
  }, 600_000);

  it("agrees with yaml on hundreds of randomly mutated report files", () => {
    let seed = 2018;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const PIECES = [":", " ", "\n", "-", "#", '"', "'", "{", "}", "[", "]", ",", "&a ", "*a", "!", "?", "|", ">", "  ", "0", ".", "\r\n", "~", "%", "@", "`", "\\", "\u0301", "\u00a0", "---\n", "...", "\t", "<<: "];
    let tookFast = 0;
    const MUTANTS = 600;
    for (let i = 0; i < MUTANTS; i++) {
      let text = pick(reports).text;
      for (let m = 1 + Math.floor(random() * 3); m > 0; m--) {
        const at = Math.floor(random() * text.length);
        const r = random();
        if (r < 0.4) text = text.slice(0, at) + pick(PIECES) + text.slice(at);
        else if (r < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
        else text = text.slice(0, at) + text[Math.floor(random() * text.length)] + text.slice(at + 1);
      }
      const { fast, yaml } = both(text);
      expect(fast, `mutant ${i}`).toEqual(yaml);
      if (fastYaml(text)) {
        tookFast++;
        if (i % 4 === 0) expectSamePositions(text, `mutant ${i}`);
      }
    }
    // Both kinds were exercised: mutants the fast path read, and mutants it left to yaml.
    expect(tookFast).toBeGreaterThan(MUTANTS / 2);
    expect(tookFast).toBeLessThan(MUTANTS);
  }, 600_000);
});
