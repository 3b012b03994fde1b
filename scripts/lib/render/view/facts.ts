// Sentences that quote the numbers in a report's body, computed from the same figures as the
// annex forms, so text and tables agree.
import type { UnitFigures } from "../../aggregate/roll-up.js";
import type { Period } from "../../model/types.js";
import { reductionResult, type ReductionResult, type TargetEnv } from "./targets-view.js";
import type { Derived } from "./unit-view.js";
import { formatNumber, formatTrimmed as short } from "../../text/format.js";
import { inSentence, lowerFirst } from "./names.js";

export interface FactEnv extends TargetEnv {
  moneyUnit: string;
}

const n = (v: number | undefined) => (v === undefined ? "-" : formatNumber(v));
const pct = (v: number | undefined) => (v === undefined ? "-" : `${formatNumber(v, 2)}%`);

/** The verdict's label in a sentence: "vượt", "đạt", "chưa đạt". */
const inText = (label: string) => label.toLocaleLowerCase("vi");

/** `d`: the figures derived from the same values as `fig.effective` (unit-view.ts). */
export function povertyFacts(fig: UnitFigures, env: FactEnv, d: Pick<Derived, "reduction" | "minorityReduction" | "income" | "leaving">): string[] {
  const v = fig.effective;
  const r = env.roles;
  const at = (id: string, p: Period) => v[id]?.[p.id];
  const first = env.periods[0]!;
  const last = env.periods[env.periods.length - 1]!;
  const r0 = at(r.poverty_rate, first);
  const r1 = at(r.poverty_rate, last);
  if (r0 === undefined || r1 === undefined) return [];
  const res = reductionResult(d.reduction)!;
  const near = (p: Period) => (at(r.near_poor, p) === undefined ? "" : ` và ${n(at(r.near_poor, p))} hộ cận nghèo (${pct(at(r.near_poverty_rate, p))})`);
  const minority = !at(r.poor_minority, last) ? "" : `, trong đó ${n(at(r.poor_minority, last))} hộ nghèo dân tộc thiểu số`; // none: no "trong đó 0 hộ"
  const t = res.target;
  const { min, max } = res.targetText;
  const goal = `${max === null ? `${min} điểm %/năm của địa bàn đặc biệt khó khăn` : `${min} - ${max} điểm %/năm`} của ${t.source}`;
  const out = [
    `${first.stock_label} có ${n(at(r.households, first))} hộ dân cư, trong đó ${n(at(r.poor, first))} hộ nghèo (${pct(r0)})${near(first)}; đến ${last.stock_label} còn ${n(at(r.poor, last))} hộ nghèo (${pct(r1)})${minority}${near(last)}.`,
    `Tỷ lệ hộ nghèo giảm ${d.reduction!.overall.text} điểm %, bình quân giảm ${res.perYear.text} điểm %/năm, ${reductionClause(res, goal, "Tỷ lệ hộ nghèo")}`,
    ...minorityFacts(fig, env, d),
    ...incomeFacts(env, d),
    ...leavingFacts(fig, env, d),
  ];
  const flows = (id: string) => env.periods.reduce((s, p) => s + (v[id]?.[p.id] ?? 0), 0);
  if (v[r.escaped]) {
    out.push(`Giai đoạn ${env.project.window_label}: ${n(flows(r.escaped))} hộ thoát nghèo, ${n(flows(r.relapsed))} hộ tái nghèo, ${n(flows(r.new_poor))} hộ nghèo phát sinh.`);
  }
  return out;
}

/** "vượt/đạt/chưa đạt mục tiêu …", or why a unit below target is not "chưa đạt". */
function reductionClause(res: ReductionResult, goal: string, subject: string): string {
  if (res.verdict === "muc_thap") return `thấp hơn mục tiêu giảm ${goal}; tuy nhiên ${subject.toLowerCase()} đã ở mức thấp (${res.last.text}, không quá ${short(res.target.lowRate ?? 0)}%).`;
  return `${inText(res.label)} mục tiêu giảm ${goal}.`;
}

