// Plausibility warnings: figures that are valid but hard to believe, with thresholds from
// data/catalogue/plausibility.yaml (see model/plausibility.ts). Each is a warning at the value
// at fault; a reason in the report's `notes:` block (per indicator) or a finance row's `note:`
// silences it. No thresholds file, no plausibility rule.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import { suggest } from "../diagnostics/suggest.js";
import type { Dataset, LoadedReport } from "../model/dataset.js";
import { indexCatalogue, type CatalogueIndex } from "../model/catalogue.js";
import type { JumpRule, Plausibility } from "../model/plausibility.js";
import type { Indicator, Period, ReportFile } from "../model/types.js";
import { formatNumber, formatSigned } from "../text/format.js";

/** A usable figure; negative ones are schema errors already, not judged again here. */
export const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null);

/** A reason given for this indicator (or, for a rate, for its numerator or denominator). */
export function explained(report: Pick<ReportFile, "notes">, ...ids: string[]): boolean {
  return ids.some((id) => (report.notes?.[id] ?? "").trim() !== "");
}

export function percent(a: number, b: number): string {
  return `${formatSigned(((b - a) / a) * 100, 1)}%`;
}

const MAD_SCALE = 1.4826;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Ctx {
  ds: Dataset;
  cat: CatalogueIndex;
  rules: Plausibility;
  periodLabel: (id: string) => string;
}

export function checkPlausibility(ds: Dataset): Diagnostic[] {
  const rules = plausibility(ds);
  return [...ds.reports.flatMap(rules.report), ...rules.across()];
}

/** The plausibility rules of one report (`report`: they read the report and the thresholds, never
 *  another report; cache/rules-cache.ts keeps what they find), and those `across` reports: the
 *  reports that failed their schema, and the outliers among siblings. */
export function plausibility(ds: Dataset): { report: (r: LoadedReport) => Diagnostic[]; across: () => Diagnostic[] } {
  const cat = indexCatalogue(ds.catalogue, ds.programme, ds.outline);
  const rules = ds.plausibility;
  const labels = new Map(ds.project.periods.map((p) => [p.id, p.stock_label.toLowerCase()]));
  const ctx: Ctx | null = rules ? { ds, cat, rules, periodLabel: (id) => labels.get(id) ?? id } : null;
  return {
    // A reason under an indicator that does not exist is refused with or without thresholds.
    report: (r) => [...unknownNotes(cat, r), ...(ctx ? [...jumps(ctx, r), ...constantFlows(ctx, r), ...financeWithoutPlan(ctx, r), ...planWithoutActivity(ctx, r)] : [])],
    across: () => {
      if (!ctx) return [];
      // A report that failed its schema (a negative count, a typo) still has its other values
      // judged, so a reviewer sees every problem of a pull request at once.
      const invalid = ds.invalidReports.map(({ file, data }) => ({ file, report: valuesOnly(data) }));
      return [...invalid.flatMap((r) => [...jumps(ctx, r), ...constantFlows(ctx, r)]), ...outliers(ctx)];
    },
  };
}

/** The thresholds file names indicators: each must exist, and the outlier rule's must be rates. */
export function checkPlausibilityCatalogue(ds: Dataset): Diagnostic[] {
  const file = ds.files.get("catalogue/plausibility.yaml");
  const rules = ds.plausibility;
  if (!file || !rules) return [];
  const indicators = new Map(ds.catalogue.indicators.map((i) => [i.id, i]));
  const out: Diagnostic[] = [];
  for (const id of Object.keys(rules.jump?.indicators ?? {})) {
    if (!indicators.has(id)) out.push(diagnostic("CATALOGUE_UNKNOWN_REF", { what: "Chỉ tiêu", id }, { file, pointer: pointerOf(["jump", "indicators", id]), on: "key" }));
  }
  (rules.outlier?.indicators ?? []).forEach((id, k) => {
    const ind = indicators.get(id);
    if (!ind || ind.aggregate.rule !== "ratio") out.push(diagnostic("CATALOGUE_UNKNOWN_REF", { what: "Chỉ tiêu tỷ lệ (aggregate: ratio)", id }, { file, pointer: pointerOf(["outlier", "indicators", k]) }));
  });
  return out;
}

export type ValuesOnly = Pick<ReportFile, "values" | "notes">;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The values and notes of a report as parsed, whatever else is wrong with it (non-numbers are skipped by num()). */
export function valuesOnly(data: unknown): ValuesOnly {
  const d = isRecord(data) ? data : {};
  const values: ValuesOnly["values"] = {};
  if (isRecord(d.values)) for (const [id, byP] of Object.entries(d.values)) if (isRecord(byP)) values[id] = byP as Record<string, number | null>;
  const notes: Record<string, string> = {};
  if (isRecord(d.notes)) for (const [id, n] of Object.entries(d.notes)) if (typeof n === "string") notes[id] = n;
  return { values, notes };
}

