// Export → import without edits for every unit of a data folder, in memory (nothing written to
// the data): the report text the import would write must be the file's text, byte for byte.
// Used by `npm run bench` (timing over a whole province); the tests cover a sample.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LoadResult } from "../dataset/load-dataset.js";
import { emptyReport, type SchemaNode } from "../workflow/new-report.js";
import { applyWorkbook } from "./apply.js";
import { exportWorkbook } from "./export.js";
import { workbookLayout } from "./layout.js";
import { readWorkbook } from "./read.js";

export interface RoundTrip {
  units: number;
  identical: number;
  /** Codes whose report would change, or whose workbook was refused. */
  different: string[];
}

export async function roundTripAll(loaded: LoadResult, schema: SchemaNode): Promise<RoundTrip> {
  const ds = loaded.dataset;
  if (!ds) throw new Error("roundTripAll needs a loaded dataset");
  const dir = mkdtempSync(join(tmpdir(), "xlsx-round-trip-"));
  const out: RoundTrip = { units: 0, identical: 0, different: [] };
  try {
    for (const entry of ds.reports) {
      const unit = ds.units.get(entry.report.unit);
      if (!unit) continue;
      out.units++;
      const file = join(dir, `${unit.code}.xlsx`);
      writeFileSync(file, await exportWorkbook(workbookLayout(ds, unit), entry.report ?? emptyReport(ds, unit)));
      const read = await readWorkbook(file, file, ds);
      const after = read.problems.length ? null : applyWorkbook(ds, unit, entry.file.text, read.inputs, schema);
      if (after && !after.changed && after.text === entry.file.text) out.identical++;
      else out.different.push(unit.code);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
