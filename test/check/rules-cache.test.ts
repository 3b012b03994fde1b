// The rules cache (check/build --cache DIR): each report's own rules are judged again only when its
// file, or what every report shares (code, schemas, project and options, every other data file),
// changed; a check with it finds exactly what a check without it finds; a corrupt cache file is
// ignored with a warning, never trusted.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CheckResult } from "../../scripts/lib/check.js";
import type { Diagnostic } from "../../scripts/lib/diagnostics/diagnostic.js";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import { FILES, SCHEMAS, makeFixture, only, type Fixture } from "./fixture.js";

let fx: Fixture;
let cacheDir: string;
const check = (cache: boolean, asOf?: string, submittedAt?: Map<string, string>) =>
  runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, load: { workers: 0, ...(cache ? { cacheDir } : {}) }, ...(asOf ? { asOf } : {}), ...(submittedAt ? { submittedAt } : {}) });
const same = (a: CheckResult, b: CheckResult) => {
  expect(a.diagnostics).toEqual(b.diagnostics);
  expect(a.summary).toEqual(b.summary);
};
const rulesFile = () => join(cacheDir, "check-rules.json");

/** A diagnostic no rule makes, put in every entry of the cache that found nothing (with a matching
 *  sum: only a test can do this), so that an entry used shows through. */
const MARK: Diagnostic = { code: "NARRATIVE_EMPTY", severity: "warning", message: "từ bộ nhớ đệm", hint: "", file: "data/x.yaml", pointer: "", line: 1, column: 1 };
function markEmptyEntries(): number {
  const [head, body] = readFileSync(rulesFile(), "utf8").split(/\n(.*)/s) as [string, string];
  const entries = JSON.parse(body) as Record<string, Diagnostic[]>;
  let marked = 0;
  for (const [key, found] of Object.entries(entries)) if (found.length === 0) (entries[key] = [MARK]), marked++;
  const next = JSON.stringify(entries);
  const header = { ...(JSON.parse(head) as object), sum: createHash("sha256").update(next).update("\0").digest("hex") };
  writeFileSync(rulesFile(), `${JSON.stringify(header)}\n${next}`);
  return marked;
}
const marks = (r: CheckResult) => r.diagnostics.filter((d) => d.message === MARK.message).length;

beforeEach(() => {
  fx = makeFixture();
  cacheDir = join(fx.root, ".cache");
  // A rule of the report's own numbers: 1.200 read as 1,2 (a thousands dot).
  fx.edit(FILES.commune, "ho_dan_cu: {baseline: 1200", "ho_dan_cu: {baseline: 1.200");
});
afterEach(() => fx.cleanup());

describe("check --cache: each report's own rules", () => {
  it("finds with the cache what it finds without, and judges again only the report that changed, from its new text", () => {
    const cold = check(false);
    const [dot] = only(cold, "NUMBER_THOUSANDS_SEPARATOR");
    expect(dot?.file).toBe(fx.shown(FILES.commune));
    same(check(true), cold);
    const warm = check(true);
    same(warm, cold);
    expect(warm.cacheWarnings).toEqual([]);
    const marked = markEmptyEntries();
    expect(marked).toBeGreaterThan(3);
    expect(marks(check(true))).toBe(marked);
    // A line above the commune's values: its diagnostic moves down one line; the others are kept.
    fx.write(FILES.commune, `# một dòng ghi chú\n${fx.read(FILES.commune)}`);
    const edited = check(true);
    expect(only(edited, "NUMBER_THOUSANDS_SEPARATOR").map((d) => d.line)).toEqual([dot!.line + 1]);
    expect(marks(edited)).toBe(marked);
    // Another report edited: its entry (marked) is judged again, the rest kept.
    fx.write(FILES.district, `# một dòng ghi chú\n${fx.read(FILES.district)}`);
    expect(marks(check(true))).toBe(marked - 1);
  });

  it("keeps a report's file and status findings too, while a second file for a unit is judged across the files every time", () => {
    // Submitted after the communes' deadline (31/7), and a second file for the same commune.
    fx.edit(FILES.commune, "submitted_on: 2018-07-25", "submitted_on: 2018-08-03");
    const copy = FILES.commune.replace(".yaml", "-ban-sao.yaml");
    fx.write(copy, fx.read(FILES.commune));
    const cold = check(false);
    // "…-ban-sao.yaml" sorts before "….yaml": the copy is the first file, the commune's own the second.
    expect(only(cold, "STATUS_LATE").map((d) => d.file)).toEqual([fx.shown(copy), fx.shown(FILES.commune)]);
    expect(only(cold, "REPORT_DUPLICATE").map((d) => d.file)).toEqual([fx.shown(FILES.commune)]);
    check(true);
    expect(readFileSync(rulesFile(), "utf8")).toContain('"code":"STATUS_LATE"'); // kept with the report's other findings
    const marked = markEmptyEntries();
    const warm = check(true);
    expect(marks(warm)).toBe(marked);
    expect(warm.diagnostics.filter((d) => d.message !== MARK.message)).toEqual(cold.diagnostics);
    // The copy removed: no duplicate any more, and the commune's entry still kept.
    fx.remove(copy);
    const after = check(true);
    expect(only(after, "REPORT_DUPLICATE")).toEqual([]);
    expect(only(after, "STATUS_LATE").map((d) => d.file)).toEqual([fx.shown(FILES.commune)]);
    expect(after.diagnostics.filter((d) => d.message !== MARK.message)).toEqual(check(false).diagnostics);
  });

  it("judges a report again when git gives it another submission date", () => {
    check(true);
    const marked = markEmptyEntries();
    const git = new Map([[FILES.district, "2018-08-24"]]);
    const r = check(true, undefined, git);
    expect(r.dataset!.reports.find((x) => x.file.rel === FILES.district)?.report.submitted_on).toBe("2018-08-24");
    expect(marks(r)).toBe(marked - 1);
    expect(r.diagnostics.filter((d) => d.message !== MARK.message)).toEqual(check(false, undefined, git).diagnostics);
  });

  it("judges every report again when what they all read changes: another data file, --as-of", () => {
    check(true);
    const marked = markEmptyEntries();
    expect(marks(check(true))).toBe(marked);
    const early = check(true, "2018-08-01");
    expect(marks(early)).toBe(0);
    same(early, check(false, "2018-08-01"));
    check(true);
    markEmptyEntries();
    fx.write("units.yaml", `${fx.read("units.yaml")}# một dòng ghi chú\n`);
    const r = check(true);
    expect(marks(r)).toBe(0);
    same(r, check(false));
  });

  it("ignores a corrupt or foreign cache file with a warning, and writes it anew", () => {
    check(true);
    const text = readFileSync(rulesFile(), "utf8");
    writeFileSync(rulesFile(), text.replace("[]", `[${JSON.stringify(MARK)}]`)); // the sum no longer holds
    const r = check(true);
    expect(r.cacheWarnings.join("\n")).toContain("check-rules.json bị hỏng");
    expect(marks(r)).toBe(0);
    same(r, check(false));
    expect(check(true).cacheWarnings).toEqual([]);
    writeFileSync(rulesFile(), `${JSON.stringify({ format: 99 })}\n{}`);
    expect(check(true).cacheWarnings.join("\n")).toContain("không đúng định dạng");
  });
});
