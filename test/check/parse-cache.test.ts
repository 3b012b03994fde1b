// The parse cache (check/build --cache DIR): a second check reads unchanged report files from it
// and finds exactly what a check without it finds; a changed file is parsed again; a corrupt
// entry or cache file is detected, ignored with a warning and rebuilt, never trusted.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CheckResult } from "../../scripts/lib/check.js";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import { FILES, SCHEMAS, makeFixture, type Fixture } from "./fixture.js";

let fx: Fixture;
let cacheDir: string;
const check = (cache: boolean) => runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, load: { workers: 0, ...(cache ? { cacheDir } : {}) } });
const same = (a: CheckResult, b: CheckResult) => {
  expect(a.diagnostics).toEqual(b.diagnostics);
  expect(a.summary).toEqual(b.summary);
  expect(a.dataset!.reports.map((r) => [r.file.rel, r.report])).toEqual(b.dataset!.reports.map((r) => [r.file.rel, r.report]));
};
const cacheFile = () => join(cacheDir, "check-reports.json");
type Entries = Record<string, { sum: string; outcome: { file: { rel: string; data: { status: string } } } }>;
/** The cache file: a JSON header line, then one line per entry, `key TAB sum TAB outcome-JSON`. */
const readCache = (): { head: string; entries: Entries } => {
  const [head, ...lines] = readFileSync(cacheFile(), "utf8").split("\n");
  return { head: head!, entries: Object.fromEntries(lines.filter((l) => l !== "").map((l) => l.split("\t")).map(([key, sum, json]) => [key, { sum, outcome: JSON.parse(json!) }])) as Entries };
};
/** An entry's sum as the cache writes it: the SHA-256 of its context and its outcome's JSON. */
const sumOf = (c: { head: string }, outcome: unknown) => createHash("sha256").update(`${(JSON.parse(c.head) as { context: string }).context}\0`).update(JSON.stringify(outcome)).digest("hex");
const writeCache = (c: { head: string; entries: Entries }) => writeFileSync(cacheFile(), [c.head, ...Object.entries(c.entries).map(([key, e]) => `${key}\t${e.sum}\t${JSON.stringify(e.outcome)}`)].join("\n"));
/** The file's last entry for `rel` (an edited file's new entry is appended after its old one). */
const entryOf = (c: { entries: Entries }, rel: string) => Object.values(c.entries).reverse().find((e) => e.outcome.file.rel === rel)!;

beforeEach(() => {
  fx = makeFixture();
  cacheDir = join(fx.root, ".cache");
  fx.edit(FILES.commune2, /submitted_on: .*/, "submitted_on: 31/8/2018"); // a schema error, cached with its file
});
afterEach(() => fx.cleanup());

