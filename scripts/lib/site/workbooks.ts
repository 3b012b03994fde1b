// The site's "Tải biểu nhập liệu (Excel)": every unit's input workbook (lib/xlsx/), pre-filled
// from its report file as written (re-read from the file's text: a --git build replaces the
// submission dates in memory, and the workbook must give back the file unchanged), or blank. The
// caller may give a faster reader of the same data (the build gives the check's fast parser); yaml
// reads a text it does not vouch for.
import { parse } from "yaml";
import type { Dataset } from "../model/dataset.js";
import type { ReportFile } from "../model/types.js";
import { emptyReport } from "../workflow/new-report.js";
import { exportWorkbook } from "../xlsx/export.js";
import { workbookLayout } from "../xlsx/layout.js";
import { workbookPath } from "./workbook-path.js";


/** Writes each unit's workbook through `write`, which is given the unit's report text (null: none),
 *  so that it may reuse a workbook made from the same text (see pipeline.ts). `read`: a text's
 *  data as yaml reads it, or undefined when it cannot vouch for the text. */
export async function writeWorkbooks(ds: Dataset, write: (path: string, unit: string, text: string | null, make: () => Promise<Uint8Array>) => Promise<unknown>, read: (text: string) => unknown = () => undefined): Promise<number> {
  const reports = new Map(ds.reports.map((r) => [r.report.unit, r.file.text]));
  let n = 0;
  for (const unit of ds.units.values()) {
    const text = reports.get(unit.code);
    const report = () => (text !== undefined ? ((read(text) ?? parse(text, { version: "1.2" })) as ReportFile) : emptyReport(ds, unit));
    await write(workbookPath(unit.code), unit.code, text ?? null, async () => exportWorkbook(workbookLayout(ds, unit), report()));
    n++;
  }
  return n;
}
