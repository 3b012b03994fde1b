// The site's "Tải biểu nhập liệu (Excel)": every unit's input workbook (lib/xlsx/), pre-filled
// from its report file as written (re-read from the file's text: a --git build replaces the
// submission dates in memory, and the workbook must give back the file unchanged), or blank. The
// caller may give a faster reader of the same data (the build gives the check's fast parser); yaml
// reads a text it does not vouch for.
import { parse } from "yaml";
import type { Dataset } from "../model/dataset.js";
import type { ReportFile } from "../model/types.js";
import { emptyReport } from "../workflow/new-report.js";
import { workbookLayout } from "../xlsx/layout.js";
import type { WorkbookLayout } from "../xlsx/sheet.js";
import { workbookPath } from "./workbook-path.js";

/** A workbook's bytes from its layout and report (`job`, called when it is made): xlsx/export.ts,
 *  here or on a thread (render-pool.ts). */
export type ExportWorkbook = (job: () => { layout: WorkbookLayout; report: ReportFile }) => Promise<Uint8Array>;

/** xlsx/export.ts in this thread (exceljs loaded at the first workbook), one workbook at a time:
 *  one workbook's objects in memory, not every one's. */
let exporting: Promise<unknown> = Promise.resolve();
const exportHere: ExportWorkbook = (job) => {
  const made = exporting.then(async () => {
    const { exportWorkbook } = await import("../xlsx/export.js");
    const { layout, report } = job();
    return exportWorkbook(layout, report);
  });
  exporting = made.catch(() => {});
  return made;
};

/** Writes each unit's workbook through `write`, which is given the unit's report file (null: none),
 *  so that it may reuse a workbook made from the same file (see pipeline.ts); the text is read only
 *  when the workbook is made, and not kept. `read`: a text's data as yaml reads it, or undefined
 *  when it cannot vouch for the text. Every workbook is asked for at once, in unit order (the
 *  layouts made here, when each is made; the bytes by `exportWith`, on threads when given). */
export async function writeWorkbooks(
  ds: Dataset,
  write: (path: string, unit: string, file: { readonly text: string } | null, make: () => Promise<Uint8Array>) => Promise<unknown>,
  read: (text: string) => unknown = () => undefined,
  exportWith: ExportWorkbook = exportHere,
): Promise<number> {
  const reports = new Map(ds.reports.map((r) => [r.report.unit, r.file]));
  const written = [...ds.units.values()].map((unit) => {
    const file = reports.get(unit.code);
    const fromText = (text: string) => (read(text) ?? parse(text, { version: "1.2" })) as ReportFile;
    const report = () => (file !== undefined ? fromText(file.text) : emptyReport(ds, unit));
    return write(workbookPath(unit.code), unit.code, file ?? null, () => exportWith(() => ({ layout: workbookLayout(ds, unit), report: report() })));
  });
  await Promise.all(written);
  return written.length;
}
