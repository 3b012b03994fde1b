// The money records of each report (Biểu 04-05): known components, sources and periods, numbers
// typed with thousands dots, disbursed within plan, and the programme's funding rules.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import { suggest } from "../diagnostics/suggest.js";
import type { CatalogueIndex } from "../model/catalogue.js";
import type { Dataset, LoadedReport } from "../model/dataset.js";
import type { FinanceRecord, Unit } from "../model/types.js";
import { VI_THOUSANDS, formatNumber } from "../text/format.js";

export function checkFinance(ds: Dataset, cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  const flowPeriods = ds.project.periods.filter((p) => p.flow_label !== null).map((p) => p.id);
  report.finance.forEach((f, i) => {
    const ref = (field: string, what: string, id: string, allowed: string[]) => {
      if (allowed.includes(id)) return true;
      out.push(diagnostic("FINANCE_UNKNOWN_REF", { what, id, suggestion: suggest(id, allowed) ?? "", allowed: allowed.join(", ") }, { file, pointer: pointerOf(["finance", i, field]) }));
      return false;
    };
    // Money typed 1.500 (Vietnamese thousands) reads as 1,5 triệu: flag it as in values.
    let typo = false;
    for (const field of ["plan", "disbursed"] as const) {
      const pointer = pointerOf(["finance", i, field]);
      const typed = file.dotted.get(pointer) ?? "";
      if (!VI_THOUSANDS.test(typed)) continue;
      out.push(diagnostic("NUMBER_THOUSANDS_SEPARATOR", { actual: typed, read: formatNumber(f[field], 3), suggestion: typed.replace(/\./g, "") }, { file, pointer }));
      typo = true;
    }
    const ok = [
      ref("component", "Dự án, tiểu dự án", f.component, [...cat.components.keys()]),
      ref("source", "Nguồn vốn", f.source, [...cat.sources.keys()]),
      ref("period", "Kỳ", f.period, flowPeriods),
    ].every(Boolean);
    if (ok) out.push(...checkFundingRules(ds, cat, file, report.unit, f, i));
    if (ok && !typo && f.disbursed > f.plan) {
      out.push(
        diagnostic(
          "FINANCE_OVER_PLAN",
          { disbursed: formatNumber(f.disbursed), plan: formatNumber(f.plan), component: f.component, source: cat.sources.get(f.source)?.name ?? f.source, period: f.period },
          { file, pointer: pointerOf(["finance", i, "disbursed"]) },
        ),
      );
    }
  });
  return out;
}

/** The programme's funding rules: a component's money only from its sources, and money of a
 *  component reserved for flagged areas (Chương trình 135) only where such an area is managed. */
function checkFundingRules(ds: Dataset, cat: CatalogueIndex, file: LoadedReport["file"], unitCode: string, f: FinanceRecord, i: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const comp = cat.components.get(f.component);
  const parent = comp?.parent ? cat.components.get(comp.parent) : undefined;
  const byIndicators = new Set(ds.programme.source_groups.filter((g) => g.indicators).map((g) => g.id));
  const allowed = comp?.sources ?? parent?.sources ?? ds.programme.sources.filter((s) => !byIndicators.has(s.group)).map((s) => s.id);
  const sourceName = (id: string) => cat.sources.get(id)?.name ?? id;
  const compName = `Dự án, tiểu dự án ${f.component}`;
  if (!allowed.includes(f.source)) {
    const group = ds.programme.source_groups.find((g) => g.id === cat.sources.get(f.source)?.group);
    const extra = group?.indicators ? `${sourceName(f.source)} được khai báo một lần bằng các chỉ tiêu ${group.indicators.join(", ")} (Biểu 07), không ghi trong phần finance.` : "";
    out.push(diagnostic("FINANCE_SOURCE_NOT_ALLOWED", { component: compName, componentName: comp?.name ?? f.component, source: sourceName(f.source).toLowerCase(), period: f.period, allowed: allowed.map(sourceName).join("; "), extra }, { file, pointer: pointerOf(["finance", i, "source"]) }));
  }
  const flags = comp?.requires_flag ?? parent?.requires_flag;
  const unit = ds.units.get(unitCode);
  if (flags && unit && !managesFlag(ds, unit, flags)) {
    const labels = flags.map((fl) => ds.flags?.labels[fl] ?? fl).join(", ");
    out.push(diagnostic("FINANCE_FLAG_REQUIRED", { unit: unit.name, component: compName, flags: labels.toLowerCase() }, { file, pointer: pointerOf(["finance", i, "component"]) }));
  }
  return out;
}

/** By flag, the codes of the units that carry it and of every unit above them (once per dataset: a nation has 11 000 units). */
const flagHolders = new WeakMap<Dataset, Map<string, Set<string>>>();

function holdersOf(ds: Dataset): Map<string, Set<string>> {
  let holders = flagHolders.get(ds);
  if (holders) return holders;
  holders = new Map();
  for (const u of ds.units.values()) {
    for (const fl of u.flags ?? []) {
      const codes = holders.get(fl) ?? new Set<string>();
      holders.set(fl, codes);
      for (let c: Unit | undefined = u; c && !codes.has(c.code); c = c.parent ? ds.units.get(c.parent) : undefined) codes.add(c.code);
    }
  }
  flagHolders.set(ds, holders);
  return holders;
}

/** The unit, or a unit below it, carries one of the flags; an agency manages its whole province. */
function managesFlag(ds: Dataset, unit: Unit, flags: readonly string[]): boolean {
  const top = ds.levels.get(unit.level)?.kind === "agency" ? ds.project.root : unit.code;
  const holders = holdersOf(ds);
  return flags.some((fl) => holders.get(fl)?.has(top) === true);
}