function minorityFacts(fig: UnitFigures, env: FactEnv, d: Pick<Derived, "minorityReduction">): string[] {
  const rate = env.roles.minority_poverty_rate;
  const res = reductionResult(d.minorityReduction);
  if (!res || !fig.effective[env.roles.poor_minority]) return [];
  const r0 = fig.effective[rate]![env.periods[0]!.id]!;
  const low = res.target.lowRate;
  if (low !== null && r0 <= low && res.last.value <= low) return [`Tỷ lệ hộ nghèo dân tộc thiểu số (trên tổng số hộ dân tộc thiểu số) ở mức thấp ngay từ đầu kỳ: ${pct(r0)}, đến ${env.periods[env.periods.length - 1]!.stock_label} là ${res.last.text}.`];
  const goal = `${res.targetText.min} - ${res.targetText.max ?? res.targetText.min} điểm %/năm của ${res.target.source}`;
  return [`Tỷ lệ hộ nghèo dân tộc thiểu số (trên tổng số hộ dân tộc thiểu số) từ ${pct(r0)} còn ${res.last.text}, bình quân giảm ${res.perYear.text} điểm %/năm, ${reductionClause(res, goal, "Tỷ lệ hộ nghèo dân tộc thiểu số")}`];
}

function incomeFacts(env: TargetEnv, d: Pick<Derived, "income">): string[] {
  const first = env.periods[0]!;
  const last = env.periods[env.periods.length - 1]!;
  const { target: t, targetText, base, now, multiple, label } = d.income;
  if (multiple.value === null) return [];
  return [
    `Thu nhập bình quân đầu người của hộ nghèo từ ${n(base ?? undefined)} nghìn đồng/người/tháng (${first.stock_label.toLowerCase()}) lên ${n(now ?? undefined)} nghìn đồng/người/tháng (${last.stock_label}), gấp ${multiple.text} lần, ${inText(label)} lộ trình gấp ${targetText.path} lần đến ${last.stock_label} (mục tiêu gấp ${targetText.multiple} lần vào cuối giai đoạn${t.poorArea ? " đối với địa bàn đặc biệt khó khăn" : ""}, tính theo tỷ lệ thời gian đã qua).`,
  ];
}

/** Areas leaving their status: the unit's own status, or the count below it against the target. */
function leavingFacts(fig: UnitFigures, env: FactEnv, d: Pick<Derived, "leaving">): string[] {
  const first = env.periods[0]!;
  const last = env.periods[env.periods.length - 1]!;
  const bare = (id: string) => (env.indicators.get(id)?.name ?? id).replace(/^Số /, "");
  return d.leaving.flatMap((l) => {
    const { of, indicator } = l.target;
    if (l.own) return [`Đầu kỳ, ${inSentence(fig.unit)} thuộc diện ${bare(of)}; đến ${last.stock_label} ${l.left ? "đã" : "chưa"} ${bare(indicator).replace(/^\S+ /, "")}.`];
    if (l.label === null) return [];
    return [`${first.stock_label} có ${n(l.atStart ?? 0)} ${bare(of)}; đến ${last.stock_label} có ${n(l.left)} ${bare(indicator)} (${l.share.text}), ${inText(l.label)} lộ trình ${l.pathText} đến ${last.stock_label} (mục tiêu ${l.targetText} vào cuối giai đoạn).`];
  });
}

export function deprivationFacts(fig: UnitFigures, env: FactEnv, d: Derived): string[] {
  const last = env.periods[env.periods.length - 1]!;
  if (!fig.effective[env.roles.poor]?.[last.id]) return [];
  const shares = d.deprivations
    .map((x) => ({ name: x.indicator.name, short: x.short, share: x.shares.find((p) => p.period === last.id)?.value ?? null, text: x.shares.find((p) => p.period === last.id)?.text ?? "" }))
    .filter((x): x is { name: string; short: string; share: number; text: string } => x.share !== null)
    .sort((a, b) => b.share - a.share || (a.name < b.name ? -1 : 1))
    .slice(0, 3);
  if (!shares.length) return [];
  return [`Các chỉ số thiếu hụt dịch vụ xã hội cơ bản cao nhất của hộ nghèo tại thời điểm ${last.stock_label}: ${shares.map((s) => `${lowerFirst(s.short)} (${s.text})`).join("; ")}.`];
}

export function financeFacts(env: FactEnv, d: Pick<Derived, "money">): string[] {
  if (!d.money) return [];
  const { plan, disbursed, rate } = d.money;
  // Without a plan there is no rate (Biểu 05 leaves the cell empty): say so, never "đạt 0,00%".
  const share = rate.value === null ? "chưa có kế hoạch vốn được giao nên không tính tỷ lệ giải ngân" : `đạt ${rate.text} kế hoạch`;
  return [`Tổng kế hoạch vốn được giao giai đoạn ${env.project.window_label} là ${plan.text} ${env.moneyUnit}; đã giải ngân ${disbursed.text} ${env.moneyUnit}, ${share}.`];
}
