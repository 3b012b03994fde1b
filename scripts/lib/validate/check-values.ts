// The numbers inside each report: known indicators and periods, whole counts, the stock-flow
// identity, breakdowns within their totals, rates within 0–100; the money records in
// check-finance.ts, the narrative in check-narrative.ts.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import { suggest } from "../diagnostics/suggest.js";
import type { Dataset, LoadedReport } from "../model/dataset.js";
import { INTEGER_KINDS, indexCatalogue, type CatalogueIndex } from "../model/catalogue.js";
import { disjointGroups } from "../model/form-rows.js";
import { VI_THOUSANDS, formatNumber } from "../text/format.js";
import { checkFinance } from "./check-finance.js";
import { checkNarrative } from "./check-narrative.js";

export function checkValues(ds: Dataset): Diagnostic[] {
  return ds.reports.flatMap(reportValues(ds));
}

/** The rules of one report's numbers, money and narrative: they read the report and what every
 *  report shares (project, units, catalogue, forms), never another report (cache/rules-cache.ts). */
export function reportValues(ds: Dataset): (r: LoadedReport) => Diagnostic[] {
  const cat = indexCatalogue(ds.catalogue, ds.programme, ds.outline);
  return (r) => {
    const entries = checkEntries(ds, cat, r);
    // A number typed wrong (1.234) would also break identities and rates: report it alone.
    const mistyped = entries.some((d) => d.code.startsWith("NUMBER_"));
    return [...entries, ...(mistyped ? [] : [...checkIdentities(ds, cat, r), ...checkParts(ds, cat, r), ...checkRequires(ds, cat, r)]), ...checkFinance(ds, cat, r), ...checkNarrative(ds, cat, r)];
  };
}

/** A value's JSON pointer; built only when needed (a module function, not a closure per value:
 *  a nation's reports hold over a million values). */
function valuePointer(id: string, period: string): string {
  return pointerOf(["values", id, period]);
}

function checkEntries(ds: Dataset, cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  const periodLabel = new Map(ds.project.periods.map((p) => [p.id, p.id]));
  const missing: string[] = [];
  for (const [id, byPeriod] of Object.entries(report.values)) {
    const ind = cat.indicators.get(id);
    if (!ind) {
      out.push(diagnostic("VALUE_UNKNOWN_INDICATOR", { id, suggestion: suggest(id, cat.indicators.keys()) ?? "" }, { file, pointer: pointerOf(["values", id]), on: "key" }));
      continue;
    }
    if (ind.computed) {
      out.push(diagnostic("VALUE_COMPUTED_INDICATOR", { id, name: ind.name }, { file, pointer: pointerOf(["values", id]), on: "key" }));
      continue;
    }
    for (const [period, value] of Object.entries(byPeriod)) {
      if (!ind.periods.includes(period) || !periodLabel.has(period)) {
        out.push(diagnostic("VALUE_UNKNOWN_PERIOD", { name: ind.name, period, allowed: ind.periods.join(", ") }, { file, pointer: valuePointer(id, period), on: "key" }));
        continue;
      }
      if (value === null) {
        missing.push(`${id}.${period}`);
        continue;
      }
      const typed = file.dotted.size > 0 ? (file.dotted.get(valuePointer(id, period)) ?? "") : "";
      if ((INTEGER_KINDS.has(ind.kind) || ind.kind === "money") && VI_THOUSANDS.test(typed)) {
        out.push(diagnostic("NUMBER_THOUSANDS_SEPARATOR", { actual: typed, read: formatNumber(value, 3), suggestion: typed.replace(/\./g, "") }, { file, pointer: valuePointer(id, period) }));
      } else if (INTEGER_KINDS.has(ind.kind) && !Number.isInteger(value)) {
        out.push(diagnostic("NUMBER_NOT_INTEGER", { indicator: ind.name, unit: ind.unit, actual: typed || String(value) }, { file, pointer: valuePointer(id, period) }));
      }
    }
  }
  const submitted = report.status === "da_nop" || report.status === "da_duyet";
  if (submitted) missing.push(...leftOut(ds, cat, report));
  if (missing.length && submitted) {
    const list = missing.slice(0, 6).join(", ") + (missing.length > 6 ? ", …" : "");
    const first = missing[0]!.split(".");
    const pointer = report.values[first[0]!] ? pointerOf(["values", first[0]!, ...(report.values[first[0]!]![first[1]!] !== undefined ? [first[1]!] : [])]) : "/values";
    out.push(diagnostic("REPORT_INCOMPLETE", { count: missing.length, list }, { file, pointer, on: "key" }));
  }
  return out;
}

/** A submitted report of the lowest level must carry the figures the identities and breakdowns
 *  are checked on, for every period: a deleted line counts as a value left out ("id.period"). */
