// The targets and mid-term verdicts as text: Biểu 01's "Mục tiêu" and "Đánh giá" cells and the
// narrative's verdict sentences, so table and text agree. The rates' reductions, the poor's income
// growth, the areas leaving their status and their verdicts are read from the figures derived once
// per unit (unit-view.ts), not computed here.
import type { VerdictLabels } from "../../model/catalogue-types.js";
import type { Indicator, IndicatorRoles, Period, Project, Unit } from "../../model/types.js";
import { minorityTarget, povertyTarget, type PovertyTarget, type Verdict } from "../../model/targets.js";
import { targetText, type Derived, type Reduction, type TargetText } from "./unit-view.js";
import type { Figure } from "../../text/format.js";

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
 *  `d`: the figures derived from the table's values (the unit's UnitView when they are its effective ones). */
export function targetCells(indicator: string, unit: Unit, env: TargetEnv, d: Pick<Derived, "reduction" | "minorityReduction" | "income" | "leaving">): { target: string; verdict: string } | null {
  if (indicator === env.roles.poverty_rate || indicator === env.roles.minority_poverty_rate) {
    const reduction = indicator === env.roles.poverty_rate ? d.reduction : d.minorityReduction;
    const target = reduction?.target ?? (indicator === env.roles.poverty_rate ? povertyTarget(unit, env.project, env.units) : minorityTarget(env.project));
    const r = reductionResult(reduction);
    return { target: reductionText(target, reduction?.targetText ?? targetText(target)), verdict: r ? `${r.label} (${r.perYear.text} điểm %/năm)` : "-" };
  }
  if (indicator === env.roles.poor_income) {
    const { targetText: t, multiple, label } = d.income;
    return { target: `Gấp ${t.multiple} lần đầu kỳ vào cuối giai đoạn (lộ trình: ${t.path} lần)`, verdict: multiple.value === null ? "-" : `${label} (gấp ${multiple.text} lần)` };
  }
  const leaving = d.leaving.find((l) => l.target.indicator === indicator);
  if (leaving) {
    const target = `Thoát ${leaving.targetText} số thuộc diện đầu kỳ vào cuối giai đoạn`;
    if (leaving.own) return { target, verdict: leaving.label! };
    if (leaving.atStart === null) return { target, verdict: "-" };
    return { target, verdict: leaving.label === null ? "Không có địa bàn thuộc diện" : `${leaving.label} (${leaving.share.text}; lộ trình ${leaving.pathText})` };
  }
  return null;
}
