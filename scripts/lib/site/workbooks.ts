// The site's "Tải biểu nhập liệu (Excel)": every unit's input workbook (lib/xlsx/), pre-filled
// from its report file as written (re-read from the file's text: a --git build replaces the
// submission dates in memory, and the workbook must give back the file unchanged), or blank.
import { parse } from "yaml";
import type { Dataset } from "../model/dataset.js";
import type { ReportFile } from "../model/types.js";
import { emptyReport } from "../workflow/new-report.js";
import { exportWorkbook } from "../xlsx/export.js";
import { workbookLayout } from "../xlsx/layout.js";
import { workbookPath } from "./workbook-path.js";


export async function writeWorkbooks(ds: Dataset, write: (path: string, bytes: Uint8Array) => void): Promise<number> {
  const reports = new Map(ds.reports.map((r) => [r.report.unit, r.file.text]));
  let n = 0;
  for (const unit of ds.units.values()) {
    const text = reports.get(unit.code);
    const report = text !== undefined ? (parse(text, { version: "1.2" }) as ReportFile) : emptyReport(ds, unit);
    write(workbookPath(unit.code), await exportWorkbook(workbookLayout(ds, unit), report));
    n++;
  }
  return n;
}