describe("check --cache", () => {
  it("keeps the unit lists in a cache of their own, and never takes an invalid list from it", () => {
    const cold = check(false);
    check(true);
    const listsFile = join(cacheDir, "check-unit-lists.json");
    const [head, ...lines] = readFileSync(listsFile, "utf8").split("\n").filter((l) => l !== "");
    expect(lines.map((l) => (JSON.parse(l.split("\t")[2]!) as { file: { rel: string } }).file.rel).sort()).toEqual(["departments.yaml", "units.yaml"]);
    // Used: an entry altered with a matching checksum shows through (only a test can do this).
    const altered = lines.map((l) => {
      const [key, , json] = l.split("\t");
      const outcome = JSON.parse(json!) as { file: { rel: string; data: { units: { code: string; name: string }[] } } };
      if (outcome.file.rel === "units.yaml") outcome.file.data.units.find((u) => u.code === "901")!.name = "Thành phố Từ Bộ Nhớ Đệm";
      return `${key}\t${sumOf({ head: head! }, outcome)}\t${JSON.stringify(outcome)}`;
    });
    writeFileSync(listsFile, [head, ...altered].join("\n"));
    expect(check(true).dataset!.units.get("901")?.name).toBe("Thành phố Từ Bộ Nhớ Đệm");
    // An invalid list is parsed every time and not kept: the same result as without the cache.
    fx.edit("units.yaml", 'code: "901"', "code: 901");
    const invalid = check(false);
    expect(invalid.summary.errors).toBeGreaterThan(0);
    for (const again of [check(true), check(true)]) {
      expect(again.diagnostics).toEqual(invalid.diagnostics);
      expect(again.summary).toEqual(invalid.summary);
    }
    // Its header and departments.yaml's entry: the invalid units.yaml is not kept (nor its old version).
    const left = readFileSync(listsFile, "utf8").split("\n").filter((l) => l !== "");
    expect(left.slice(1).map((l) => (JSON.parse(l.split("\t")[2]!) as { file: { rel: string } }).file.rel)).toEqual(["departments.yaml"]);
    expect(cold.summary.errors).toBe(1);
  });

  it("reads entries longer than the part of the file it reads at a time, and the entries around them", () => {
    check(true);
    const listsFile = join(cacheDir, "check-unit-lists.json");
    const [head, ...lines] = readFileSync(listsFile, "utf8").split("\n").filter((l) => l !== "");
    const long = `Thành phố ${"Rất Dài ".repeat(300_000)}`; // 2,4 MB, more than two parts of 1 MB
    const altered = lines.map((l) => {
      const [key, , json] = l.split("\t");
      const outcome = JSON.parse(json!) as { file: { rel: string; data: { units: { code: string; name: string }[] } } };
      if (outcome.file.rel === "units.yaml") outcome.file.data.units.find((u) => u.code === "901")!.name = long;
      else outcome.file.data.units[0]!.name = "Sở Từ Bộ Nhớ Đệm";
      return `${key}\t${sumOf({ head: head! }, outcome)}\t${JSON.stringify(outcome)}`;
    });
    for (const order of [altered, [...altered].reverse()]) {
      writeFileSync(listsFile, [head, ...order].join("\n"));
      const again = check(true).dataset!;
      expect(again.units.get("901")?.name).toBe(long);
      expect([...again.units.values()].some((u) => u.name === "Sở Từ Bộ Nhớ Đệm")).toBe(true);
    }
  });

  it("keeps only the unit lists' current entries (a nation's units.yaml is 1,7 MB)", () => {
    const listsFile = join(cacheDir, "check-unit-lists.json");
    const entries = () => readFileSync(listsFile, "utf8").split("\n").filter((l) => l !== "").length - 1;
    check(true);
    expect(entries()).toBe(2);
    for (const name of ["Thành phố Bình An Mới", "Thành phố Bình An"]) {
      fx.edit("units.yaml", /name: Thành phố Bình An.*/, `name: ${name}`);
      expect(check(true).dataset!.units.get("901")?.name).toBe(name);
      expect(entries()).toBe(2);
    }
  });

  it("gives the same result from the cache as without it, and uses it", () => {
    const cold = check(false);
    same(check(true), cold);
    const warm = check(true);
    same(warm, cold);
    expect(warm.cacheWarnings).toEqual([]);
    // The entries are used: one altered with a matching checksum shows through (only a test can do this).
    const c = readCache();
    const e = entryOf(c, FILES.district);
    e.outcome.file.data.status = "da_duyet_tu_cache";
    e.sum = sumOf(c, e.outcome);
    writeCache(c);
    expect(check(true).dataset!.reports.find((r) => r.file.rel === FILES.district)?.report.status).toBe("da_duyet_tu_cache");
  });

  it("writes the cache file only when its entries change (a nation's is ~120 MB), and an edit's entry at its end", () => {
    check(true);
    // A mark the cache's own writer would not leave: still there after a check that used every entry and added none.
    const marked = `${readFileSync(cacheFile(), "utf8")}\n`;
    writeFileSync(cacheFile(), marked);
    check(true);
    expect(readFileSync(cacheFile(), "utf8")).toBe(marked);
    fx.edit(FILES.commune, "status: da_nop", "status: dang_soan");
    check(true);
    // Appended: the file as it was, then the edited file's new entry (its old one stays, unused).
    const appended = readFileSync(cacheFile(), "utf8");
    expect(appended.startsWith(marked)).toBe(true);
    expect(appended.slice(marked.length).split("\n")).toHaveLength(2);
    expect(entryOf(readCache(), FILES.commune).outcome.file.data.status).toBe("dang_soan");
    same(check(true), check(false));
  });

  it("is written anew, with only the entries used, once more than a tenth of them (at least 64) went unused", () => {
    check(true);
    const original = fx.read(FILES.commune);
    const versions = () => Object.values(readCache().entries).filter((e) => e.outcome.file.rel === FILES.commune).length;
    // Each edit (a comment: new bytes, same data) appends an entry and leaves the previous one unused.
    for (let i = 1; i <= 64; i++) {
      fx.write(FILES.commune, `${original}# lần sửa ${i}\n`);
      check(true);
    }
    expect(versions()).toBe(65);
    fx.write(FILES.commune, `${original}# lần sửa 65\n`);
    same(check(true), check(false));
    expect(versions()).toBe(1);
  });

  it("parses a changed file again", () => {
    check(true);
    fx.edit(FILES.commune, "status: da_nop", "status:da_nop");
    const warm = check(true);
    expect(warm.diagnostics.map((d) => d.code)).toContain("COLON_WITHOUT_SPACE");
    same(warm, check(false));
  });

  it("detects a corrupted entry, ignores it with a warning and rebuilds it", () => {
    check(true);
    const c = readCache();
    entryOf(c, FILES.district).outcome.file.data.status = "da_duyet_gia";
    writeCache(c);
    const r = check(true);
    expect(r.cacheWarnings.join("\n")).toContain("mục bị hỏng");
    same(r, check(false));
    expect(check(true).cacheWarnings).toEqual([]);
  });

  it("warns of a line that lost its fields and parses its file again", () => {
    check(true);
    const text = readFileSync(cacheFile(), "utf8");
    const lines = text.split("\n");
    const i = lines.findIndex((l) => l.includes(JSON.stringify(FILES.district)));
    lines[i] = lines[i]!.replace(/\t/g, " ");
    writeFileSync(cacheFile(), lines.join("\n"));
    const r = check(true);
    expect(r.cacheWarnings.join("\n")).toContain("mục bị hỏng");
    same(r, check(false));
    // Rewritten whole (the entry parsed again comes last).
    expect(readFileSync(cacheFile(), "utf8").split("\n").sort()).toEqual(text.split("\n").sort());
    expect(check(true).cacheWarnings).toEqual([]);
  });

  it("ignores a corrupt or foreign cache file with a warning", () => {
    check(true);
    writeFileSync(cacheFile(), readFileSync(cacheFile(), "utf8").slice(0, 500));
    const r = check(true);
    expect(r.cacheWarnings.join("\n")).toContain("bị hỏng");
    same(r, check(false));
    writeFileSync(cacheFile(), JSON.stringify({ format: 99, entries: {} }));
    expect(check(true).cacheWarnings.join("\n")).toContain("không đúng định dạng");
  });

  it("ignores a cache file whose first line runs past the part it reads of it, and writes it anew", () => {
    check(true);
    const text = readFileSync(cacheFile(), "utf8");
    const nl = text.indexOf("\n");
    writeFileSync(cacheFile(), `${text.slice(0, nl)}${" ".repeat(5000)}${text.slice(nl)}`); // still its JSON header
    const r = check(true);
    expect(r.cacheWarnings.join("\n")).toContain("bị hỏng");
    same(r, check(false));
    expect(readFileSync(cacheFile(), "utf8").indexOf("\n")).toBe(nl);
    expect(check(true).cacheWarnings).toEqual([]);
  });

  it.skipIf(!existsSync("/proc/self/fd"))("lets go of its files once read", () => {
    const open = () => readdirSync("/proc/self/fd").length;
    check(true);
    const before = open();
    check(true);
    fx.edit(FILES.commune2, /submitted_on: .*/, "submitted_on: 2018-07-30"); // an entry added
    check(true);
    expect(open()).toBe(before);
  });

  it("does not trust an entry appended, by a run that read it earlier, to a file since written for another context", () => {
    check(true);
    const stale = readFileSync(cacheFile(), "utf8").split("\n").find((l) => l.includes(JSON.stringify(FILES.district)))!;
    fx.write("units.yaml", `${fx.read("units.yaml")}  - code: "00139"\n    name: Xã Thử Nghiệm\n    short_name: Thử Nghiệm\n    type: xã\n    level: commune\n    parent: "902"\n    area: nong_thon\n`);
    check(true); // the file written anew, under the new unit codes
    writeFileSync(cacheFile(), `${readFileSync(cacheFile(), "utf8")}\n${stale}`);
    const r = check(true);
    expect(r.cacheWarnings.join("\n")).toContain("mục bị hỏng");
    same(r, check(false));
  });

  it("starts afresh when the unit codes change (schema messages depend on them)", () => {
    check(true);
    const c = readCache();
    const e = entryOf(c, FILES.district);
    e.outcome.file.data.status = "da_duyet_tu_cache";
    e.sum = sumOf(c, e.outcome);
    writeCache(c);
    fx.write("units.yaml", `${fx.read("units.yaml")}  - code: "00139"\n    name: Xã Thử Nghiệm\n    short_name: Thử Nghiệm\n    type: xã\n    level: commune\n    parent: "902"\n    area: nong_thon\n`);
    const r = check(true);
    expect(r.dataset!.reports.find((x) => x.file.rel === FILES.district)?.report.status).not.toBe("da_duyet_tu_cache");
    expect(r.cacheWarnings).toEqual([]);
    same(r, check(false));
  });
});
