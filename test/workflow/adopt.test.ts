// Adopting the tool for another province, as the README says, with the real commands: a copy
// of data/, import-units of a small GSO list (test/fixtures/gso-other-province.csv: 2 districts,
// 5 communes), project.yaml's root and the departments' parent changed, then sample, check and
// build; dist/manifest.json lists that province's units.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, runScript } from "./helpers.js";

const CSV = join(REPO, "test/fixtures/gso-other-province.csv");

describe("another province, from its GSO list to dist/", () => {
  let root: string;
  const data = () => join(root, "data");
  const rows = Papa.parse<Record<string, string>>(readFileSync(CSV, "utf8"), { header: true, skipEmptyLines: true }).data;
  const province = rows[0]!.province_code!;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "adopt-"));
    cpSync(join(REPO, "data"), data(), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const replaceIn = (rel: string, from: RegExp, to: string) => {
    const file = join(data(), rel);
    const text = readFileSync(file, "utf8");
    expect(from.test(text), `${rel}: ${String(from)}`).toBe(true);
    writeFileSync(file, text.replace(from, to));
  };

  it("import-units, edit project.yaml and departments.yaml, sample, check (exit 0)", () => {
    const imported = runScript("import-units", [CSV, "--data", "data"], root);
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("1 province, 2 district, 5 commune");
    const oldRoot = /^root: "(\d+)"$/m.exec(readFileSync(join(data(), "project.yaml"), "utf8"))![1]!;
    replaceIn("project.yaml", /^root: "\d+"$/m, `root: "${province}"`);
    replaceIn("departments.yaml", new RegExp(`parent: "${oldRoot}"`, "g"), `parent: "${province}"`);

    const sampled = runScript("sample", ["--data", "data"], root);
    expect(sampled.status, sampled.stderr).toBe(0);
    const checked = runScript("check", ["--data", "data"], root);
    expect(checked.stdout).toContain("✔ Số liệu hợp lệ: 0 lỗi");
    expect(checked.stdout).toContain("Đơn vị: 1 tỉnh, 2 huyện, 5 xã");
    expect(checked.status).toBe(0);
  });

  it("build (exit 0): the manifest lists the province's units and no others of its level", () => {
    const built = runScript("build", ["--data", "data", "--out", "out"], root, 240_000);
    expect(built.status, built.stdout + built.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(root, "out/manifest.json"), "utf8")) as { documents: { unit: string; level: string; kind: string; path: string }[] };
    const territory = new Set(manifest.documents.filter((d) => d.kind === "report" && d.level !== "department").map((d) => d.unit));
    expect([...territory].sort()).toEqual([province, ...rows.map((r) => r.code!)].sort());
    const commune = rows.find((r) => r.level === "commune")!;
    const district = rows.find((r) => r.code === commune.parent_code)!;
    expect(manifest.documents.map((d) => d.path)).toContain(`documents/${district.code}-${slug(district.name!)}/${commune.code}-${slug(commune.name!)}.docx`);
  }, 300_000);
});

function slug(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