/** A reason given for an indicator that does not exist silences nothing: say so, with the closest id. */
function unknownNotes(cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  return Object.keys(report.notes ?? {})
    .filter((id) => !cat.indicators.has(id))
    .map((id) => diagnostic("VALUE_UNKNOWN_INDICATOR", { id, suggestion: suggest(id, cat.indicators.keys()) ?? "" }, { file, pointer: pointerOf(["notes", id]), on: "key" }));
}

// --- a stock that jumps between consecutive periods -----------------------------------------

/** What is wrong with the change a → b over `years`, or null when it is within the rule. */
function jumpBeyond(rule: JumpRule, a: number, b: number, years: number): string | null {
  if (Math.max(a, b) < (rule.min_value ?? 0)) return null;
  if (rule.max_factor !== undefined) {
    // Between consecutive periods (a year or less) the factor itself; over a gap of n > 1 years
    // (a period left out), the factor to the power n.
    const factor = rule.max_factor ** Math.max(1, years);
    const f = formatNumber(factor, 1).replace(/,0$/, "");
    if (b > a * factor) return factor === 2 ? "tăng hơn gấp đôi" : `tăng hơn ${f} lần`;
    if (b * factor < a) return factor === 2 ? "giảm còn chưa đến một nửa" : `giảm còn chưa đến 1/${f}`;
  }
  if (rule.max_change_per_year !== undefined && a > 0 && years > 0) {
    const allowed = rule.max_change_per_year * years;
    const span = years === 1 ? "một năm" : years < 1 ? `${formatNumber(years * 12, 0)} tháng` : `${formatNumber(years, 1).replace(/,0$/, "")} năm`;
    if (Math.abs(b - a) / a > allowed) return `${b > a ? "tăng" : "giảm"} quá ${formatNumber(allowed * 100, 1).replace(/,0$/, "")}% trong ${span}`;
  }
  return null;
}

function jumps({ ds, cat, rules }: Ctx, { file, report }: { file: LoadedReport["file"]; report: ValuesOnly }): Diagnostic[] {
  const jump = rules.jump;
  if (!jump) return [];
  const out: Diagnostic[] = [];
  const periods = new Map(ds.project.periods.map((p, i) => [p.id, { ...p, index: i }]));
  for (const [id, byPeriod] of Object.entries(report.values)) {
    const ind = cat.indicators.get(id);
    if (!ind || ind.computed || !jump.kinds.includes(ind.kind) || explained(report, id)) continue;
    // The indicator's own rule refines the default (what it does not set, the default gives).
    const rule = { ...jump.default, ...jump.indicators?.[id] };
    // Each value against the indicator's previous value that was given (a period may be skipped,
    // as the deprivation counts skip end-2016), over the years between them.
    const series = [...ind.periods]
      .map((pid) => ({ p: periods.get(pid), v: num(byPeriod[pid]) }))
      .filter((x): x is { p: NonNullable<typeof x.p>; v: number } => x.p !== undefined && x.v !== null)
      .sort((x, y) => x.p.index - y.p.index);
    for (let i = 1; i < series.length; i++) {
      const prev = series[i - 1]!;
      const cur = series[i]!;
      const years = ds.project.periods.slice(prev.p.index + 1, cur.p.index + 1).reduce((sum, p) => sum + p.years, 0);
      const beyond = jumpBeyond(rule, prev.v, cur.v, years);
      if (!beyond) continue;
      out.push(
        diagnostic(
          "VALUE_JUMP",
          { name: ind.name, from: atDate(prev.p.stock_label), to: atDate(cur.p.stock_label), a: formatNumber(prev.v), b: formatNumber(cur.v), change: prev.v > 0 ? ` (${percent(prev.v, cur.v)})` : "", beyond, id },
          { file, pointer: pointerOf(["values", id, cur.p.id]) },
        ),
      );
    }
  }
  return out;
}

/** "cuối năm 2017", "tại 30/6/2018": a stock's date as a sentence says it. */
function atDate(label: string): string {
  const l = label.charAt(0).toLocaleLowerCase("vi") + label.slice(1);
  return /^\d/.test(l) ? `tại ${l}` : l;
}

// --- a flow with the same value in every period ---------------------------------------------

function constantFlows({ cat, rules }: Ctx, { file, report }: { file: LoadedReport["file"]; report: ValuesOnly }): Diagnostic[] {
  const rule = rules.constant_flow;
  if (!rule) return [];
  const out: Diagnostic[] = [];
  for (const [id, byPeriod] of Object.entries(report.values)) {
    const ind = cat.indicators.get(id);
    if (!ind || ind.kind !== "flow" || ind.periods.length < 2 || explained(report, id)) continue;
    const values = ind.periods.map((p) => num(byPeriod[p]));
    const first = values[0];
    if (first === null || first === undefined || first < rule.min_value || !values.every((v) => v === first)) continue;
    out.push(diagnostic("VALUE_FLOW_CONSTANT", { name: ind.name, value: formatNumber(first), count: values.length, id }, { file, pointer: pointerOf(["values", id, ind.periods[ind.periods.length - 1]!]) }));
  }
  return out;
}

