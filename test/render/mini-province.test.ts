// The view stage end to end on a province small enough to read whole (test/fixtures/mini-province/:
// 1 city, 1 ward, 1 commune; its own small catalogue, a two-section outline and two annex forms):
// each report's .md is a golden file of a few KB. A change to the bundled catalogue or forms does
// not touch these goldens; a change to how a report is written does, and the diff is readable.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../scripts/lib/pipeline.js";
import { SCHEMAS, makeFixture, type Fixture } from "../check/fixture.js";
import { TEMPLATES } from "../build/build-fixture.js";

let fx: Fixture;
let out: string;
beforeAll(async () => {
  fx = makeFixture({ mini: true });
  out = mkdtempSync(join(tmpdir(), "mini-out-"));
  const result = await build({ dataDir: fx.data, outDir: out, schemaDir: SCHEMAS, templateDir: TEMPLATES, workers: 0, site: false });
  expect(result.check.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual([]);
  expect(result.built).toBe(true);
}, 120_000);
afterAll(() => {
  fx.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const REPORTS: Record<string, string> = {
  province: "documents/99-tinh-mau.md",
  district: "documents/901-thanh-pho-binh-an/901-thanh-pho-binh-an.md",
  commune: "documents/901-thanh-pho-binh-an/00123-phuong-hoa-binh.md",
};

describe("the mini province's reports (golden files)", () => {
  for (const [name, path] of Object.entries(REPORTS)) {
    it(`${name}: the .md matches its golden`, async () => {
      await expect(readFileSync(join(out, path), "utf8")).toMatchFileSnapshot(`./__golden__/mini-${name}.md`);
    });
  }
});
