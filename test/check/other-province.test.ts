// The check runs on another province's data without a code change: the real CLI on the
// other-province fixture ("99" Tỉnh Mẫu) and on the bundled Phú Thọ data both exit 0, and the JSON
// summary counts each one's units per level.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, RUN_MJS, UNIT_COUNTS, makeFixture, type Fixture } from "./fixture.js";

interface JsonReport {
  diagnostics: { code: string; severity: string; file: string }[];
  summary: { files: number; errors: number; warnings: number; units: Record<string, number> };
}

/** `node scripts/run.mjs check …` (what `npm run check` starts) from `cwd`. */
const checkCli = (cwd: string, args: string[]) =>
  spawnSync(process.execPath, [RUN_MJS, "check", ...args], { cwd, encoding: "utf8", timeout: 120_000 });

describe("another province (fixture)", () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = makeFixture();
  });
  afterAll(() => fx.cleanup());

  it("npm run check -- --data <fixture> exits 0 and counts the fixture's units", () => {
    const cli = checkCli(REPO, ["--data", fx.data, "--format", "json"]);
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);
    const out = JSON.parse(cli.stdout) as JsonReport;
    expect(out.diagnostics).toEqual([]);
    expect(out.summary.units).toEqual(UNIT_COUNTS);
    expect(out.summary.errors).toBe(0);
  });

  it("the text summary names the levels with the project's nouns", () => {
    const cli = fx.cli("text");
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe("✔ Số liệu hợp lệ: 0 lỗi, 0 cảnh báo trong 21 tệp. Đơn vị: 1 tỉnh, 2 huyện, 5 xã, 2 sở, ngành.\n");
  });

  it("keeps codes with leading zeros as strings and the root as declared", () => {
    const r = fx.check();
    expect(r.ok).toBe(true);
    const ds = r.dataset!;
    expect(ds.project.root).toBe("99");
    expect(ds.units.get("99")?.name).toBe("Tỉnh Mẫu");
    expect([...ds.units.keys()].filter((c) => ds.units.get(c)!.level === "commune")).toEqual(["00123", "00126", "00130", "00133", "00136"]);
    expect(ds.reports.map((x) => x.report.unit).sort()).toEqual(["00123", "00126", "00130", "901", "so-ldtbxh"]);
  });
});

describe("the bundled data", () => {
  it("npm run check exits 0 with 1 province, 13 districts, 277 communes, 16 departments", () => {
    const r = checkCli(REPO, ["--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as JsonReport;
    expect(out.summary.units).toEqual({ province: 1, district: 13, commune: 277, department: 16 });
    expect(out.summary.errors).toBe(0);
    expect(out.diagnostics.every((d) => d.severity === "warning" && d.file.startsWith("data/reports/"))).toBe(true);
  });
});
