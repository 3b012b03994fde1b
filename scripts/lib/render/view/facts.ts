// Sentences that quote the numbers in a report's body, computed from the same figures as the
// annex forms, so text and tables agree.
import type { UnitFigures } from "../../aggregate/roll-up.js";
import type { Indicator, Period, Project } from "../../model/types.js";
import { povertyTarget, verdictOf } from "../../model/targets.js";
import { formatNumber } from "../format.js";

export interface FactEnv {
  project: Project;
  periods: readonly Period[];
  indicators: ReadonlyMap<string, Indicator>;
  moneyUnit: string;
}

const n = (v: number | undefined) => (v === undefined ? "-" : formatNumber(v));
const pct = (v: number | undefined) => (v === undefined ? "-" : `${formatNumber(v, 2)}%`);

export function povertyFacts(fig: UnitFigures, env: FactEnv): string[] {
  const v = fig.effective;
  const first = env.periods[0]!;
  const last = env.periods[env.periods.length - 1]!;
  const r0 = v.ty_le_ho_ngheo?.[first.id];
  const r1 = v.ty_le_ho_ngheo?.[last.id];
  if (r0 === undefined || r1 === undefined) return [];
  const years = env.periods.reduce((s, p) => s + p.years, 0);
  const drop = r0 - r1;
  const perYear = years > 0 ? drop / years : 0;
  const target = povertyTarget(fig.unit, env.project);
  const verdict = { vuot: "vượt", dat: "đạt", khong_dat: "chưa đạt" }[verdictOf(perYear, target)];
  const goal = target.max === null ? `${formatNumber(target.min, 0)} điểm %/năm của địa bàn đặc biệt khó khăn` : `${formatNumber(target.min, 0)} - ${formatNumber(target.max, 1)} điểm %/năm`;
  const near = (p: string) => (v.ho_can_ngheo?.[p] === undefined ? "" : ` và ${n(v.ho_can_ngheo[p])} hộ cận nghèo (${pct(v.ty_le_ho_can_ngheo?.[p])})`);
  const minority = v.ho_ngheo_dtts?.[last.id] === undefined ? "" : `, trong đó ${n(v.ho_ngheo_dtts[last.id])} hộ nghèo dân tộc thiểu số`;
  const out = [
    `${first.stock_label} có ${n(v.ho_dan_cu?.[first.id])} hộ dân cư, trong đó ${n(v.ho_ngheo?.[first.id])} hộ nghèo (${pct(r0)})${near(first.id)}; đến ${last.stock_label} còn ${n(v.ho_ngheo?.[last.id])} hộ nghèo (${pct(r1)})${minority}${near(last.id)}.`,
    `Tỷ lệ hộ nghèo giảm ${formatNumber(drop, 2)} điểm %, bình quân giảm ${formatNumber(perYear, 2)} điểm %/năm, ${verdict} mục tiêu giảm ${goal} của ${env.project.targets.source}.`,
  ];
  const flows = (id: string) => env.periods.reduce((s, p) => s + (v[id]?.[p.id] ?? 0), 0);
  if (v.ho_thoat_ngheo) {
    out.push(`Giai đoạn ${env.project.window_label}: ${n(flows("ho_thoat_ngheo"))} hộ thoát nghèo, ${n(flows("ho_tai_ngheo"))} hộ tái nghèo, ${n(flows("ho_ngheo_phat_sinh"))} hộ nghèo phát sinh.`);
  }
  return out;
}

export function deprivationFacts(fig: UnitFigures, env: FactEnv): string[] {
  const last = env.periods[env.periods.length - 1]!;
  const poor = fig.effective.ho_ngheo?.[last.id];
  if (!poor) return [];
  const shares = [...env.indicators.values()]
    .filter((i) => i.group === "thieu_hut")
    .map((i) => ({ name: i.name, share: ((fig.effective[i.id]?.[last.id] ?? NaN) / poor) * 100 }))
    .filter((x) => Number.isFinite(x.share))
    .sort((a, b) => b.share - a.share || (a.name < b.name ? -1 : 1))
    .slice(0, 3);
  if (!shares.length) return [];
  return [`Các chỉ số thiếu hụt dịch vụ xã hội cơ bản cao nhất của hộ nghèo tại thời điểm ${last.stock_label}: ${shares.map((s) => `${s.name.replace(/^Số hộ nghèo thiếu hụt (về )?/i, "").toLowerCase()} (${formatNumber(s.share, 2)}%)`).join("; ")}.`];
}

export function financeFacts(fig: UnitFigures, env: FactEnv): string[] {
  if (!fig.finance.length) return [];
  // Whole units, record by record, as in Biểu 04 and 05.
  const plan = fig.finance.reduce((s, f) => s + Math.round(f.plan), 0);
  const done = fig.finance.reduce((s, f) => s + Math.round(f.disbursed), 0);
  return [`Tổng kế hoạch vốn được giao giai đoạn ${env.project.window_label} là ${formatNumber(plan)} ${env.moneyUnit}; đã giải ngân ${formatNumber(done)} ${env.moneyUnit}, đạt ${formatNumber(plan ? (done / plan) * 100 : 0, 2)}% kế hoạch.`];
}
