// The schemas' validators kept as ajv's standalone code (cache/validator-store.ts): they give
// exactly the error objects ajv's compiled validators give, so every diagnostic stays the same;
// `check` (and its parse workers) use the stored file; a corrupt, foreign or broken file is
// ignored with a warning, compiled again and rewritten, never trusted.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { storedValidators, storedValidatorsPath, validatorKey } from "../scripts/lib/cache/validator-store.js";
import { classify } from "../scripts/lib/dataset/load-dataset.js";
import type { CheckResult } from "../scripts/lib/check.js";
import { check as runCheck } from "../scripts/lib/pipeline.js";
import { SCHEMA_OF, compileSchemas, readSchemas, validatorsFromCode, type SchemaSet, type Validators } from "../scripts/lib/schema/schemas.js";
import { FILES, REPO, SCHEMAS, makeFixture, type Fixture } from "./check/fixture.js";

let set: SchemaSet;
let compiled: Validators;
let code: string;

beforeAll(() => {
  set = readSchemas(SCHEMAS);
  const made = compileSchemas(set, true);
  compiled = made.validators;
  code = made.code!;
});

/** Every bundled data file whose kind has a schema, as [data-relative path, schema, data]. */
function bundledDocuments(): [string, string, unknown][] {
  const data = join(REPO, "data");
  const rels = readdirSync(data, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f)).sort();
  const reports = rels.filter((r) => classify(r) === "report").slice(0, 12);
  return rels
    .filter((r) => classify(r) !== null && (classify(r) !== "report" || reports.includes(r)))
    .map((r) => [r, SCHEMA_OF[classify(r)!], parse(readFileSync(join(data, r), "utf8")) as unknown]);
}

/** Wrong versions of a document, one slip each: a field removed, a field added, a value of the
 *  wrong type, typed 1.234, 31/7/2018, empty or negative, at every object reached (at most `cap`). */
function mutations(doc: unknown, cap = 120): unknown[] {
  const out: unknown[] = [];
  const slips = (v: unknown): unknown[] => (typeof v === "number" ? [-5, "1.234", String(v), null] : typeof v === "string" ? [123, "", "31/7/2018", "x y:z", [v]] : typeof v === "boolean" ? ["có"] : Array.isArray(v) ? [{}, [], ["?"]] : [[], "khối"]);
  const visit = (node: unknown, replace: (v: unknown) => unknown): void => {
    if (out.length >= cap || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.slice(0, 2).forEach((child, i) => {
        for (const s of slips(child)) out.push(replace(node.map((c, j) => (j === i ? s : c))));
        visit(child, (v) => replace(node.map((c, j) => (j === i ? v : c))));
      });
      return;
    }
    const obj = node as Record<string, unknown>;
    const keys = Object.keys(obj);
    out.push(replace({ ...obj, khong_co_truong_nay: 1, "y2016:5": 2 }));
    if (keys[0] !== undefined) out.push(replace(Object.fromEntries(keys.slice(1).map((k) => [k, obj[k]]))));
    for (const k of keys) {
      for (const s of slips(obj[k])) out.push(replace({ ...obj, [k]: s }));
      visit(obj[k], (v) => replace({ ...obj, [k]: v }));
    }
  };
  visit(doc, (v) => v);
  return out.slice(0, cap);
}

describe("stored validators (ajv standalone code)", () => {
  it("give the same verdicts and error objects as ajv's compiled validators, on every kind of file", () => {
    const stored = validatorsFromCode(code, set);
    let invalid = 0;
    const kinds = new Set<string>();
    for (const [rel, schema, doc] of bundledDocuments()) {
      for (const d of [doc, ...mutations(doc)]) {
        const a = compiled.get(schema)!;
        const b = stored.get(schema)!;
        const va = a(d);
        const vb = b(d);
        expect(vb, `${rel}: ${JSON.stringify(d).slice(0, 200)}`).toBe(va);
        // schema, parentSchema and data included (verbose): the messages read them.
        expect(b.errors, rel).toEqual(a.errors);
        if (!va) invalid++;
      }
      kinds.add(schema);
    }
    // Every schema was exercised, with many invalid documents (a test that compared nothing would pass).
    expect([...kinds].sort()).toEqual(set.files.map((f) => f.name));
    expect(invalid).toBeGreaterThan(1000);
  });

  it("are stored as ASCII (the schemas' Vietnamese texts as \\u escapes), and keep those texts", () => {
    expect(code).toMatch(/^[\x00-\x7e]*$/);
    const about = JSON.parse(set.files.find((f) => f.name === "about.schema.json")!.text) as { title: string };
    expect(about.title).toMatch(/[^\x00-\x7e]/);
    const v = validatorsFromCode(code, set).get("about.schema.json")!;
    v({ khong_co_truong_nay: 1 });
    expect((v.errors![0]!.parentSchema as { title: string }).title).toBe(about.title);
  });

  it("are refused when the code lacks a schema", () => {
    expect(() => validatorsFromCode(`"use strict";exports["about.schema.json"] = function () { return true; };`, set)).toThrow(/form\.schema\.json/);
  });
});