function leftOut(ds: Dataset, cat: CatalogueIndex, report: LoadedReport["report"]): string[] {
  const unit = ds.units.get(report.unit);
  const level = unit ? ds.levels.get(unit.level) : undefined;
  const lowest = level?.kind === "territory" && !ds.project.levels.some((l) => l.parent === level.id && l.kind === "territory");
  if (!lowest) return [];
  const missing: string[] = [];
  const required = requiredIndicators(ds);
  for (const id of required) {
    const ind = cat.indicators.get(id);
    for (const p of ind?.periods ?? []) if (report.values[id]?.[p] === undefined) missing.push(`${id}.${p}`);
  }
  // A breakdown given for a period is given in full (its total and every part).
  for (const b of ds.catalogue.breakdowns ?? []) {
    if (required.includes(b.total)) continue;
    for (const [p, v] of Object.entries(report.values[b.total] ?? {})) {
      if (v === null) continue;
      for (const id of b.parts) if (report.values[id]?.[p] === undefined) missing.push(`${id}.${p}`);
    }
  }
  return missing;
}

/** Indicators a lowest-level report must give: the identities' stocks and flows, the breakdowns
 *  of those, and their denominators. */
function requiredIndicators(ds: Dataset): string[] {
  const ids = new Set<string>();
  for (const i of ds.catalogue.identities) for (const id of [i.stock, ...i.minus, ...i.plus]) ids.add(id);
  for (const b of ds.catalogue.breakdowns ?? []) if (ids.has(b.total)) for (const id of b.parts) ids.add(id);
  for (const ind of ds.catalogue.indicators) if (ind.aggregate.rule === "ratio" && ids.has(ind.aggregate.numerator)) ids.add(ind.aggregate.denominator);
  return [...ids];
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function checkIdentities(ds: Dataset, cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  const periods = ds.project.periods;
  for (const idn of ds.catalogue.identities) {
    const stock = report.values[idn.stock];
    if (!stock) continue;
    for (let i = 1; i < periods.length; i++) {
      const p = periods[i]!.id;
      const closing = num(stock[p]);
      const opening = num(stock[periods[i - 1]!.id]);
      const minus = idn.minus.map((f) => num(report.values[f]?.[p]));
      const plus = idn.plus.map((f) => num(report.values[f]?.[p]));
      if (closing === null || opening === null || minus.includes(null) || plus.includes(null)) continue;
      const m = (minus as number[]).reduce((a, b) => a + b, 0);
      const pl = (plus as number[]).reduce((a, b) => a + b, 0);
      const expected = opening - m + pl;
      if (expected === closing) continue;
      const name = cat.indicators.get(idn.stock)?.name ?? idn.stock;
      out.push(
        diagnostic(
          "VALUE_STOCK_FLOW",
          {
            name,
            period: ds.project.periods[i]!.stock_label.toLowerCase(),
            actual: formatNumber(closing),
            opening: formatNumber(opening),
            minus: formatNumber(m),
            plus: formatNumber(pl),
            expected: formatNumber(expected),
            flows: [...idn.minus, ...idn.plus].join(", "),
            diff: formatNumber(closing - expected),
          },
          { file, pointer: pointerOf(["values", idn.stock, p]) },
        ),
      );
    }
  }
  return out;
}

function checkParts(ds: Dataset, cat: CatalogueIndex, loaded: LoadedReport): Diagnostic[] {
  return [partsWithinTotals, ratesInRange, disjointSums, breakdownSums].flatMap((check) => check(ds, cat, loaded));
}

/** A part above its total, or a part given without its total. */
function partsWithinTotals(ds: Dataset, cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, byPeriod] of Object.entries(report.values)) {
    const ind = cat.indicators.get(id);
    if (!ind?.part_of) continue;
    const total = cat.indicators.get(ind.part_of);
    for (const [p, v] of Object.entries(byPeriod)) {
      const t = num(report.values[ind.part_of]?.[p]);
      if (num(v) !== null && (v as number) > 0 && t === null && total?.periods.includes(p) && !total.computed) {
        const args = { name: ind.name, actual: formatNumber(v as number), totalName: total.name.toLowerCase(), total: ind.part_of, period: periodLabel(ds, p) };
        out.push(diagnostic("VALUE_PART_WITHOUT_TOTAL", args, { file, pointer: pointerOf(["values", id, p]) }));
        continue;
      }
      if (num(v) === null || t === null || (v as number) <= t) continue;
      out.push(
        diagnostic(
          "VALUE_PART_EXCEEDS",
          { name: ind.name, actual: formatNumber(v as number), totalName: (total?.name ?? ind.part_of).toLowerCase(), total: formatNumber(t), period: periodLabel(ds, p) },
          { file, pointer: pointerOf(["values", id, p]) },
        ),
      );
    }
  }
  return out;
}

