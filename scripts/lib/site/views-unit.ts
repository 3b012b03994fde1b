// A unit's page: status and dates, key numbers and charts, children with their status, the map,
// the report as HTML and the downloads.

import { deprivationChart, flowsChart, moneyChart, ratesChart, childrenRateChart } from "./chart-specs.js";
import type { ChartView } from "./charts.js";
import { TIMELINESS_ORDER, unitPath } from "./format.js";
import type { MapGeometry, MapView } from "./geo-svg.js";
import type { UnitChart, UnitPage } from "./model.js";
import { focusMap, pageBase, progressRow, type SiteIndex, unitLink, unitMaps } from "./views-common.js";
import { documentDownloads, unitDataDownloads } from "./views-downloads.js";

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
  return {
    head: ["Chỉ tiêu", ...periods.map((p) => p.stock_label)],
    rows: k.figures.map((f) => ({ label: f.label, cells: periods.map((p) => f.values.find((x) => x.period === p.id)?.text ?? "") })),
  };
}

function cards(ix: SiteIndex, u: UnitPage) {
  const k = u.key;
  if (!k) return [];
  const label = ix.model.periods.find((p) => p.id === ix.model.latest)?.stock_label ?? "";
  const out = k.cards.map((c) => ({ label: c.label, value: c.value.text, sub: c.rate ? `Tỷ lệ ${c.rate.text}` : label }));
  if (u.reduction) {
    out.push({
      label: "Giảm tỷ lệ nghèo bình quân/năm",
      value: `${u.reduction.average_per_year.text} điểm %`,
      sub: `Mục tiêu ${u.reduction.target.text} điểm %/năm: ${u.reduction.verdict_label}`,
    });
  }
  return out;
}

/** Filters of the children table by timeliness and approval: anchors the CSS acts on (no JS). */
function childFilters(ix: SiteIndex, children: UnitPage[]) {
  const l = ix.model.labels;
  const all = { key: "all", label: "Tất cả", count: children.length };
  const byTime = TIMELINESS_ORDER.map((t) => ({ key: t, label: l.timeliness[t], count: children.filter((c) => c.timeliness === t).length }));
  const approved = { key: "approved", label: l.approved, count: children.filter((c) => c.status === "da_duyet").length };
  return [all, ...byTime, approved].filter((f) => f.key === "all" || f.count > 0);
}

/**
 * The report's HTML (its document tree rendered by `blocksHtml`, trusted) with ids on its section
 * headings, and the table of contents built from them. Heading text is taken as the escaped HTML
 * `blocksHtml` wrote (heading 1 → `<h2>`, heading 2 → `<h3>`). Each
 * top-level section (from one `<h2>` to the next) is folded into a closed `<details>` whose summary
 * is the heading, so a phone shows the outline first; what precedes the first section (the
 * illustrative-data notice, the opening paragraph) stays open. A link to a heading opens its
 * section (the browser for one inside it, site/report-toc.ts for the heading itself).
 */
export function reportWithToc(html: string): { html: string; toc: { id: string; html: string; level: number }[] } {
  const toc: { id: string; html: string; level: number }[] = [];
  const out = html.replace(/<h([23])>([\s\S]*?)<\/h\1>/g, (_m, level: string, inner: string) => {
    const id = `muc-${toc.length + 1}`;
    toc.push({ id, html: inner.replace(/<[^>]*>/g, ""), level: Number(level) });
    return `<h${level} id="${id}">${inner}</h${level}>`;
  });
  const first = out.search(/<h2 id="muc-\d+">/);
  if (first === -1) return { html: out, toc };
  const sections = out.slice(first).split(/(?=<h2 id="muc-\d+">)/);
  const folded = sections.map((section) => {
    const end = section.indexOf("</h2>") + "</h2>".length;
    return `<details class="report-section"><summary>${section.slice(0, end)}</summary>\n${section.slice(end).trim()}\n</details>\n`;
  });
  return { html: out.slice(0, first) + folded.join(""), toc };
}

/** "Sửa báo cáo này" (the report file in the repository's web editor) and "Báo lỗi" (a new issue). */
function editLinks(ix: SiteIndex, u: UnitPage): { edit: string | null; issue: string } | null {
  const repo = ix.model.project.repository;
  if (!repo) return null;
  const title = `Báo lỗi: ${u.name} (mã ${u.code})`;
  const body = `Trang: ${u.name} (mã ${u.code})\nTệp số liệu: ${u.source_file ?? "chưa có"}\n\nMô tả lỗi:\n`;
  return {
    edit: u.source_file ? `${repo.url}/edit/${encodeURI(repo.branch)}/${u.source_file.split("/").map(encodeURIComponent).join("/")}` : null,
    issue: `${repo.url}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`,
  };
}

