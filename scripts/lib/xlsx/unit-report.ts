// The report file of a unit in a loaded dataset, if it has one (schema-valid or not).
import type { Dataset, LoadedReport } from "../model/dataset.js";

export function reportOf(ds: Dataset, code: string): LoadedReport | undefined {
  return ds.reports.find((r) => r.report.unit === code);
}
