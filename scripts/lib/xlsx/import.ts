// One workbook into the unit's report file: read it whole (read.ts); when anything in it cannot
// be read, return the problems and write nothing; otherwise write or update the report file at
// its place (apply.ts). Shared by `import-xlsx` and `convert-inbox`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { LoadResult } from "../dataset/load-dataset.js";
import type { Unit } from "../model/types.js";
import { reportPath } from "../units/paths.js";
import type { SchemaNode } from "../workflow/new-report.js";
import { applyWorkbook } from "./apply.js";
import type { WorkbookLayout } from "./sheet.js";
import { readWorkbook, type XlsxDiagnostic } from "./read.js";

export interface ImportResult {
  /** Path of the workbook as shown (relative to cwd). */
  shown: string;
  problems: XlsxDiagnostic[];
  /** Set when the workbook was read. */
  layout: WorkbookLayout | null;
  unit: Unit | null;
  /** The report file written (data-relative and as shown), when the workbook was read. */
  rel: string | null;
  target: string | null;
  created: boolean;
  changed: boolean;
}

export const shownPath = (path: string, cwd = process.cwd()) => relative(cwd, resolve(path)).split(sep).join("/");

export async function importWorkbook(file: string, dataDir: string, loaded: LoadResult, schemaDir: string, cwd = process.cwd()): Promise<ImportResult> {
  const ds = loaded.dataset;
  if (!ds) throw new Error("importWorkbook needs a loaded dataset");
  const shown = shownPath(file, cwd);
  const read = await readWorkbook(file, shown, ds);
  const none: ImportResult = { shown, problems: read.problems, layout: null, unit: null, rel: null, target: null, created: false, changed: false };
  if (read.problems.length || !read.layout) return none;
  const unit = read.layout.unit;
  // The unit's report where it is (even if invalid), else its canonical place.
  const existing = [...loaded.files.values()].find((f) => f.rel.startsWith("reports/") && (f.data as { unit?: unknown } | undefined)?.unit === unit.code);
  const rel = existing?.rel ?? reportPath(unit, { units: ds.units, levels: ds.levels });
  const target = join(dataDir, rel);
  const schema = JSON.parse(readFileSync(join(schemaDir, "report.schema.json"), "utf8")) as SchemaNode;
  const before = existsSync(target) ? readFileSync(target, "utf8") : null;
  const result = applyWorkbook(ds, unit, before, read.inputs, schema);
  if (result.changed) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, result.text);
  }
  return { shown, problems: [], layout: read.layout, unit, rel, target: shownPath(target, cwd), created: before === null, changed: result.changed };
}
