// Shared by the workbook tests: export a unit's workbook from a data folder, edit it the way an
// officer would in Excel (through exceljs), import it, and fingerprint a data folder to prove
// that a refused workbook changed nothing.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadDataset } from "../../scripts/lib/dataset/load-dataset.js";
import { emptyReport } from "../../scripts/lib/workflow/new-report.js";
import { exportWorkbook } from "../../scripts/lib/xlsx/export.js";
import { importWorkbook, type ImportResult } from "../../scripts/lib/xlsx/import.js";
import { workbookLayout } from "../../scripts/lib/xlsx/layout.js";
import { address, type Binding, type WorkbookLayout } from "../../scripts/lib/xlsx/sheet.js";
import { reportOf } from "../../scripts/lib/xlsx/unit-report.js";
import { SCHEMAS } from "../check/fixture.js";

export async function exportUnit(dataDir: string, code: string, cwd: string): Promise<{ buf: Buffer; layout: WorkbookLayout }> {
  const ds = loadDataset(dataDir, SCHEMAS, cwd).dataset!;
  const layout = workbookLayout(ds, ds.units.get(code)!);
  return { buf: await exportWorkbook(layout, reportOf(ds, code)?.report ?? emptyReport(ds, ds.units.get(code)!)), layout };
}

/** Opens the workbook, lets `edit` change it, saves it again (as Excel would). */
export async function editWorkbook(buf: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function writeFile(path: string, bytes: Buffer | string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

export async function importFile(file: string, dataDir: string, cwd: string): Promise<ImportResult> {
  return importWorkbook(file, dataDir, loadDataset(dataDir, SCHEMAS, cwd), SCHEMAS, cwd);
}

/** The input cell bound to a value (sheet, address, row, column). */
export function inputCell(layout: WorkbookLayout, match: (b: Binding) => boolean): { sheet: string; address: string; row: number; col: number } {
  for (const s of layout.sheets) {
    const c = s.inputs.find((i) => match(i.binding));
    if (c) return { sheet: s.name, address: address(c.row, c.col), row: c.row, col: c.col };
  }
  throw new Error("no such input cell");
}

export const valueCell = (layout: WorkbookLayout, indicator: string, period: string) =>
  inputCell(layout, (b) => b.kind === "value" && b.indicator === indicator && b.period === period);

/** A hash of every file under a folder (paths and bytes). */
export function fingerprint(dir: string): string {
  const h = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest("hex");
}
