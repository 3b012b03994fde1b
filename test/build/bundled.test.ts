// `build` on the bundled province writes the plan and a report for every unit, each in DOCX,
// HTML and Markdown, all listed in the manifest with their hashes. (The documents only: the
// site is covered by the fixture tests; this is the full 307-unit run, a couple of minutes.)
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuild, type BuildResult } from "../../scripts/lib/build.js";
import { REPO, SCHEMAS } from "../check/fixture.js";

const out = join(mkdtempSync(join(tmpdir(), "bundled-")), "dist");
let result: BuildResult;

beforeAll(async () => {
  result = await runBuild({ dataDir: join(REPO, "data"), outDir: out, schemaDir: SCHEMAS, templateDir: join(REPO, "templates"), site: false, workers: Math.max(1, Math.min(4, availableParallelism())) });
}, 900_000);
afterAll(() => rmSync(join(out, ".."), { recursive: true, force: true }));

describe("runBuild(bundled data)", () => {
  it("checks clean and writes the plan and every unit's report in three formats, all in the manifest", () => {
    expect(result.check.summary.errors).toBe(0);
    expect(result.built).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { documents: { unit: string; kind: string; format: string; path: string; sha256: string }[] };
    const units = [...result.check.dataset!.units.keys()];
    expect(units).toHaveLength(1 + 13 + 277 + 16);
    const reports = new Map<string, string[]>();
    for (const d of manifest.documents.filter((x) => x.kind === "report")) reports.set(d.unit, [...(reports.get(d.unit) ?? []), d.format]);
    expect([...reports.keys()].sort()).toEqual([...units].sort());
    for (const [unit, formats] of reports) expect(formats.sort(), unit).toEqual(["docx", "html", "md"]);
    expect(manifest.documents.filter((d) => d.kind === "plan").map((d) => d.format).sort()).toEqual(["docx", "html", "md"]);
    for (const d of manifest.documents.filter((_, i) => i % 37 === 0)) {
      expect(createHash("sha256").update(readFileSync(join(out, d.path))).digest("hex"), d.path).toBe(d.sha256);
    }
  });
});
