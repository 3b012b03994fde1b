// ROLLUP_MISMATCH: a district (or the province) declares a number that differs from the sum of
// its children's reports. Only checked when every child has reported, so the sum is final.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import type { Dataset } from "../model/dataset.js";
import { formatNumber } from "../text/format.js";
import type { Tree } from "./roll-up.js";

function periodLabel(ds: Dataset, id: string, flow: boolean): string {
  const p = ds.project.periods.find((x) => x.id === id);
  return ((flow ? p?.flow_label : p?.stock_label) ?? id).toLowerCase();
}

/** The rule on the pipeline's one roll-up (pipeline.ts `check`). */
export function rollupDiagnostics(ds: Dataset, tree: Tree): Diagnostic[] {
  const files = new Map(ds.reports.map((r) => [r.report.unit, r.file]));
  const indicators = new Map(ds.catalogue.indicators.map((i) => [i.id, i]));
  const out: Diagnostic[] = [];
  for (const fig of tree.figures.values()) {
    const file = files.get(fig.unit.code);
    if (!file || !fig.rolled || !fig.coverage.complete || fig.coverage.total === 0) continue;
    for (const [id, byP] of Object.entries(fig.declared)) {
      const ind = indicators.get(id);
      if (ind?.aggregate.rule !== "sum" || ind.computed) continue;
      for (const [p, declared] of Object.entries(byP)) {
        const rolled = fig.rolled[id]?.[p];
        if (rolled === undefined || rolled === declared) continue;
        const parts = fig.feeding.flatMap((code) => {
          const value = tree.figures.get(code)?.effective[id]?.[p];
          return value === undefined ? [] : [{ code, value }];
        });
        const top = parts.sort((a, b) => b.value - a.value || (a.code < b.code ? -1 : 1)).slice(0, 3);
        out.push(
          diagnostic(
            "ROLLUP_MISMATCH",
            {
              name: ind.name,
              period: periodLabel(ds, p, ind.kind === "flow" || ind.kind === "count"),
              declared: formatNumber(declared),
              rolled: formatNumber(rolled),
              count: fig.coverage.total,
              diff: formatNumber(declared - rolled),
              children: top.map((t) => `${ds.units.get(t.code)?.name ?? t.code} (${formatNumber(t.value)})`).join(", "),
            },
            { file, pointer: pointerOf(["values", id, p]) },
          ),
        );
      }
    }
  }
  return out;
}
