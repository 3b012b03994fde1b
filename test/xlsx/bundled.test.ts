// Round trip on the bundled data, a sample of each level (the bench times every unit):
// export → import without edits leaves each report file byte-identical. The data folder is a
// temporary copy, so a failure can never write into the repository.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../scripts/lib/dataset/load-dataset.js";
import { exportWorkbook } from "../../scripts/lib/xlsx/export.js";
import { importWorkbook } from "../../scripts/lib/xlsx/import.js";
import { workbookLayout } from "../../scripts/lib/xlsx/layout.js";
import { REPO, SCHEMAS } from "../check/fixture.js";
import { writeFile } from "./helpers.js";

const SAMPLE = {
  province: ["25"],
  district: ["227", "240"],
  commune: ["07888", "09622", "08545"],
  department: ["ban-dan-toc", "bhxh"],
};

describe("bundled data: export → import round trip", () => {
  let root: string;
  let loaded: ReturnType<typeof loadDataset>;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "xlsx-bundled-"));
    cpSync(join(REPO, "data"), join(root, "data"), { recursive: true, filter: (src) => !src.includes("/geo/") });
    loaded = loadDataset(join(root, "data"), SCHEMAS, root);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(Object.entries(SAMPLE).flatMap(([level, codes]) => codes.map((c) => [level, c])))("%s %s: its report is byte-identical after the round trip", async (level, code) => {
    const ds = loaded.dataset!;
    const unit = ds.units.get(code)!;
    expect(unit.level).toBe(level);
    const entry = ds.reports.find((r) => r.report.unit === code)!;
    const path = join(root, entry.file.path);
    const before = readFileSync(path);
    const file = writeFile(join(root, "upload", `${code}.xlsx`), await exportWorkbook(workbookLayout(ds, unit), entry.report));
    const r = await importWorkbook(file, join(root, "data"), loaded, SCHEMAS, root);
    expect(r.problems).toEqual([]);
    expect(r.target).toBe(entry.file.path);
    expect(r.changed).toBe(false);
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 30_000);
});
