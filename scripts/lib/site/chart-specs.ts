// The site's charts, each built from SiteModel values with its table of the same numbers.
// Raw values feed the chart, the view model's formatted texts fill the tables.

import type { MoneyRow, PeriodInfo, Series, SiteModel, UnitPage } from "./model.js";
import { barChart, type ChartView, COLORS, columnChart, lineChart } from "./charts.js";
import { NO_FIGURE } from "../text/format.js";

function at(s: Series, period: string): { value: number | null; text: string } {
  return s.find((p) => p.period === period) ?? { value: null, text: NO_FIGURE };
}

function periodsOf(model: SiteModel, ...series: Series[]): PeriodInfo[] {
  return model.periods.filter((p) => series.some((s) => s.some((x) => x.period === p.id && x.value !== null)));
}

/** Poor and near-poor rates over the periods, against the target path. */
export function ratesChart(model: SiteModel, u: UnitPage, title: string, id: string): ChartView | null {
  const k = u.key;
  if (!k) return null;
  const target = u.reduction?.target_path ?? [];
  const periods = periodsOf(model, k.poor_rate, k.near_poor_rate);
  if (periods.length === 0) return null;
  const series = [
    { name: model.series_names.poor_rate, color: COLORS.poor, s: k.poor_rate },
    { name: model.series_names.near_poor_rate, color: COLORS.nearPoor, s: k.near_poor_rate },
    ...(target.length ? [{ name: "Lộ trình theo mục tiêu", color: COLORS.target, s: target, dashed: true }] : []),
  ];
  return {
    id,
    title,
    svg: lineChart(
      periods.map((p) => p.stock_label),
      series.map((x) => ({ ...x, values: periods.map((p) => at(x.s, p.id).value) })),
      "%",
    ),
    table: {
      head: ["Thời điểm", ...series.map((x) => x.name)],
      rows: periods.map((p) => ({ label: p.stock_label, cells: series.map((x) => at(x.s, p.id).text) })),
    },
    note: u.reduction ? `Mục tiêu giảm ${u.reduction.target.text} điểm %/năm (${u.reduction.target.basis}). Đường nét đứt: tỷ lệ sẽ đạt nếu giảm đúng mức tối thiểu.` : null,
  };
}

/** Households escaping, relapsing into and newly falling into poverty, per flow period. */
export function flowsChart(model: SiteModel, u: UnitPage, title: string, id: string): ChartView | null {
  const k = u.key;
  if (!k) return null;
  const periods = periodsOf(model, k.escaped, k.relapsed, k.new_poor).filter((p) => p.flow_label !== null);
  if (periods.length === 0) return null;
  const series = [
    { name: model.series_names.escaped, color: COLORS.escaped, s: k.escaped },
    { name: model.series_names.relapsed, color: COLORS.relapsed, s: k.relapsed },
    { name: model.series_names.new_poor, color: COLORS.newPoor, s: k.new_poor },
  ];
  const label = (p: PeriodInfo) => p.flow_label ?? p.stock_label;
  return {
    id,
    title,
    svg: columnChart(
      periods.map(label),
      series.map((x) => ({ ...x, values: periods.map((p) => at(x.s, p.id).value) })),
      "",
    ),
    table: {
      head: ["Kỳ", ...series.map((x) => `${x.name} (hộ)`)],
      rows: periods.map((p) => ({ label: label(p), cells: series.map((x) => at(x.s, p.id).text) })),
    },
    note: null,
  };
}

/** Share of poor households deprived on each dimension: earliest and latest period with data. */
export function deprivationChart(model: SiteModel, u: UnitPage, title: string, id: string): ChartView | null {
  const k = u.key;
  if (!k || k.deprivations.length === 0) return null;
  const periods = periodsOf(model, ...k.deprivations.map((d) => d.rate));
  const shown = periods.length > 1 ? [periods[0]!, periods[periods.length - 1]!] : periods;
  if (shown.length === 0) return null;
  const names = new Map(model.deprivations.map((d) => [d.id, d.name]));
  const rows = k.deprivations.map((d) => ({ name: names.get(d.id) ?? d.id, d }));
  const colors = shown.length > 1 ? [COLORS.deprivedEarlier, COLORS.deprived] : [COLORS.deprived];
  return {
    id,
    title,
    svg: barChart(
      rows.map((r) => r.name),
      shown.map((p, i) => ({
        name: p.stock_label,
        color: colors[i] ?? COLORS.deprived,
        values: rows.map((r) => at(r.d.rate, p.id).value),
      })),
      "%",
    ),
    table: {
      head: ["Chỉ số thiếu hụt", ...shown.flatMap((p) => [`Số hộ – ${p.stock_label}`, `Tỷ lệ – ${p.stock_label}`])],
      rows: rows.map((r) => ({
        label: r.name,
        cells: shown.flatMap((p) => [at(r.d.count, p.id).text, at(r.d.rate, p.id).text]),
      })),
    },
    note: "Tỷ lệ tính trên tổng số hộ nghèo; một hộ có thể thiếu hụt nhiều chỉ số.",
  };
}

/** Money planned against disbursed, one row per source or component. */
export function moneyChart(model: SiteModel, rows: MoneyRow[], total: MoneyRow, title: string, id: string): ChartView | null {
  if (rows.length === 0) return null;
  const unit = model.project.money_unit;
  return {
    id,
    title,
    svg: barChart(
      rows.map((r) => r.name),
      [
        { name: "Kế hoạch vốn", color: COLORS.planned, values: rows.map((r) => r.planned.value) },
        { name: "Giải ngân", color: COLORS.disbursed, values: rows.map((r) => r.disbursed.value) },
      ],
      "",
    ),
    table: {
      head: ["Nội dung", `Kế hoạch (${unit})`, `Giải ngân (${unit})`, "Tỷ lệ giải ngân"],
      rows: [...rows, total].map((r) => ({ label: r.name, cells: [r.planned.text, r.disbursed.text, r.rate.text] })),
    },
    note: `Đơn vị tính: ${unit}; lũy kế các kỳ đánh giá.`,
  };
}

/** Poor (or near-poor) rate of each child unit: baseline, latest and (poor only) the target path. */
export function childrenRateChart(
  model: SiteModel,
  units: UnitPage[],
  which: "poor_rate" | "near_poor_rate",
  title: string,
  id: string,
): ChartView | null {
  const withKey = units.filter((u) => u.key);
  if (withKey.length === 0) return null;
  const base = model.periods.find((p) => p.id === model.baseline);
  const last = model.periods.find((p) => p.id === model.latest);
  if (!base || !last) return null;
  const cols: { name: string; color: string; get: (u: UnitPage) => { value: number | null; text: string } }[] = [
    { name: base.stock_label, color: COLORS.baseline, get: (u: UnitPage) => at(u.key![which], base.id) },
    { name: last.stock_label, color: COLORS.latest, get: (u: UnitPage) => at(u.key![which], last.id) },
  ];
  if (which === "poor_rate") {
    cols.push({
      name: "Mục tiêu đến " + last.stock_label.toLowerCase(),
      color: COLORS.target,
      get: (u: UnitPage) => at(u.reduction?.target_path ?? [], last.id),
    });
  }
  return {
    id,
    title,
    svg: barChart(
      withKey.map((u) => u.name),
      cols.map((c) => ({ name: c.name, color: c.color, values: withKey.map((u) => c.get(u).value) })),
      "%",
    ),
    table: {
      head: ["Đơn vị", ...cols.map((c) => c.name)],
      rows: withKey.map((u) => ({ label: u.name, cells: cols.map((c) => c.get(u).text) })),
    },
    note: null,
  };
}