// --- money that does not match activity -----------------------------------------------------

function financeWithoutPlan({ ds, cat, rules }: Ctx, { file, report }: LoadedReport): Diagnostic[] {
  if (!rules.finance?.disbursed_without_plan) return [];
  const period = (id: string) => {
    const p = ds.project.periods.find((x) => x.id === id);
    return p ? (p.flow_label ?? p.stock_label).toLowerCase() : id;
  };
  return report.finance.flatMap((f, i) =>
    f.plan === 0 && f.disbursed > 0 && !f.note?.trim()
      ? [
          diagnostic(
            "FINANCE_NO_PLAN",
            { disbursed: formatNumber(f.disbursed), unit: ds.project.money_unit, component: f.component, source: (cat.sources.get(f.source)?.name ?? f.source).toLowerCase(), period: period(f.period) },
            { file, pointer: pointerOf(["finance", i, "disbursed"]) },
          ),
        ]
      : [],
  );
}

/** Indicators that measure a component's activity: those catalogued under it or under one of its sub-components. */
function activityOf(cat: CatalogueIndex, component: string): Indicator[] {
  return [...cat.indicators.values()].filter((i) => !i.computed && i.component !== undefined && (i.component === component || i.component.startsWith(`${component}.`)));
}

function planWithoutActivity({ ds, cat, rules }: Ctx, { file, report }: LoadedReport): Diagnostic[] {
  if (!rules.finance?.plan_without_activity) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  report.finance.forEach((f, i) => {
    if (f.plan <= 0 || seen.has(f.component)) return;
    seen.add(f.component);
    if (report.finance.some((g) => g.component === f.component && g.note?.trim())) return;
    const indicators = activityOf(cat, f.component);
    const reported = indicators.flatMap((ind) => Object.values(report.values[ind.id] ?? {}).map(num).filter((v): v is number => v !== null));
    if (!reported.length || reported.some((v) => v > 0)) return;
    const plan = report.finance.filter((g) => g.component === f.component).reduce((s, g) => s + g.plan, 0);
    out.push(
      diagnostic(
        "FINANCE_NO_ACTIVITY",
        { component: f.component, name: cat.components.get(f.component)?.name ?? f.component, plan: formatNumber(plan), unit: ds.project.money_unit, indicators: indicators.map((x) => x.name.toLowerCase()).slice(0, 3).join("; ") + (indicators.length > 3 ? "; …" : "") },
        { file, pointer: pointerOf(["finance", i, "plan"]) },
      ),
    );
  });
  return out;
}

// --- a unit far from its siblings -----------------------------------------------------------

interface RatePoint {
  loaded: LoadedReport;
  rate: number;
}

function outliers({ ds, cat, rules, periodLabel }: Ctx): Diagnostic[] {
  const rule = rules.outlier;
  if (!rule) return [];
  const out: Diagnostic[] = [];
  for (const id of rule.indicators) {
    const ind = cat.indicators.get(id);
    if (!ind || ind.aggregate.rule !== "ratio") continue;
    const { numerator, denominator, scale } = ind.aggregate;
    for (const period of ind.periods) {
      const groups = new Map<string, RatePoint[]>();
      for (const loaded of ds.reports) {
        const unit = ds.units.get(loaded.report.unit);
        if (!unit?.parent) continue;
        const n = num(loaded.report.values[numerator]?.[period]);
        const d = num(loaded.report.values[denominator]?.[period]);
        if (n === null || d === null || d === 0) continue;
        // Siblings of the same kind: rural communes with rural communes, wards and towns with theirs.
        const key = `${unit.parent}|${unit.level}|${unit.area ?? ""}`;
        groups.set(key, [...(groups.get(key) ?? []), { loaded, rate: (n / d) * scale }]);
      }
      for (const [key, points] of groups) {
        if (points.length < rule.min_siblings) continue;
        const m = median(points.map((p) => p.rate));
        // The MAD scaled to estimate a standard deviation (×1,4826 for normally distributed data).
        const mad = MAD_SCALE * median(points.map((p) => Math.abs(p.rate - m)));
        const parent = ds.units.get(key.split("|")[0]!);
        const limit = Math.max(rule.mads * mad, rule.min_difference ?? 0);
        for (const { loaded, rate } of points) {
          const gap = Math.abs(rate - m);
          if (gap <= rule.mads * mad || gap < (rule.min_difference ?? 0) || explained(loaded.report, id, numerator, denominator)) continue;
          out.push(
            diagnostic(
              "VALUE_OUTLIER",
              {
                name: ind.name,
                period: periodLabel(period),
                rate: formatNumber(rate, 2),
                direction: rate > m ? "cao" : "thấp",
                median: formatNumber(m, 2),
                low: formatNumber(Math.max(0, m - limit), 1),
                high: formatNumber(m + limit, 1),
                parent: parent?.name ?? "",
                count: points.length,
                id,
              },
              { file: loaded.file, pointer: pointerOf(["values", numerator, period]) },
            ),
          );
        }
      }
    }
  }
  return out;
}
