// A value revised since the unit's previous submission (pull requests): VALUE_REVISED, with the
// threshold from data/catalogue/plausibility.yaml and the same silencing reasons as the other
// plausibility warnings (check-plausibility.ts).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import type { Dataset } from "../model/dataset.js";
import { indexCatalogue } from "../model/catalogue.js";
import type { Indicator } from "../model/types.js";
import { formatNumber } from "../text/format.js";
import { explained, num, percent, valuesOnly } from "./check-plausibility.js";

const isSubmitted = (status: unknown) => status === "da_nop" || status === "da_duyet";


/** The previous version of a report (the base branch's), as far as the revision rule needs it. */
export interface PreviousReport {
  status: unknown;
  values: Record<string, Record<string, unknown>>;
}

/** Warnings for values of a submitted report changed by more than the threshold since `previous` (by data-relative path). */
export function checkRevisions(ds: Dataset, previous: ReadonlyMap<string, PreviousReport>): Diagnostic[] {
  const rule = ds.plausibility?.revision;
  if (!rule) return [];
  const cat = indexCatalogue(ds.catalogue, ds.programme, ds.outline);
  // A stock is "at" a date (cuối năm 2017); anything else is "over" a period (năm 2017).
  const label = (ind: Indicator, id: string) => {
    const p = ds.project.periods.find((x) => x.id === id);
    if (!p) return id;
    return (ind.kind === "stock" || ind.kind === "mean" || p.flow_label === null ? p.stock_label : p.flow_label).toLowerCase();
  };
  const out: Diagnostic[] = [];
  const reports = [...ds.reports, ...ds.invalidReports.map(({ file, data }) => ({ file, report: valuesOnly(data) }))];
  for (const { file, report } of reports) {
    const before = previous.get(file.rel);
    if (!before || !isSubmitted(before.status)) continue;
    for (const [id, byPeriod] of Object.entries(report.values)) {
      const ind = cat.indicators.get(id);
      if (!ind || explained(report, id)) continue;
      for (const [p, v] of Object.entries(byPeriod)) {
        const a = num(before.values[id]?.[p]);
        const b = num(v);
        if (a === null || b === null || a === b || Math.max(a, b) < (rule.min_value ?? 0)) continue;
        if (a !== 0 && Math.abs(b - a) / Math.abs(a) <= rule.max_change) continue;
        out.push(
          diagnostic(
            "VALUE_REVISED",
            { name: ind.name, period: label(ind, p), a: formatNumber(a), b: formatNumber(b), change: a !== 0 ? ` (${percent(a, b)})` : "", limit: formatNumber(rule.max_change * 100, 0), id },
            { file, pointer: pointerOf(["values", id, p]) },
          ),
        );
      }
    }
  }
  return out;
}
