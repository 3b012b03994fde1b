// The site built from data offers each unit's input workbook next to its other downloads, and
// the workbook a visitor downloads imports back without changing the unit's report.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, makeFixture, type Fixture } from "../check/fixture.js";
import { buildFixture } from "../build/build-fixture.js";
import { importFile } from "./helpers.js";

describe("the site's input workbooks", () => {
  let fx: Fixture;
  let out: string;
  beforeAll(async () => {
    fx = makeFixture();
    const built = await buildFixture(fx);
    if (!built.result.built) throw new Error("fixture build failed");
    out = built.out;
  }, 300_000);
  afterAll(() => {
    fx?.cleanup();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("links “Tải biểu nhập liệu (Excel)” on every unit page, next to the other downloads", () => {
    for (const code of ["99", "901", "00123", "00136", "so-ldtbxh"]) {
      const html = readFileSync(join(out, "don-vi", code, "index.html"), "utf8");
      const downloads = html.slice(html.indexOf('id="tai-ve"'));
      expect(downloads, code).toContain(`href="../../bieu-nhap-lieu/${code}.xlsx"`);
      expect(downloads, code).toContain("Tải biểu nhập liệu (Excel)");
      expect(existsSync(join(out, "bieu-nhap-lieu", `${code}.xlsx`)), code).toBe(true);
    }
  });

  it("the downloaded workbook imports back without changing the report", async () => {
    const before = fx.read(FILES.commune);
    const r = await importFile(join(out, "bieu-nhap-lieu", "00123.xlsx"), fx.data, fx.root);
    expect(r.problems).toEqual([]);
    expect(r.changed).toBe(false);
    expect(fx.read(FILES.commune)).toBe(before);
  });
});
