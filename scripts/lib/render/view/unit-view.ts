// One view per unit (UnitView), built once after the roll-up: every figure derived from a unit's
// values (the poverty rate's reduction and its verdict, the poor's deprivation shares, the money
// disbursed against the plan) and its timeliness, computed here and nowhere else, each with its
// printed text next to its raw value (text/format.ts `figure`). The documents'
// sentences and Biểu 01 cells and the site's unit pages read them; a table whose source is not
// the unit's effective figures (an incomplete roll-up, render/view/sources.ts) derives the same
// figures from its own values through `derive`.
import type { Tree, UnitFigures, Values } from "../../aggregate/roll-up.js";
import type { VerdictLabels } from "../../model/catalogue-types.js";
import type { Dataset } from "../../model/dataset.js";
import { deadlineOf } from "../../model/deadlines.js";
import { daysBetween } from "../../model/dates.js";
import { minorityTarget, povertyTarget, verdictOf, type PovertyTarget, type Verdict } from "../../model/targets.js";
import { isSubmitted, timelinessOf, type Timeliness } from "../../model/timeliness.js";
import type { FinanceRecord, Indicator, IsoDate, Period, Unit } from "../../model/types.js";
import { figure, formatTrimmed, type Figure } from "../../text/format.js";
import { shortName } from "./names.js";

/** A figure at one period. */
export interface PeriodValue extends Figure {
  period: string;
}

/** A rate's reduction over the periods against its target pace (points a year). */
export interface Reduction {
  target: PovertyTarget;
  /** The target's pace as printed: min "1", max "1,5" (null without an upper bound). */
  targetText: TargetText;
  /** Points the rate fell in each period after the first (null where an end is missing): "1,25". */
  perPeriod: PeriodValue[];
  /** Average points a year from the first period to the last; null without both ends: "1,25". */
  perYear: Figure;
  /** The rate at the last period, if any: "7,09%". */
  last: Figure;
  /** The rate the unit would reach at each period at the target's minimum pace: "7,09%". */
  path: PeriodValue[];
  verdict: Verdict | "chua_du_so_lieu";
  /** The catalogue's label of the verdict ("Đạt", "Chưa đạt" …). */
  label: string;
}

/** A rate target's pace (points a year) as printed, without trailing zeros. */
export interface TargetText {
  min: string;
  max: string | null;
}

export const targetText = (t: PovertyTarget): TargetText => ({ min: formatTrimmed(t.min), max: t.max === null ? null : formatTrimmed(t.max) });

/** One deprivation indicator: its short name and its count's share of the poor households (%). */
export interface DeprivationShare {
  indicator: Indicator;
  /** The catalogue's short name (names.ts shortName): "Chỉ số nguồn nước sinh hoạt". */
  short: string;
  /** Periods where the count is given; null where there are no poor households: "12,50%". */
  shares: PeriodValue[];
}

/** Money of a subtree in whole units, record by record, as Biểu 04 and 05 print it. */
export interface Money {
  /** "1.500". */
  plan: Figure & { value: number };
  disbursed: Figure & { value: number };
  /** Disbursed over planned (%), "50,00%"; null without a plan. */
  rate: Figure;
}

/** The figures derived from one set of values. */
export interface Derived {
  /** The poverty rate's reduction against the unit's target. */
  reduction: Reduction | null;
  /** The ethnic minority poverty rate's reduction against the project's minority target. */
  minorityReduction: Reduction | null;
  deprivations: DeprivationShare[];
  money: Money | null;
}

export interface UnitView {
  unit: Unit;
  figures: UnitFigures;
  deadline: IsoDate | null;
  timeliness: Timeliness;
  /** "Nộp đúng hạn", "Nộp muộn 3 ngày", "Chưa nộp (còn hạn)", "Quá hạn, chưa nộp". */
  timelinessLabel: string;
  /** Days after the deadline: submitted late by, or overdue by while not submitted; else 0. */
  daysLate: number;
  /** From the unit's effective figures. */
  derived: Derived;
}

