// One view per unit (UnitView), built once after the roll-up: every figure derived from a unit's
// values (the poverty rates' reductions, the poor's income growth, the areas leaving their status,
// each with its verdict in the catalogue's words; the poor's deprivation shares; the money disbursed
// against the plan) and its deadline and timeliness, computed here and nowhere else, each with its
// printed text next to its raw value (text/format.ts `figure`, model/dates.ts `dated`). The documents'
// sentences and Biểu 01 cells and the site's unit pages read them; a table whose source is not
// the unit's effective figures (an incomplete roll-up, render/view/sources.ts) derives the same
// figures from its own values through `derive`.
import type { Tree, UnitFigures, Values } from "../../aggregate/roll-up.js";
import type { VerdictLabels } from "../../model/catalogue-types.js";
import type { Dataset } from "../../model/dataset.js";
import { deadlineOf } from "../../model/deadlines.js";
import { dated, daysBetween, type DateText } from "../../model/dates.js";
import { incomeTarget, incomeVerdict, leavingResult, minorityTarget, povertyTarget, verdictOf, type IncomeTarget, type PovertyTarget, type Verdict } from "../../model/targets.js";
import { percentOf, roundedSum } from "../../model/ratios.js";
import { isSubmitted, timelinessOf, type Timeliness } from "../../model/timeliness.js";
import type { FinanceRecord, Indicator, IsoDate, Period, Project, TargetRange, Unit } from "../../model/types.js";
import { figure, formatTrimmed, printedChange, type Figure } from "../../text/format.js";
import { shortName } from "./names.js";
import { indicatorsById } from "../../model/catalogue.js";

/** A figure at one period. */
export interface PeriodValue extends Figure {
  period: string;
}

