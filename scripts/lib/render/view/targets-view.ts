// The targets and mid-term verdicts as text: Biểu 01's "Mục tiêu" and "Đánh giá" cells and the
// narrative's verdict sentences, so table and text agree. The rates' reductions and verdicts are
// read from the figures derived once per unit (unit-view.ts), not computed here.
import type { Values } from "../../aggregate/roll-up.js";
import type { VerdictLabels } from "../../model/catalogue-types.js";
import type { Indicator, IndicatorRoles, Period, Project, TargetRange, Unit } from "../../model/types.js";
import { incomeTarget, incomeVerdict, leavingResult, minorityTarget, povertyTarget, type PovertyTarget, type Verdict } from "../../model/targets.js";
import { targetText, type Derived, type Reduction, type TargetText } from "./unit-view.js";
import { formatNumber, formatTrimmed as short, type Figure } from "../../text/format.js";

export interface TargetEnv {
  project: Project;
  periods: readonly Period[];
  units: ReadonlyMap<string, Unit>;
  indicators: ReadonlyMap<string, Indicator>;
  /** The rate and income targets apply to the indicators of these roles. */
  roles: IndicatorRoles;
  /** The catalogue's verdict labels. */
  labels: VerdictLabels;
}

/** The flag a unit-count indicator counts (the count of poor-area communes → their flag), when the unit itself carries it:
 *  the unit's own status, not a count of areas below it. */
export function ownStatusFlag(unit: Unit, indicator: string, env: Pick<TargetEnv, "indicators">): string | null {
  const a = env.indicators.get(indicator)?.aggregate;
  return a?.rule === "count_flagged" && (unit.flags ?? []).includes(a.flag) ? a.flag : null;
}


const rangeText = (r: TargetRange) => (r[1] === null ? `từ ${short(r[0])}` : `${short(r[0])} - ${short(r[1])}`);

/** A derived reduction with both ends: its figures as the unit's view holds them, raw and printed. */
export interface ReductionResult {
  target: PovertyTarget;
  targetText: TargetText;
  /** Average points a year: "1,25". */
  perYear: Figure & { value: number };
  /** The rate at the last period: "7,09%". */
  last: Figure & { value: number };
  verdict: Verdict;
  /** The catalogue's label of the verdict. */
  label: string;
}

/** A derived reduction with both ends (unit-view.ts computes it); null without them. */
export function reductionResult(r: Reduction | null): ReductionResult | null {
  const { perYear, last, verdict } = r ?? {};
  if (!r || perYear?.value == null || last?.value == null || verdict === undefined || verdict === "chua_du_so_lieu") return null;
  return { target: r.target, targetText: r.targetText, perYear: { value: perYear.value, text: perYear.text }, last: { value: last.value, text: last.text }, verdict, label: r.label };
}

const reductionText = (t: PovertyTarget, { min, max }: TargetText) => `Giảm ${max === null ? `từ ${min}` : `${min} - ${max}`} điểm %/năm${t.illustrative ? " (tạm dùng, chưa có chỉ tiêu riêng)" : ""}`;

/** Biểu 01's target and verdict cells for the row of `indicator`; null when it has no target.
 *  `d`: the figures derived from the same `values` (the unit's UnitView when they are its effective ones). */
export function targetCells(indicator: string, unit: Unit, values: Values, env: TargetEnv, d: Pick<Derived, "reduction" | "minorityReduction">): { target: string; verdict: string } | null {
  const last = env.periods[env.periods.length - 1]!.id;
  const first = env.periods[0]!.id;
  if (indicator === env.roles.poverty_rate || indicator === env.roles.minority_poverty_rate) {
    const reduction = indicator === env.roles.poverty_rate ? d.reduction : d.minorityReduction;
    const target = reduction?.target ?? (indicator === env.roles.poverty_rate ? povertyTarget(unit, env.project, env.units) : minorityTarget(env.project));
    const r = reductionResult(reduction);
    return { target: reductionText(target, reduction?.targetText ?? targetText(target)), verdict: r ? `${r.label} (${r.perYear.text} điểm %/năm)` : "-" };
  }
  if (indicator === env.roles.poor_income) {
    const t = incomeTarget(unit, env.project, env.periods);
    const base = values[indicator]?.[first];
    const now = values[indicator]?.[last];
    const verdict = base && now !== undefined ? `${env.labels[incomeVerdict(base, now, t)]} (gấp ${formatNumber(now / base, 2)} lần)` : "-";
    return { target: `Gấp ${short(t.multiple)} lần đầu kỳ vào cuối giai đoạn (lộ trình: ${short(t.path)} lần)`, verdict };
  }
  const leaving = env.project.targets.leaving.find((l) => l.indicator === indicator);
  if (leaving) {
    const left = values[indicator]?.[last] ?? 0;
    const res = leavingResult(left, values[leaving.of]?.[first] ?? 0, leaving.share, env.project, env.periods);
    const target = `Thoát ${rangeText(leaving.share)}% số thuộc diện đầu kỳ vào cuối giai đoạn`;
    if (ownStatusFlag(unit, leaving.of, env)) return { target, verdict: left ? env.labels.da_thoat : env.labels.chua_thoat };
    if (values[leaving.of]?.[first] === undefined) return { target, verdict: "-" };
    return {
      target,
      verdict: res ? `${env.labels[res.verdict]} (${formatNumber(res.share, 2)}%; lộ trình ${rangeText(res.path)}%)` : "Không có địa bàn thuộc diện",
    };
  }
  return null;
}
