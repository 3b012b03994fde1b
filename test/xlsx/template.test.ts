// The workbooks filled in from a template (xlsx/template.ts) must be the very bytes exceljs writes
// with the values in: on the bundled data (units in order, so that later units reuse the templates
// of earlier ones), and on values chosen to be awkward (XML characters, spaces and line breaks kept
// in the shared strings, a text equal to a label, dates, decimals, empty cells).
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../scripts/lib/dataset/load-dataset.js";
import type { ReportFile } from "../../scripts/lib/model/types.js";
import { emptyReport } from "../../scripts/lib/workflow/new-report.js";
import { exportWithExceljs, exportWorkbook } from "../../scripts/lib/xlsx/export.js";
import { workbookLayout } from "../../scripts/lib/xlsx/layout.js";
import type { WorkbookLayout } from "../../scripts/lib/xlsx/sheet.js";
import { REPO, SCHEMAS } from "../check/fixture.js";

describe("input workbooks filled in from a template", () => {
  let root: string;
  let ds: NonNullable<ReturnType<typeof loadDataset>["dataset"]>;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "xlsx-template-"));
    cpSync(join(REPO, "data"), join(root, "data"), { recursive: true, filter: (src) => !src.includes("/geo/") });
    ds = loadDataset(join(root, "data"), SCHEMAS, root).dataset!;
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const same = async (layout: WorkbookLayout, report: ReportFile) => {
    const filled = await exportWorkbook(layout, report);
    const direct = await exportWithExceljs(layout, report);
    return filled.equals(direct);
  };

  it("gives exceljs's bytes for the bundled units of every level (every unit but two communes in three)", async () => {
    const reports = new Map(ds.reports.map((r) => [r.report.unit, r.report]));
    let commune = 0;
    const differ: string[] = [];
    let checked = 0;
    for (const unit of ds.units.values()) {
      if (unit.level === "commune" && commune++ % 3 !== 0) continue;
      checked++;
      if (!(await same(workbookLayout(ds, unit), reports.get(unit.code) ?? emptyReport(ds, unit)))) differ.push(unit.code);
    }
    expect(checked).toBeGreaterThan(100);
    expect(differ).toEqual([]);
  }, 120_000);

  it("gives exceljs's bytes for awkward texts, dates, decimals and empty cells", async () => {
    const entry = ds.reports.find((r) => r.report.unit === "07888")!;
    const unit = ds.units.get("07888")!;
    const layout = workbookLayout(ds, unit);
    const base = structuredClone(entry.report);
    const narrative = Object.keys(base.narrative);
    const variants: ReportFile[] = [
      {
        ...base,
        narrative: { ...base.narrative, [narrative[0]!]: `  Lề đầu & <b>"trích"</b> 'đơn'\n\nđoạn hai\t\u0001`, [narrative[1]!]: "Mã đơn vị" },
        document: { ...base.document, number: unit.name, signer: { ...base.document.signer, name: " Nguyễn Văn A " }, recipients: ["Như trên;", "Lưu: VT."] },
      },
      { ...base, submitted_on: "2018-02-29", approved_on: null, document: { ...base.document, date: "2018-12-31" } },
      { ...base, values: Object.fromEntries(Object.entries(base.values).map(([id, byPeriod], i) => [id, Object.fromEntries(Object.entries(byPeriod).map(([p, v]) => [p, v === null ? null : i % 2 ? 1234567.891 : 0.1 + 0.2]))])) },
      emptyReport(ds, unit),
    ];
    for (const report of variants) expect(await same(layout, report)).toBe(true);
  }, 60_000);

  it("fills in a cell outside the sheet's texts, and leaves a value of another kind to exceljs", async () => {
    const unit = ds.units.get("07888")!;
    const layout: WorkbookLayout = {
      unit,
      round: "r",
      version: "v",
      sheets: [{ name: "Thông tin chung", widths: [10, 10, 10], bodyRow: 2, merges: [], fixed: [{ row: 1, col: 1, role: "title", text: "T" }], inputs: [{ row: 4, col: 3, type: "text", binding: { kind: "info", field: "number" }, decimals: 0 }] }],
    };
    const report = (number: unknown) => ({ ...emptyReport(ds, unit), document: { ...emptyReport(ds, unit).document, number } }) as ReportFile;
    expect(await same(layout, report("15"))).toBe(true);
    expect(await same(layout, report(""))).toBe(true);
    expect(await same(layout, report(true))).toBe(true);
  });
});