/** A rate's reduction over the periods against its target pace (points a year). */
export interface Reduction {
  target: PovertyTarget;
  /** The target's pace as printed: min "1", max "1,5" (null without an upper bound). */
  targetText: TargetText;
  /** Points the rate fell in each period after the first, as the difference of the printed rates
   *  (Biểu 01's "Tăng/giảm" rule; null where an end is missing): "1,25". */
  perPeriod: PeriodValue[];
  /** Points it fell from the first period to the last, by the same rule (null without both ends). */
  overall: Figure;
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

/** The poor's income: its multiple from the first period to the last against the unit's target. */
export interface IncomeGrowth {
  target: IncomeTarget;
  /** The target's multiples as printed: the whole programme's "2", due by the last period "1,25". */
  targetText: { multiple: string; path: string };
  /** The income at the first and the last period, where given. */
  base: number | null;
  now: number | null;
  /** Income at the last period over the first; null without both (or a zero first): "1,26". */
  multiple: Figure;
  verdict: Verdict | "chua_du_so_lieu";
  /** The catalogue's label of the verdict. */
  label: string;
}

/** A project's target of areas leaving their status (poor districts, ĐBKK communes). */
export type LeavingTarget = Project["targets"]["leaving"][number];

/** Areas leaving their status, against one leaving target. */
export interface Leaving {
  target: LeavingTarget;
  /** The target's share due by the end as printed: "20 - 30%", "từ 20%". */
  targetText: string;
  /** Areas in the status at the first period (null where not given), and having left by the last. */
  atStart: number | null;
  left: number;
  /** The unit itself was in the status (an ĐBKK commune): its verdict is da_thoat or chua_thoat. */
  own: boolean;
  /** Share (%) of the areas at the start that have left: "33,33%"; null without areas at the start. */
  share: Figure;
  /** The shares due by the last period on the pro-rata path as printed ("8 - 12%"); null without a share. */
  pathText: string | null;
  /** Null where there is no verdict (no areas at the start, and not the unit's own status). */
  verdict: Verdict | "da_thoat" | "chua_thoat" | null;
  /** The catalogue's label of the verdict; null without one. */
  label: string | null;
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
  /** The poor's income growth against the unit's income target. */
  income: IncomeGrowth;
  /** One per project leaving target, in its order. */
  leaving: Leaving[];
  deprivations: DeprivationShare[];
  money: Money | null;
}

export interface UnitView {
  unit: Unit;
  figures: UnitFigures;
  /** The level's deadline, raw and printed ("31/7/2018"). */
  deadline: DateText | null;
  /** Days from the as-of date to the deadline while the report is awaited ("Còn 12 ngày",
   *  "Quá hạn 5 ngày"); null once submitted or without a deadline. */
  daysLeft: DaysLeft | null;
  timeliness: Timeliness;
  /** "Nộp đúng hạn", "Nộp muộn 3 ngày", "Chưa nộp (còn hạn)", "Quá hạn, chưa nộp". */
  timelinessLabel: string;
  /** Days after the deadline: submitted late by, or overdue by while not submitted; else 0. */
  daysLate: number;
  /** From the unit's effective figures. */
  derived: Derived;
}

/** A rate's reduction against a target; null when the unit has no value of the rate at all. */
/** `decimals`: the rate's, as the catalogue prints it (Biểu 01's "Tăng/giảm" column uses the same). */
export function reductionOf(values: Values, id: string, target: PovertyTarget, periods: readonly Period[], labels: VerdictLabels, decimals = 2): Reduction | null {
  const v = values[id];
  if (!v) return null;
  const first = v[periods[0]!.id];
  const last = v[periods[periods.length - 1]!.id];
  const years = periods.reduce((s, p) => s + p.years, 0);
  let elapsed = 0;
  // A drop as the reader computes it from the printed rates, as Biểu 01 prints it; the yearly pace
  // (and the verdict read from it) is that printed drop over the years, so 0,34 over 2,5 years is
  // 0,14 a year on the page, as a reader dividing the printed figures finds.
  const drop = (from: number | undefined, to: number | undefined) => (from === undefined || to === undefined ? null : -printedChange(from, to, decimals));
  const overall = drop(first, last);
  const perYear = overall !== null && years > 0 ? overall / years : null;
  // Judged on the figures as printed, so "1,00 điểm %/năm" against a target of 1 reads "Đạt".
  const shown = (v: number) => Number(v.toFixed(decimals));
  const verdict = perYear === null ? "chua_du_so_lieu" : verdictOf(shown(perYear), target, last === undefined ? last : shown(last));
  return {
    target,
    targetText: targetText(target),
    perPeriod: periods.slice(1).map((p, i) => ({ period: p.id, ...figure(drop(v[periods[i]!.id], v[p.id]), decimals) })),
    overall: figure(overall, decimals),
    perYear: figure(perYear, decimals),
    last: figure(last, decimals, "%"),
    path: periods.map((p) => {
      elapsed += p.years;
      return { period: p.id, ...figure(first === undefined ? null : Math.max(0, first - target.min * elapsed), decimals, "%") };
    }),
    verdict,
    label: labels[verdict],
  };
}

/** The poor's income growth from the first period to the last against `target`. */
export function incomeOf(values: Values, id: string, target: IncomeTarget, periods: readonly Period[], labels: VerdictLabels): IncomeGrowth {
  const base = values[id]?.[periods[0]!.id];
  const now = values[id]?.[periods[periods.length - 1]!.id];
  const verdict = base && now !== undefined ? incomeVerdict(base, now, target) : "chua_du_so_lieu";
  return {
    target,
    targetText: { multiple: formatTrimmed(target.multiple), path: formatTrimmed(target.path) },
    base: base ?? null,
    now: now ?? null,
    multiple: figure(base && now !== undefined ? now / base : null, 2),
    verdict,
    label: labels[verdict],
  };
}

/** A target share as printed, with its "%": "20 - 30%", "từ 20%". */
const rangeText = (r: TargetRange) => (r[1] === null ? `từ ${formatTrimmed(r[0])}%` : `${formatTrimmed(r[0])} - ${formatTrimmed(r[1])}%`);

/** The flag a unit-count indicator counts (the count of poor-area communes → their flag), when the unit itself carries it:
 *  the unit's own status, not a count of areas below it. */
function ownStatusFlag(unit: Unit, indicator: string, indicators: ReadonlyMap<string, Indicator>): string | null {
  const a = indicators.get(indicator)?.aggregate;
  return a?.rule === "count_flagged" && (unit.flags ?? []).includes(a.flag) ? a.flag : null;
}

/** Areas leaving their status against `target`: the unit's own status, or the count below it. */
export function leavingOf(unit: Unit, values: Values, target: LeavingTarget, env: { project: Project; periods: readonly Period[]; indicators: ReadonlyMap<string, Indicator>; labels: VerdictLabels }): Leaving {
  const { periods, labels } = env;
  const atStart = values[target.of]?.[periods[0]!.id] ?? null;
  const left = values[target.indicator]?.[periods[periods.length - 1]!.id] ?? 0;
  const base = { target, targetText: rangeText(target.share), atStart, left };
  if (ownStatusFlag(unit, target.of, env.indicators)) {
    const verdict = left ? "da_thoat" : "chua_thoat";
    return { ...base, own: true, share: figure(null), pathText: null, verdict, label: labels[verdict] };
  }
  const res = leavingResult(left, atStart ?? 0, target.share, env.project, periods);
  return { ...base, own: false, share: figure(res?.share, 2, "%"), pathText: res ? rangeText(res.path) : null, verdict: res?.verdict ?? null, label: res ? labels[res.verdict] : null };
}

/** Money of the records in whole units, each record rounded before it is added. */
export function moneyOf(records: readonly Pick<FinanceRecord, "plan" | "disbursed">[]): Money {
  const plan = roundedSum(records.map((f) => f.plan));
  const disbursed = roundedSum(records.map((f) => f.disbursed));
  return { plan: { value: plan, text: figure(plan).text }, disbursed: { value: disbursed, text: figure(disbursed).text }, rate: figure(plan > 0 ? percentOf(disbursed, plan) : null, 2, "%") };
}

/** The figures derived from a unit's values (its effective ones, or a table's source) and money. */
export function derive(ds: Dataset, unit: Unit, values: Values, finance: readonly FinanceRecord[]): Derived {
  const r = ds.catalogue.roles;
  const periods = ds.project.periods;
  const poor = values[r.poor] ?? {};
  const labels = ds.catalogue.verdicts.labels;
  const indicators = indicatorsById(ds.catalogue);
  const decimalsOf = (id: string) => indicators.get(id)?.decimals ?? 2;
  return {
    reduction: reductionOf(values, r.poverty_rate, povertyTarget(unit, ds.project, ds.units), periods, labels, decimalsOf(r.poverty_rate)),
    minorityReduction: reductionOf(values, r.minority_poverty_rate, minorityTarget(ds.project), periods, labels, decimalsOf(r.minority_poverty_rate)),
    income: incomeOf(values, r.poor_income, incomeTarget(unit, ds.project, periods), periods, labels),
    leaving: ds.project.targets.leaving.map((l) => leavingOf(unit, values, l, { project: ds.project, periods, indicators, labels })),
    deprivations: ds.catalogue.indicators
      .filter((i) => i.group === r.deprivation_group)
      .map((i) => ({
        indicator: i,
        short: shortName(i),
        shares: periods.filter((p) => values[i.id]?.[p.id] !== undefined).map((p) => ({ period: p.id, ...figure(percentOf(values[i.id]![p.id], poor[p.id]), 2, "%") })),
      })),
    money: finance.length ? moneyOf(finance) : null,
  };
}

/** Days from `asOf` to a deadline (negative: overdue) and its text. */
export interface DaysLeft {
  value: number;
  /** "Còn 12 ngày", "Hôm nay là hạn cuối", "Quá hạn 5 ngày". */
  text: string;
}

export function daysLeft(deadline: IsoDate | null, asOf: IsoDate): DaysLeft | null {
  if (!deadline) return null;
  const value = daysBetween(asOf, deadline);
  return { value, text: value > 0 ? `Còn ${value} ngày` : value === 0 ? "Hôm nay là hạn cuối" : `Quá hạn ${-value} ngày` };
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
  let derived: Derived | undefined;
  return {
    unit: fig.unit,
    figures: fig,
    deadline: dated(deadline),
    // Days left or overdue matter only while the report is still awaited.
    daysLeft: isSubmitted(fig.report) ? null : daysLeft(deadline, ds.project.as_of),
    timeliness,
    timelinessLabel: timelinessLabel(timeliness, daysLate),
    daysLate,
    // On first read: a rebuild that keeps a unit's documents and page never reads it.
    get derived() {
      return (derived ??= derive(ds, fig.unit, fig.effective, fig.finance));
    },
  };
}

/** Every unit's view, once per build, after the single roll-up. */
export function unitViews(ds: Dataset, tree: Tree): Map<string, UnitView> {
  return new Map([...tree.figures].map(([code, fig]) => [code, unitView(ds, fig)]));
}
