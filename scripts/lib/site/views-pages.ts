// The other pages: indicator views for the province, the plan with its schedule, about, search.

import { childrenRateChart, deprivationChart, flowsChart, moneyChart, ratesChart } from "./chart-specs.js";
import type { ChartView } from "./charts.js";
import type { UnitChart, UnitPage } from "./model.js";
import { pageBase, type SiteIndex, unitLink, unitOf } from "./views-common.js";
import { documentDownloads, provinceDownloads } from "./views-downloads.js";
import { indicatorPath, keyIndicators } from "./views-indicator.js";

export function indicatorsView(ix: SiteIndex): object {
  const { model } = ix;
  const base = pageBase(ix, "chi-so/index.html", "Chỉ số giảm nghèo", { nav: "indicators", numbers: true });
  const province = unitOf(ix, model.root);
  const children = province.children
    .map((c) => unitOf(ix, c))
    .filter((u) => !ix.agencyLevels.has(u.level));
  const withKey = children.filter((u) => u.key);
  const place = province.name;
  // The province's charts as the catalogue titles them (a kind it does not list is not drawn), and
  // its units compared.
  const titled = new Map(model.unit_charts.map((c) => [c.chart, `${c.title} – ${place}`]));
  const chart = (kind: UnitChart, make: (title: string) => ChartView | null) => (titled.has(kind) ? make(titled.get(kind)!) : null);
  const names = model.series_names;
  const charts = [
    chart("ty_le", (t) => ratesChart(model, province, t, "chart-rates")),
    childrenRateChart(model, withKey, "poor_rate", `${names.poor_rate} theo đơn vị: đầu kỳ, hiện tại và mục tiêu – ${place}`, "chart-children-poor"),
    childrenRateChart(model, withKey, "near_poor_rate", `${names.near_poor_rate} theo đơn vị – ${place}`, "chart-children-near"),
    chart("bien_dong", (t) => flowsChart(model, province, t, "chart-flows")),
    chart("thieu_hut", (t) => deprivationChart(model, province, t, "chart-dep")),
    province.finance ? chart("von_theo_nguon", (t) => moneyChart(model, province.finance!.by_source, province.finance!.total, t, "chart-src")) : null,
    province.finance ? chart("von_theo_du_an", (t) => moneyChart(model, province.finance!.by_component, province.finance!.total, t, "chart-cmp")) : null,
  ].filter((c): c is ChartView => c !== null);

  const reductionRow = (u: UnitPage) => ({
    link: unitLink(base.root, u),
    average: u.reduction?.average_per_year.text ?? "—",
    target: u.reduction?.target.text ?? "—",
    verdict: u.reduction?.verdict ?? "chua_du_so_lieu",
    verdict_label: u.reduction?.verdict_label ?? "—",
  });
  return {
    ...base,
    province: unitLink(base.root, province),
    downloads: provinceDownloads(ix, base.root),
    indicators: keyIndicators(ix).map((i) => ({ ...i, href: base.root + indicatorPath(i.id) })),
    charts,
    reduction: [province, ...withKey].filter((u) => u.reduction).map(reductionRow),
  };
}

export function planView(ix: SiteIndex): object {
  const { model } = ix;
  const base = pageBase(ix, "ke-hoach/index.html", model.plan.title, { nav: "plan", numbers: false });
  const levelName = (id: string | null) => (id ? ix.levelName.get(id) ?? null : null);
  return {
    ...base,
    plan: model.plan,
    as_of: model.project.as_of,
    schedule: model.plan.schedule.map((s) => ({
      ...s,
      level_name: levelName(s.level),
      state: s.days.value < 0 ? "past" : s.days.value <= 7 ? "soon" : "future",
    })),
    downloads: documentDownloads(ix, base.root, model.plan.documents, false),
  };
}

export function aboutView(ix: SiteIndex): object {
  const base = pageBase(ix, "gioi-thieu/index.html", "Giới thiệu", { nav: "about", numbers: false });
  return { ...base, about: ix.model.about, illustrative: ix.model.project.illustrative };
}

export function searchView(ix: SiteIndex): object {
  const { model } = ix;
  const base = pageBase(ix, "tim-kiem/index.html", "Tìm kiếm", { nav: "search", numbers: false, indexed: false });
  const province = unitOf(ix, model.root);
  const link = (u: UnitPage) => unitLink(base.root, u);
  // Without JavaScript the page lists every unit: each child of the province with its own children.
  const groups = province.children
    .map((c) => unitOf(ix, c))
    .filter((u) => !ix.agencyLevels.has(u.level))
    .map((u) => ({ head: link(u), items: u.children.map((c) => link(unitOf(ix, c))) }));
  const agencies = model.units.filter((u) => ix.agencyLevels.has(u.level)).map(link);
  return { ...base, province: link(province), groups, agencies, agency_level: model.levels.find((l) => l.kind === "agency")?.name ?? "" };
}
