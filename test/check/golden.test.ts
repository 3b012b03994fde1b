// Golden reports: one invalid fixture with problems in three files (an identity that does not
// hold, a misspelt indicator and a late submission in a commune; approval before submission in
// another; a misspelt field in a department; the district's roll-up warning that follows), printed
// by the real CLI as text, JSON and GitHub annotations. Paths are relative to the fixture's parent
// ("data/reports/…"), so the golden files hold no machine-specific path.
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, makeFixture, type Fixture } from "./fixture.js";

let fx: Fixture;
beforeAll(() => {
  fx = makeFixture();
  fx.edit(FILES.commune, "submitted_on: 2018-07-25", "submitted_on: 2018-08-03");
  fx.edit(FILES.commune, "ho_ngheo: {baseline: 150, y2016: 130", "ho_ngheo: {baseline: 150, y2016: 131");
  fx.edit(FILES.commune, "  ho_ngheo_dtts:", "  ho_ngheo_dts:");
  fx.edit(FILES.commune2, "approved_on: 2018-07-30", "approved_on: 2018-07-10");
  fx.edit(FILES.department, "status: da_nop", "statu: da_nop");
});
afterAll(() => fx.cleanup());

describe("golden reports of an invalid data folder", () => {
  for (const [format, golden] of [
    ["text", "./__golden__/invalid-report.txt"],
    ["json", "./__golden__/invalid-report.json"],
    ["github", "./__golden__/invalid-report.github.txt"],
  ] as const) {
    it(`--format ${format}`, async () => {
      const cli = fx.cli(format);
      expect(cli.stderr).toBe("");
      expect(cli.status).toBe(1);
      expect(cli.stdout).not.toContain(fx.root);
      expect(cli.stdout).not.toContain(tmpdir());
      await expect(cli.stdout).toMatchFileSnapshot(golden);
    });
  }
});
