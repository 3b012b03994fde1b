// Plausibility warnings: figures that are valid but hard to believe, with thresholds from
// data/catalogue/plausibility.yaml (see model/plausibility.ts). Each is a warning at the value
// at fault; a reason in the report's `notes:` block (per indicator) or a finance row's `note:`
// silences it. No thresholds file, no plausibility rule.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import { suggest } from "../diagnostics/suggest.js";
import type { Dataset, LoadedReport } from "../load/load-dataset.js";
import { indexCatalogue, type CatalogueIndex } from "../model/catalogue.js";
import type { JumpRule, Plausibility } from "../model/plausibility.js";
import type { Indicator, Period, ReportFile } from "../model/types.js";
import { formatNumber, formatSigned } from "../render/format.js";

/** A usable figure; negative ones are schema errors already, not judged again here. */
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null);
const isSubmitted = (status: unknown) => status === "da_nop" || status === "da_duyet";

/** A reason given for this indicator (or, for a rate, for its numerator or denominator). */
function explained(report: Pick<ReportFile, "notes">, ...ids: string[]): boolean {
  return ids.some((id) => (report.notes?.[id] ?? "").trim() !== "");
}

function percent(a: number, b: number): string {
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
  const rules = ds.plausibility;
  if (!rules) return [];
  const labels = new Map(ds.project.periods.map((p) => [p.id, p.stock_label.toLowerCase()]));
  const ctx: Ctx = { ds, cat: indexCatalogue(ds.catalogue, ds.programme, ds.outline), rules, periodLabel: (id) => labels.get(id) ?? id };
  // A report that failed its schema (a negative count, a typo) still has its other values judged,
  // so a reviewer sees every problem of a pull request at once.
  const invalid = ds.invalidReports.map(({ file, data }) => ({ file, report: valuesOnly(data) }));
  return [
    ...ds.reports.flatMap((r) => unknownNotes(ctx, r)),
    ...ds.reports.flatMap((r) => [...jumps(ctx, r), ...constantFlows(ctx, r), ...financeWithoutPlan(ctx, r), ...planWithoutActivity(ctx, r)]),
    ...invalid.flatMap((r) => [...jumps(ctx, r), ...constantFlows(ctx, r)]),
    ...outliers(ctx),
  ];
}

type ValuesOnly = Pick<ReportFile, "values" | "notes">;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The values and notes of a report as parsed, whatever else is wrong with it (non-numbers are skipped by num()). */
function valuesOnly(data: unknown): ValuesOnly {
  const d = isRecord(data) ? data : {};
  const values: ValuesOnly["values"] = {};
  if (isRecord(d.values)) for (const [id, byP] of Object.entries(d.values)) if (isRecord(byP)) values[id] = byP as Record<string, number | null>;
  const notes: Record<string, string> = {};
  if (isRecord(d.notes)) for (const [id, n] of Object.entries(d.notes)) if (typeof n === "string") notes[id] = n;
  return { values, notes };
}

/** A reason given for an indicator that does not exist silences nothing: say so, with the closest id. */
function unknownNotes({ cat }: Ctx, { file, report }: LoadedReport): Diagnostic[] {
  return Object.keys(report.notes ?? {})
    .filter((id) => !cat.indicators.has(id))
    .map((id) => diagnostic("VALUE_UNKNOWN_INDICATOR", { id, suggestion: suggest(id, cat.indicators.keys()) ?? "" }, { file, pointer: pointerOf(["notes", id]), on: "key" }));
}

// --- a stock that jumps between consecutive periods -----------------------------------------

function jumpBeyond(rule: JumpRule, a: number, b: number, period: Period): string | null {
  if (Math.max(a, b) < (rule.min_value ?? 0)) return null;
  if (rule.max_factor !== undefined) {
    const factor = Math.min(a, b) === 0 ? Infinity : Math.max(a, b) / Math.min(a, b);
    if (factor > rule.max_factor) return `tăng hoặc giảm quá ${formatNumber(rule.max_factor, 1).replace(/,0$/, "")} lần giữa hai kỳ`;
  }
  if (rule.max_change_per_year !== undefined && a > 0 && period.years > 0) {
    const allowed = rule.max_change_per_year * period.years;
    if (Math.abs(b - a) / a > allowed) return `thay đổi quá ${formatNumber(allowed * 100, 1).replace(/,0$/, "")}% trong kỳ`;
  }
  return null;
}

function jumps({ ds, cat, rules, periodLabel }: Ctx, { file, report }: { file: LoadedReport["file"]; report: ValuesOnly }): Diagnostic[] {
  const jump = rules.jump;
  if (!jump) return [];
  const out: Diagnostic[] = [];
  const periods = ds.project.periods;
  for (const [id, byPeriod] of Object.entries(report.values)) {
    const ind = cat.indicators.get(id);
    if (!ind || ind.computed || !jump.kinds.includes(ind.kind) || explained(report, id)) continue;
    const rule = jump.indicators?.[id] ?? jump.default;
    for (let i = 1; i < periods.length; i++) {
      const prev = periods[i - 1]!;
      const cur = periods[i]!;
      const a = num(byPeriod[prev.id]);
      const b = num(byPeriod[cur.id]);
      if (a === null || b === null) continue;
      const beyond = jumpBeyond(rule, a, b, cur);
      if (!beyond) continue;
      out.push(
        diagnostic(
          "VALUE_JUMP",
          { name: ind.name, from: periodLabel(prev.id), to: periodLabel(cur.id), a: formatNumber(a), b: formatNumber(b), change: a > 0 ? ` (${percent(a, b)})` : "", beyond, id },
          { file, pointer: pointerOf(["values", id, cur.id]) },
        ),
      );
    }
  }
  return out;
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

function financeWithoutPlan({ rules }: Ctx, { file, report }: LoadedReport): Diagnostic[] {
  if (!rules.finance?.disbursed_without_plan) return [];
  return report.finance.flatMap((f, i) =>
    f.plan === 0 && f.disbursed > 0 && !f.note?.trim()
      ? [diagnostic("FINANCE_NO_PLAN", { disbursed: formatNumber(f.disbursed), component: f.component, source: f.source, period: f.period }, { file, pointer: pointerOf(["finance", i, "disbursed"]) })]
      : [],
  );
}

/** Indicators that measure a component's activity: those catalogued under it or under one of its sub-components. */
function activityOf(cat: CatalogueIndex, component: string): Indicator[] {
  return [...cat.indicators.values()].filter((i) => !i.computed && i.component !== undefined && (i.component === component || i.component.startsWith(`${component}.`)));
}

function planWithoutActivity({ cat, rules }: Ctx, { file, report }: LoadedReport): Diagnostic[] {
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
        { component: f.component, name: cat.components.get(f.component)?.name ?? f.component, plan: formatNumber(plan), indicators: indicators.map((x) => x.name.toLowerCase()).slice(0, 3).join("; ") + (indicators.length > 3 ? "; …" : "") },
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
                median: formatNumber(m, 2),
                parent: parent?.name ?? "",
                count: points.length,
                mads: formatNumber(rule.mads, 1).replace(/,0$/, ""),
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

// --- a value revised since the unit's previous submission (pull requests) -------------------

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
