// The targets a unit is judged against (project.yaml targets) and the verdicts on its figures.
// One place for every reader: the documents (Biểu 01, the narrative) and the site call these.
// A unit takes its own target (targets.units: a district's; targets.province: the province's plan),
// else the nearest ancestor's, else the general one; a unit flagged as a poor area (targets.poor_area_flag) takes
// the poor-area pace. The mid-term verdict compares progress with the pro-rata path: the years
// elapsed (the periods' years) over the programme's horizon_years.
import type { Period, Project, TargetRange, Unit } from "./types.js";

export type Verdict = "vuot" | "dat" | "khong_dat" | "muc_thap";

export interface PovertyTarget {
  min: number;
  max: number | null;
  poorArea: boolean;
  /** The document that sets it. */
  source: string;
  /** The value is illustrative (not yet taken from its document). */
  illustrative: boolean;
  /** A rate at or below this (%) at the last period is "đã ở mức thấp", not "chưa đạt". */
  lowRate: number | null;
}

/** The poverty-reduction pace (points a year) a unit must reach. */
export function povertyTarget(unit: Unit, project: Project, units: ReadonlyMap<string, Unit>): PovertyTarget {
  const t = project.targets;
  const lowRate = t.below_rate_ok;
  if (isPoorArea(unit, project)) return { min: t.poor_area_reduction, max: null, poorArea: true, source: t.source, illustrative: false, lowRate };
  for (let u: Unit | undefined = unit; u; u = u.parent ? units.get(u.parent) : undefined) {
    const own = t.units?.[u.code] ?? (u.code === project.root ? t.province : undefined);
    if (own) return { min: own.poverty_reduction[0], max: own.poverty_reduction[1], poorArea: false, source: own.source, illustrative: !!own.illustrative, lowRate };
  }
  return { min: t.poverty_reduction[0], max: t.poverty_reduction[1], poorArea: false, source: t.source, illustrative: false, lowRate };
}

/** The ethnic-minority poverty-reduction pace (points a year): the same for every unit. */
export function minorityTarget(project: Project): PovertyTarget {
  const t = project.targets;
  return { min: t.ethnic_minority_reduction[0], max: t.ethnic_minority_reduction[1], poorArea: false, source: t.source, illustrative: false, lowRate: t.below_rate_ok };
}

export function isPoorArea(unit: Unit, project: Project): boolean {
  const flag = project.targets.poor_area_flag;
  return flag !== null && (unit.flags ?? []).includes(flag);
}

/** Years elapsed over the periods (2016 - 6/2018: 2,5). */
export function elapsedYears(periods: readonly Period[]): number {
  return periods.reduce((s, p) => s + p.years, 0);
}

/** A reduction pace against its target: above the range "vuot", within "dat"; below it "muc_thap"
 *  when the rate reached is already at or under the low-rate threshold, else "khong_dat". */
export function verdictOf(perYear: number, target: PovertyTarget, lastRate?: number): Verdict {
  if (target.max !== null && perYear > target.max) return "vuot";
  if (perYear >= target.min) return "dat";
  return lastRate !== undefined && target.lowRate !== null && lastRate <= target.lowRate ? "muc_thap" : "khong_dat";
}

export interface IncomeTarget {
  /** Income at the end of the programme over its start (× 1,5; × 2 in poor areas). */
  multiple: number;
  poorArea: boolean;
  /** The multiple due by the last period on the pro-rata path. */
  path: number;
}

export function incomeTarget(unit: Unit, project: Project, periods: readonly Period[]): IncomeTarget {
  const t = project.targets;
  const poorArea = isPoorArea(unit, project);
  const multiple = poorArea ? t.poor_area_income_multiple : t.income_multiple;
  return { multiple, poorArea, path: 1 + ((multiple - 1) * elapsedYears(periods)) / t.horizon_years };
}

/** Income growth: the whole programme's multiple already reached "vuot", the path "dat". */
export function incomeVerdict(base: number, now: number, target: IncomeTarget): Verdict {
  const ratio = now / base;
  return ratio >= target.multiple ? "vuot" : ratio >= target.path ? "dat" : "khong_dat";
}

export interface LeavingResult {
  /** Share of the areas at the start that have left the status (%). */
  share: number;
  /** Shares due by the last period on the pro-rata path. */
  path: TargetRange;
  verdict: Verdict;
}

/** Areas leaving their status (poor districts, ĐBKK communes): null when the unit had none. */
export function leavingResult(left: number, atStart: number, share: TargetRange, project: Project, periods: readonly Period[]): LeavingResult | null {
  if (!(atStart > 0)) return null;
  const k = elapsedYears(periods) / project.targets.horizon_years;
  const path: TargetRange = [share[0] * k, share[1] === null ? null : share[1] * k];
  const pct = (left / atStart) * 100;
  const verdict: Verdict = path[1] !== null && pct > path[1] ? "vuot" : pct >= path[0] ? "dat" : "khong_dat";
  return { share: pct, path, verdict };
}
