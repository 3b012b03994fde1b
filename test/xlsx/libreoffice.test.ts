// A workbook opened and saved by LibreOffice Calc (headless, its own profile) still imports: an
// untouched one changes nothing, and a number changed before the save arrives in the YAML.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, makeFixture, type Fixture } from "../check/fixture.js";
import { ensurePdfTools } from "../helpers/pdf.js";
import { editWorkbook, exportUnit, importFile, valueCell, writeFile } from "./helpers.js";

/** Opens `file` in LibreOffice Calc and saves it as .xlsx into outDir; returns the new path. */
function saveWithCalc(file: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  try {
    execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, file], { stdio: "pipe", timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, file.split("/").pop()!);
}

describe("a workbook saved by LibreOffice Calc", () => {
  let fx: Fixture;
  beforeAll(() => {
    ensurePdfTools();
    fx = makeFixture();
  });
  afterAll(() => fx?.cleanup());

  it("imports without change when untouched, and carries a changed number", async () => {
    const rel = FILES.commune;
    const before = fx.read(rel);
    const { buf, layout } = await exportUnit(fx.data, "00123", fx.root);
    const saved = saveWithCalc(writeFile(join(fx.root, "in/00123.xlsx"), buf), join(fx.root, "calc"));
    expect(readFileSync(saved).equals(buf)).toBe(false); // Calc wrote its own file
    const same = await importFile(saved, fx.data, fx.root);
    expect(same.problems).toEqual([]);
    expect(same.changed).toBe(false);
    expect(fx.read(rel)).toBe(before);

    const at = valueCell(layout, "ho_ngheo_dtts", "mid2018");
    const edited = await editWorkbook(buf, (wb) => (wb.getWorksheet(at.sheet)!.getCell(at.address).value = 27));
    const saved2 = saveWithCalc(writeFile(join(fx.root, "in2/00123.xlsx"), edited), join(fx.root, "calc2"));
    const r = await importFile(saved2, fx.data, fx.root);
    expect(r.problems).toEqual([]);
    expect(r.changed).toBe(true);
    expect(fx.read(rel)).toBe(before.replace("ho_ngheo_dtts: {baseline: 40, y2016: 35, y2017: 30, mid2018: 28}", "ho_ngheo_dtts: {baseline: 40, y2016: 35, y2017: 30, mid2018: 27}"));
    expect(fx.read(rel)).not.toBe(before);
  }, 180_000);
});
