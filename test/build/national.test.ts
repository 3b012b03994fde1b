// A generated nation (sample --national): four territory levels from data, the nation as root.
// A small one (2 provinces, ~2 districts each, ~3 communes per district) checks with no error and
// builds every unit's documents; the nation's report rolls its provinces up.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build as runBuild, check as runCheck, type BuildResult } from "../../scripts/lib/pipeline.js";
import { writeNation } from "../../scripts/lib/sample/national.js";
import { REPO, SCHEMAS } from "../check/fixture.js";
import { TEMPLATES } from "./build-fixture.js";

const tmp = mkdtempSync(join(tmpdir(), "nation-"));
const data = join(tmp, "data");
const out = join(tmp, "out");
let written: ReturnType<typeof writeNation>;
let built: BuildResult;

beforeAll(async () => {
  written = writeNation(join(REPO, "data"), data, SCHEMAS, { provinces: 2, districtsPerProvince: 2, communesPerDistrict: 3 }, 7);
  built = await runBuild({ dataDir: data, outDir: out, schemaDir: SCHEMAS, templateDir: TEMPLATES, workers: 0, site: false });
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("sample --national (2 provinces)", () => {
  it("writes a four-level tree rooted at the nation, with GSO-shaped codes", () => {
    const ds = written.loaded.dataset!;
    const territory = ds.project.levels.filter((l) => l.kind === "territory").map((l) => [l.id, l.parent]);
    expect(territory).toEqual([["nation", null], ["province", "nation"], ["district", "province"], ["commune", "district"]]);
    expect(ds.project.root).toBe("VN");
    const codes = (level: string) => [...ds.units.values()].filter((u) => u.level === level).map((u) => u.code);
    expect(codes("nation")).toEqual(["VN"]);
    expect(codes("province")).toEqual(["01", "02"]);
    expect(codes("district").length).toBe(4);
    expect(codes("district").every((c) => /^\d{3}$/.test(c))).toBe(true);
    expect(codes("commune").length).toBe(12);
    expect(codes("commune").every((c) => /^\d{5}$/.test(c))).toBe(true);
    expect(new Set([...ds.units.values()].map((u) => u.name)).size).toBe(ds.units.size);
  });

  it("is the same for the same seed", () => {
    const again = mkdtempSync(join(tmpdir(), "nation-again-"));
    try {
      writeNation(join(REPO, "data"), again, SCHEMAS, { provinces: 2, districtsPerProvince: 2, communesPerDistrict: 3 }, 7);
      for (const f of ["units.yaml", "project.yaml", "unit-flags.yaml", "catalogue/outline.yaml", "forms/B02.yaml"]) {
        expect(readFileSync(join(again, f), "utf8"), f).toBe(readFileSync(join(data, f), "utf8"));
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it("checks with no error, counting units per level", () => {
    const r = runCheck({ dataDir: data, schemaDir: SCHEMAS, cwd: tmp });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.summary.units).toMatchObject({ nation: 1, province: 2, district: 4, commune: 12 });
    // project, units, unit-flags, plan, the four catalogue files, the forms and the reports
    expect(r.summary.files).toBe(8 + readdirSync(join(data, "forms")).length + written.reports);
  });

  it("builds a report of every unit; the nation's rolls its provinces up", () => {
    expect(built.check.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(built.built).toBe(true);
    const ds = built.check.dataset!;
    for (const u of ds.units.values()) {
      expect(built.documents.filter((d) => d.unit === u.code && d.kind === "report").map((d) => d.format).sort(), u.code).toEqual(["docx", "html", "md"]);
    }
    const nationMd = built.documents.find((d) => d.unit === "VN" && d.kind === "report" && d.format === "md")!;
    const md = readFileSync(join(out, nationMd.path), "utf8");
    expect(md).toContain("Số liệu minh họa");
    expect(md).toContain("BAN CHỈ ĐẠO TRUNG ƯƠNG");
    expect(md).toContain("Kính gửi:\n\n- Thủ tướng Chính phủ");
    // Biểu 02 of the nation: one row per province, then the total.
    const b02 = md.slice(md.indexOf("**Biểu số 02**"));
    for (const p of ["01", "02"]) expect(b02).toContain(`| ${ds.units.get(p)!.name} |`);
    expect(b02).toMatch(/\| {2}\| \*\*Tổng cộng\*\* \|/);
  });
});
