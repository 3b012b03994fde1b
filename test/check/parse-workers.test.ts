// Report files parsed on worker threads (a nation's check) give exactly the diagnostics, with
// lines, columns and code frames, and the data of a check on one thread, broken files included
// (here the workers parse every file; in use this thread takes its share too).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../scripts/lib/check.js";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import { FILES, SCHEMAS, makeFixture, type Fixture } from "./fixture.js";

let fx: Fixture;
let single: CheckResult;
let pooled: CheckResult;
const progress: [number, number][] = [];

beforeAll(() => {
  fx = makeFixture();
  fx.edit(FILES.commune, "status: da_nop", "status:da_nop"); // syntax
  fx.edit(FILES.commune2, /round: .*/, "round: 12"); // schema
  fx.edit(FILES.district, /submitted_on: .*/, "submitted_on: 31/8/2018"); // schema, with its own code
  fx.edit(FILES.drafting, "submitted_on: null", "submitted_on: 2018-07-20"); // a cross-file rule's warning, located after parsing
  fx.edit(FILES.department, "name: Vũ Thị Hạnh", "name: Vũ Thị Hạnh".normalize("NFD")); // a text the parser changes (NFC), sent back by the worker
  single = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, load: { workers: 0 } });
  pooled = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, load: { workers: 2, mainParses: false, progress: (d, t) => progress.push([d, t]) } });
}, 120_000);
afterAll(() => fx.cleanup());

describe("check with report files parsed on worker threads", () => {
  it("finds the same diagnostics at the same places", () => {
    expect(single.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["COLON_WITHOUT_SPACE", "DATE_FORMAT", "STATUS_DATE_UNEXPECTED", "TEXT_NOT_NFC"]));
    expect(single.diagnostics.find((d) => d.code === "STATUS_DATE_UNEXPECTED")).toMatchObject({ line: 5, column: 15 });
    expect(pooled.diagnostics).toEqual(single.diagnostics);
    expect(pooled.summary).toEqual(single.summary);
    const texts = (r: CheckResult) => [...r.sources.keys()].map((path) => [path, r.sources.get(path)]);
    expect(texts(pooled)).toEqual(texts(single));
  });

  it("assembles the same reports, valid and invalid", () => {
    const reports = (r: CheckResult) => r.dataset!.reports.map((x) => [x.file.rel, x.report]);
    expect(reports(pooled)).toEqual(reports(single));
    expect(pooled.dataset!.invalidReports.map((x) => x.file.rel)).toEqual(single.dataset!.invalidReports.map((x) => x.file.rel));
  });

  it("reports progress up to every report file", () => {
    const total = single.dataset!.reports.length + single.dataset!.invalidReports.length + 1; // + the file that does not parse
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1]![0])).toBe(true);
  });
});
