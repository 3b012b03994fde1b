// A unit's page: status and dates, key numbers and charts, children with their status, the map,
// the report as HTML and the downloads.

import { deprivationChart, flowsChart, moneyChart, ratesChart, childrenRateChart } from "./chart-specs.js";
import type { ChartView } from "./charts.js";
import { displayStatus, unitPath } from "./format.js";
import type { MapView } from "./geo-svg.js";
import type { Series, UnitPage } from "./model.js";
import { focusMap, pageBase, progressRow, type SiteIndex, unitLink, unitMaps } from "./views-common.js";

export interface UnitViewOptions {
  /** Render ECharts charts on this unit's page (tables are always there). */
  charts: boolean;
}

function ancestors(ix: SiteIndex, u: UnitPage): UnitPage[] {
  const out: UnitPage[] = [];
  for (let p = u.parent; p; p = ix.units.get(p)?.parent ?? null) {
    const a = ix.units.get(p);
    if (!a || out.includes(a)) break;
    out.unshift(a);
  }
  return out;
}

function keyTable(ix: SiteIndex, u: UnitPage) {
  const k = u.key;
  if (!k) return null;
  const periods = ix.model.periods;
  const row = (label: string, s: Series) => ({
    label,
    cells: periods.map((p) => s.find((x) => x.period === p.id)?.text ?? ""),
  });
  return {
    head: ["Chỉ tiêu", ...periods.map((p) => p.stock_label)],
    rows: [
      row("Tổng số hộ dân cư (hộ)", k.households),
      row("Số hộ nghèo (hộ)", k.poor),
      row("Tỷ lệ hộ nghèo", k.poor_rate),
      row("Số hộ cận nghèo (hộ)", k.near_poor),
      row("Tỷ lệ hộ cận nghèo", k.near_poor_rate),
      row("Số hộ thoát nghèo trong kỳ (hộ)", k.escaped),
      row("Số hộ tái nghèo trong kỳ (hộ)", k.relapsed),
      row("Số hộ nghèo phát sinh trong kỳ (hộ)", k.new_poor),
    ],
  };
}

function cards(ix: SiteIndex, u: UnitPage) {
  const k = u.key;
  if (!k) return [];
  const last = (s: Series) => s.find((p) => p.period === ix.model.latest)?.text ?? "—";
  const label = ix.model.periods.find((p) => p.id === ix.model.latest)?.stock_label ?? "";
  const out = [
    { label: "Tổng số hộ", value: last(k.households), sub: label },
    { label: "Hộ nghèo", value: last(k.poor), sub: `Tỷ lệ ${last(k.poor_rate)}` },
    { label: "Hộ cận nghèo", value: last(k.near_poor), sub: `Tỷ lệ ${last(k.near_poor_rate)}` },
  ];
  if (u.reduction) {
    out.push({
      label: "Giảm tỷ lệ nghèo bình quân/năm",
      value: `${u.reduction.average_per_year.text} điểm %`,
      sub: `Mục tiêu ${u.reduction.target.text} điểm %/năm: ${u.reduction.verdict_label}`,
    });
  }
  return out;
}

export function unitView(ix: SiteIndex, u: UnitPage, opts: UnitViewOptions): object {
  const { model } = ix;
  const path = unitPath(u.code);
  const trail = ancestors(ix, u);
  const base = pageBase(ix, path, u.name, {
    nav: "unit",
    numbers: u.key !== null || u.finance !== null,
    fold: { self: u.name, context: trail[trail.length - 1]?.name ?? null },
  });
  const root = base.root;
  const children = u.children.map((c) => ix.units.get(c)).filter((c): c is UnitPage => c !== undefined);
  const latest = model.latest;

  const charts: ChartView[] = [];
  if (opts.charts) {
    const c = [
      ratesChart(model, u, `chart-${u.code}-rates`),
      flowsChart(model, u, `chart-${u.code}-flows`),
      deprivationChart(model, u, `chart-${u.code}-dep`),
      children.length > 1 ? childrenRateChart(model, children, "poor_rate", `Tỷ lệ hộ nghèo của các đơn vị trực thuộc – ${u.name}`, `chart-${u.code}-children`) : null,
      u.finance ? moneyChart(model, u.finance.by_source, u.finance.total, `Vốn theo nguồn: kế hoạch và giải ngân – ${u.name}`, `chart-${u.code}-src`) : null,
      u.finance ? moneyChart(model, u.finance.by_component, u.finance.total, `Vốn theo dự án thành phần – ${u.name}`, `chart-${u.code}-cmp`) : null,
    ];
    for (const x of c) if (x) charts.push(x);
  }

  // Maps: a unit with mapped children shows them; a mapped unit shows itself inside its parent.
  const communes = model.geo.communes.features;
  let maps: MapView[] = [];
  const own = communes.filter((f) => f.properties.district_code === u.code);
  if (own.length > 0) {
    const m = unitMaps(ix, root, own, `map-${u.code}`, u.name);
    maps = [m.status, m.rate];
  } else if (u.parent && communes.some((f) => f.properties.code === u.code)) {
    const parent = ix.units.get(u.parent);
    const siblings = communes.filter((f) => f.properties.district_code === u.parent);
    maps = [focusMap(ix, root, siblings, u, parent?.name ?? "")];
  }

  return {
    ...base,
    unit: u,
    level_name: ix.levelName.get(u.level) ?? u.level,
    display_status: displayStatus(u),
    trail: [...trail.map((a) => unitLink(root, a))],
    parent: trail.length ? unitLink(root, trail[trail.length - 1]!) : null,
    cards: cards(ix, u),
    key_table: keyTable(ix, u),
    reduction: u.reduction,
    charts,
    maps,
    children_progress: u.children_counts ? progressRow(ix, u.children_counts) : null,
    children: children.map((c) => ({
      link: unitLink(root, c),
      status: displayStatus(c),
      status_label: c.status_label,
      timeliness_label: c.timeliness_label,
      submitted: c.submitted?.text ?? "—",
      rate: c.key?.poor_rate.find((p) => p.period === latest)?.text ?? "—",
    })),
    model_labels: model.labels,
    downloads: [
      ...u.documents.map((d) => ({ label: d.label, href: root + d.path, format: d.format.toUpperCase() })),
      { label: "Số liệu (JSON)", href: `${root}data/${u.code}.json`, format: "JSON" },
      { label: "Số liệu (CSV, mở bằng Excel)", href: `${root}data/${u.code}.csv`, format: "CSV" },
    ],
  };
}