/** A rate's reduction against a target; null when the unit has no value of the rate at all. */
export function reductionOf(values: Values, id: string, target: PovertyTarget, periods: readonly Period[], labels: VerdictLabels): Reduction | null {
  const v = values[id];
  if (!v) return null;
  const first = v[periods[0]!.id];
  const last = v[periods[periods.length - 1]!.id];
  const years = periods.reduce((s, p) => s + p.years, 0);
  const perYear = first !== undefined && last !== undefined && years > 0 ? (first - last) / years : null;
  const verdict = perYear === null ? "chua_du_so_lieu" : verdictOf(perYear, target, last);
  let elapsed = 0;
  return {
    target,
    targetText: targetText(target),
    perPeriod: periods.slice(1).map((p, i) => ({ period: p.id, ...figure(v[periods[i]!.id] !== undefined && v[p.id] !== undefined ? v[periods[i]!.id]! - v[p.id]! : null, 2) })),
    perYear: figure(perYear, 2),
    last: figure(last, 2, "%"),
    path: periods.map((p) => {
      elapsed += p.years;
      return { period: p.id, ...figure(first === undefined ? null : Math.max(0, first - target.min * elapsed), 2, "%") };
    }),
    verdict,
    label: labels[verdict],
  };
}

/** Money of the records in whole units, each record rounded before it is added. */
export function moneyOf(records: readonly Pick<FinanceRecord, "plan" | "disbursed">[]): Money {
  const plan = records.reduce((s, f) => s + Math.round(f.plan), 0);
  const disbursed = records.reduce((s, f) => s + Math.round(f.disbursed), 0);
  return { plan: { value: plan, text: figure(plan).text }, disbursed: { value: disbursed, text: figure(disbursed).text }, rate: figure(plan > 0 ? (disbursed / plan) * 100 : null, 2, "%") };
}

/** The figures derived from a unit's values (its effective ones, or a table's source) and money. */
export function derive(ds: Dataset, unit: Unit, values: Values, finance: readonly FinanceRecord[]): Derived {
  const r = ds.catalogue.roles;
  const periods = ds.project.periods;
  const poor = values[r.poor] ?? {};
  return {
    reduction: reductionOf(values, r.poverty_rate, povertyTarget(unit, ds.project, ds.units), periods, ds.catalogue.verdicts.labels),
    minorityReduction: reductionOf(values, r.minority_poverty_rate, minorityTarget(ds.project), periods, ds.catalogue.verdicts.labels),
    deprivations: ds.catalogue.indicators
      .filter((i) => i.group === r.deprivation_group)
      .map((i) => ({
        indicator: i,
        short: shortName(i),
        shares: periods.filter((p) => values[i.id]?.[p.id] !== undefined).map((p) => ({ period: p.id, ...figure(poor[p.id] ? (values[i.id]![p.id]! / poor[p.id]!) * 100 : null, 2, "%") })),
      })),
    money: finance.length ? moneyOf(finance) : null,
  };
}

function timelinessLabel(t: Timeliness, daysLate: number): string {
  if (t === "on_time") return "Nộp đúng hạn";
  if (t === "late") return `Nộp muộn ${daysLate} ngày`;
  return t === "not_yet" ? "Chưa nộp (còn hạn)" : "Quá hạn, chưa nộp";
}

/** One unit's view from the roll-up. */
export function unitView(ds: Dataset, fig: UnitFigures): UnitView {
  const deadline = deadlineOf(ds.levels.get(fig.unit.level), ds.plan);
  const timeliness = timelinessOf(fig.report, deadline, ds.project.as_of);
  const submitted = isSubmitted(fig.report) ? fig.report!.submitted_on! : null;
  const after = (from: string, to: string) => Math.max(0, daysBetween(from, to));
  const daysLate = !deadline ? 0 : submitted ? after(deadline, submitted) : after(deadline, ds.project.as_of);
  return { unit: fig.unit, figures: fig, deadline, timeliness, timelinessLabel: timelinessLabel(timeliness, daysLate), daysLate, derived: derive(ds, fig.unit, fig.effective, fig.finance) };
}

/** Every unit's view, once per build, after the single roll-up. */
export function unitViews(ds: Dataset, tree: Tree): Map<string, UnitView> {
  return new Map([...tree.figures].map(([code, fig]) => [code, unitView(ds, fig)]));
}