/** "Xã A (Huyện B): Nộp đúng hạn, đã duyệt. Tỷ lệ hộ nghèo 30/6/2018: 8,00%." for link previews. */
function unitDescription(ix: SiteIndex, u: UnitPage, parent: UnitPage | null): string {
  const { model } = ix;
  const approved = u.status === "da_duyet" ? `, ${model.labels.approved.toLowerCase()}` : "";
  const rate = u.key?.poor_rate.find((p) => p.period === model.latest);
  const when = model.periods.find((p) => p.id === model.latest)?.stock_label ?? "";
  return [
    `${u.name}${parent ? ` (${parent.name})` : ""}: ${u.timeliness_label}${approved}.`,
    rate && rate.value !== null ? `Tỷ lệ hộ nghèo ${when}: ${rate.text}.` : null,
    u.reduction ? `Giảm ${u.reduction.average_per_year.text} điểm %/năm, mục tiêu ${u.reduction.target.text}: ${u.reduction.verdict_label}.` : null,
  ].filter(Boolean).join(" ");
}

/** The unit's charts: rates, flows, deprivations, its children's rates, its money by source and component. */
function unitCharts(ix: SiteIndex, u: UnitPage, children: UnitPage[]): ChartView[] {
  const { model } = ix;
  // Each kind of chart, titled by the catalogue ("… – " the unit's name).
  const charts: Record<UnitChart, (title: string) => ChartView | null> = {
    ty_le: (title) => ratesChart(model, u, title, `chart-${u.code}-rates`),
    bien_dong: (title) => flowsChart(model, u, title, `chart-${u.code}-flows`),
    thieu_hut: (title) => deprivationChart(model, u, title, `chart-${u.code}-dep`),
    don_vi_truc_thuoc: (title) => (children.length > 1 ? childrenRateChart(model, children, "poor_rate", title, `chart-${u.code}-children`) : null),
    von_theo_nguon: (title) => (u.finance ? moneyChart(model, u.finance.by_source, u.finance.total, title, `chart-${u.code}-src`) : null),
    von_theo_du_an: (title) => (u.finance ? moneyChart(model, u.finance.by_component, u.finance.total, title, `chart-${u.code}-cmp`) : null),
  };
  return model.unit_charts.map((c) => charts[c.chart](`${c.title} – ${u.name}`)).filter((x): x is ChartView => x !== null);
}

/** Maps: a unit with mapped children shows them; a mapped unit shows itself inside its parent. */
function unitMapViews(ix: SiteIndex, u: UnitPage, root: string): { maps: MapView[]; mapGeometry: MapGeometry | null } {
  const communes = ix.model.geo.communes.features;
  const own = communes.filter((f) => f.properties.district_code === u.code);
  if (own.length > 0) {
    const m = unitMaps(ix, root, own, `map-${u.code}`, u.name);
    return { maps: [m.status, m.rate], mapGeometry: m.geometry };
  }
  if (u.parent && communes.some((f) => f.properties.code === u.code)) {
    const parent = ix.units.get(u.parent);
    const siblings = communes.filter((f) => f.properties.district_code === u.parent);
    return { maps: [focusMap(ix, root, siblings, u, parent?.name ?? "")], mapGeometry: null };
  }
  return { maps: [], mapGeometry: null };
}

export function unitView(ix: SiteIndex, u: UnitPage, opts: UnitViewOptions): object {
  const { model } = ix;
  const path = unitPath(u.code);
  const trail = ancestors(ix, u);
  const base = pageBase(ix, path, u.name, {
    nav: "unit",
    numbers: u.key !== null || u.finance !== null,
    fold: { self: u.name, context: trail[trail.length - 1]?.name ?? null },
    description: unitDescription(ix, u, trail[trail.length - 1] ?? null),
  });
  const root = base.root;
  const children = u.children.map((c) => ix.units.get(c)).filter((c): c is UnitPage => c !== undefined);
  const latest = model.latest;

  const charts = opts.charts ? unitCharts(ix, u, children) : [];
  const { maps, mapGeometry } = unitMapViews(ix, u, root);

  return {
    ...base,
    unit: u,
    level_name: ix.levelName.get(u.level) ?? u.level,
    timeliness_short: model.labels.timeliness[u.timeliness],
    approved: u.status === "da_duyet",
    trail: [...trail.map((a) => unitLink(root, a))],
    parent: trail.length ? unitLink(root, trail[trail.length - 1]!) : null,
    cards: cards(ix, u),
    key_table: keyTable(ix, u),
    reduction: u.reduction,
    charts,
    maps,
    map_geometry: mapGeometry,
    children_progress: u.children_counts ? progressRow(ix, u.children_counts) : null,
    children: children.map((c) => ({
      link: unitLink(root, c),
      timeliness: c.timeliness,
      timeliness_short: model.labels.timeliness[c.timeliness],
      approved: c.status === "da_duyet",
      status_label: c.status_label,
      timeliness_label: c.timeliness_label,
      submitted: c.submitted?.text ?? "—",
      rate: c.key?.poor_rate.find((p) => p.period === latest)?.text ?? "—",
    })),
    model_labels: model.labels,
    child_filters: children.length > 1 ? childFilters(ix, children) : [],
    report: u.html ? reportWithToc(u.html) : null,
    edit: editLinks(ix, u),
    downloads: [...documentDownloads(ix, root, u.documents, u.html === null), ...unitDataDownloads(ix, root, u)],
    // Issue 13 adds the unit's input workbook ("Tải biểu nhập liệu (Excel)") to this list.
    input_workbook: null,
  };
}