/** A rate of a report's own numerator and denominator outside 0–100 %. */
function ratesInRange(ds: Dataset, cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ind of cat.indicators.values()) {
    if (ind.aggregate.rule !== "ratio") continue;
    const { numerator, denominator, scale } = ind.aggregate;
    for (const [p, v] of Object.entries(report.values[numerator] ?? {})) {
      const n = num(v);
      const d = num(report.values[denominator]?.[p]);
      if (n === null || d === null || d === 0) continue;
      const rate = (n / d) * scale;
      if (rate >= 0 && rate <= 100) continue;
      if (cat.indicators.get(numerator)?.part_of === denominator) continue; // already reported as a part above its total
      out.push(
        diagnostic(
          "VALUE_RATE_RANGE",
          { name: ind.name, period: periodLabel(ds, p), rate: formatNumber(rate, 2), numerator: cat.indicators.get(numerator)?.name ?? numerator, denominator: cat.indicators.get(denominator)?.name ?? denominator },
          { file, pointer: pointerOf(["values", numerator, p]) },
        ),
      );
    }
  }
  return out;
}

/** The forms' disjoint groups, resolved once per dataset (not once per report). */
const disjointOf = new WeakMap<Dataset["forms"], ReturnType<typeof disjointGroups>>();

function disjointGroupsOnce(forms: Dataset["forms"]): ReturnType<typeof disjointGroups> {
  let groups = disjointOf.get(forms);
  if (!groups) disjointOf.set(forms, (groups = disjointGroups(forms)));
  return groups;
}

/** Disjoint parts of a total (a form's group) adding up to more than it. */
function disjointSums(ds: Dataset, cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const b of disjointGroupsOnce(ds.forms)) {
    for (const [p, v] of Object.entries(report.values[b.total] ?? {})) {
      const parts = b.parts.map((id) => num(report.values[id]?.[p]));
      const given = parts.filter((x): x is number => x !== null);
      const sum = given.reduce((x, y) => x + y, 0);
      if (num(v) === null || given.length < 2 || sum <= (v as number)) continue;
      const name = (id: string) => cat.indicators.get(id)?.name ?? id;
      const first = b.parts.find((id) => num(report.values[id]?.[p]) !== null)!;
      out.push(
        diagnostic(
          "VALUE_PARTS_SUM_EXCEEDS",
          { parts: b.parts.filter((_, k) => parts[k] !== null).map(name).join(" + "), sum: formatNumber(sum), totalName: name(b.total).toLowerCase(), total: formatNumber(v as number), period: periodLabel(ds, p) },
          { file, pointer: pointerOf(["values", first, p]) },
        ),
      );
    }
  }
  return out;
}

/** A breakdown whose parts do not add up to its total. */
function breakdownSums(ds: Dataset, cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const b of ds.catalogue.breakdowns ?? []) {
    for (const [p, v] of Object.entries(report.values[b.total] ?? {})) {
      const parts = b.parts.map((id) => num(report.values[id]?.[p]));
      if (num(v) === null || parts.includes(null)) continue;
      const sum = (parts as number[]).reduce((x, y) => x + y, 0);
      if (sum === v) continue;
      const name = (id: string) => cat.indicators.get(id)?.name ?? id;
      out.push(
        diagnostic(
          "VALUE_BREAKDOWN_SUM",
          { parts: b.parts.map(name).join(" + "), sum: formatNumber(sum), totalName: name(b.total).toLowerCase(), total: formatNumber(v as number), period: periodLabel(ds, p) },
          { file, pointer: pointerOf(["values", b.parts[0]!, p]) },
        ),
      );
    }
  }
  return out;
}

/** An indicator declared as needing another (trainees need classes) is above 0 only when that one is. */
function checkRequires(ds: Dataset, cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, byPeriod] of Object.entries(report.values)) {
    const ind = cat.indicators.get(id);
    if (!ind?.requires) continue;
    for (const [p, v] of Object.entries(byPeriod)) {
      const need = num(report.values[ind.requires]?.[p]);
      if (num(v) === null || (v as number) <= 0 || (need !== null && need > 0)) continue;
      const required = cat.indicators.get(ind.requires);
      const args = { name: ind.name, actual: formatNumber(v as number), requiredName: (required?.name ?? ind.requires).toLowerCase(), required: need === null ? "để trống" : formatNumber(need), period: periodLabel(ds, p) };
      out.push(diagnostic("VALUE_REQUIRES", args, { file, pointer: pointerOf(["values", id, p]) }));
    }
  }
  return out;
}

function periodLabel(ds: Dataset, id: string): string {
  return ds.project.periods.find((p) => p.id === id)?.stock_label.toLowerCase() ?? id;
}