describe("check with the stored validators", () => {
  let fx: Fixture;
  let cacheDir: string;
  const storeDir = () => join(cacheDir, "validators");
  const storedFile = () => storedValidatorsPath(storeDir(), validatorKey(set));
  /** A check with the stored validators of this test's folder; the parse cache emptied first, so every file is validated. */
  const check = (workers = 0): CheckResult => {
    rmSync(join(cacheDir, "check-reports.json"), { force: true });
    return runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, load: { workers, cacheDir, ...(workers ? { mainParses: false } : {}) } });
  };
  const codes = (r: CheckResult) => r.diagnostics.map((d) => d.code);
  /** Stores `body` as the validators' code, with the line a stored file must start with. */
  const storeCode = (body: string) => {
    const sum = createHash("sha256").update(body).digest("hex");
    const key = validatorKey(set);
    mkdirSync(storeDir(), { recursive: true });
    writeFileSync(storedFile(), `// ajv standalone validators; key ${key}; sha256 ${sum}\n${body}`);
  };

  beforeEach(() => {
    fx = makeFixture();
    cacheDir = mkdtempSync(join(tmpdir(), "validator-store-"));
    // Slips the schemas catch, in every kind of file the fixture has.
    fx.edit(FILES.commune, "status: da_nop", "statu: da_nop");
    fx.edit(FILES.commune2, /submitted_on: .*/, "submitted_on: 31/8/2018");
    fx.edit(FILES.department, "disbursed: 420", "disbursed: -420");
    fx.edit(FILES.district, 'unit: "901"', "unit: 901");
    fx.edit("units.yaml", 'code: "00136"', "code: 00136");
    fx.write("project.yaml", `${fx.read("project.yaml").replace(/\n*$/, "\n")}repository:\n  url: github.com/to-chuc\n`);
  });
  afterEach(() => {
    fx.cleanup();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it("gives the same diagnostics from the stored code as from ajv's compiled schemas", () => {
    const first = check();
    expect(first.cacheWarnings).toEqual([]);
    expect(existsSync(storedFile())).toBe(true);
    expect(storedValidators(SCHEMAS, storeDir()).source).toBe("stored");
    const second = check();
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.cacheWarnings).toEqual([]);
    expect(codes(first)).toEqual(expect.arrayContaining(["SCHEMA_UNKNOWN_FIELD", "DATE_FORMAT", "SCHEMA_RANGE", "CODE_LEADING_ZERO", "SCHEMA_PATTERN"]));
  });

  it("uses the stored file, on this thread and in the parse workers (an altered file with a matching line shows through)", () => {
    // Only a test can do this: a stored report validator that fails every report with its own message.
    const marker = "đánh dấu của mã đã lưu";
    storeCode(`${code}\n;(function () { const v = function (d) { v.errors = [{ instancePath: "", schemaPath: "#", keyword: "marker", params: {}, message: ${JSON.stringify(marker)}, data: d }]; return false; }; exports["report.schema.json"] = v; })();\n`);
    const reports = readdirSync(join(fx.data, "reports"), { recursive: true }).map(String).filter((f) => f.endsWith(".yaml")).map((f) => fx.shown(`reports/${f}`)).sort();
    expect(reports.length).toBeGreaterThanOrEqual(5);
    for (const workers of [0, 1]) {
      const r = check(workers);
      const marked = r.diagnostics.filter((d) => d.code === "SCHEMA_CONSTRAINT" && d.message.includes(marker));
      expect([...new Set(marked.map((d) => d.file))].sort(), `workers: ${workers}`).toEqual(reports);
      expect(r.cacheWarnings).toEqual([]);
    }
  });

  it("replaces a corrupt stored file, with a warning, and gives the same diagnostics", () => {
    const cold = check();
    const good = readFileSync(storedFile(), "utf8");
    writeFileSync(storedFile(), good.replace("must have required property", "must have required propertx"));
    const r = check();
    expect(r.cacheWarnings.join("\n")).toMatch(/đã lưu .* bị hỏng/);
    expect(r.diagnostics).toEqual(cold.diagnostics);
    expect(readFileSync(storedFile(), "utf8")).toBe(good);
    const next = check();
    expect(next.cacheWarnings).toEqual([]);
    expect(next.diagnostics).toEqual(cold.diagnostics);
  });

  it("ignores a file made for other schemas or code that does not run, with a warning", () => {
    const cold = check();
    const good = readFileSync(storedFile(), "utf8");
    writeFileSync(storedFile(), good.replace(/key [0-9a-f]{64}/, `key ${"0".repeat(64)}`));
    expect(check().cacheWarnings.join("\n")).toMatch(/không khớp với lược đồ/);
    storeCode("exports[");
    const broken = check();
    expect(broken.cacheWarnings.join("\n")).toMatch(/bị hỏng/);
    expect(broken.diagnostics).toEqual(cold.diagnostics);
    expect(readFileSync(storedFile(), "utf8")).toBe(good);
  });
});
