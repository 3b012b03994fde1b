// What every page shares: the layout context (relative root, assets, navigation, notice, folded
// search text), unit lookups, progress-bar rows and the two map colourings.

import type { BuiltAssets } from "./assets.js";
import {
  barSegments,
  type BarSegment,
  foldDiacritics,
  rootPrefix,
  share,
  TIMELINESS_ORDER,
  unitPath,
} from "./format.js";
import { type LegendItem, type MapGeometry, mapGeometry, mapView, type MapView, rateBin, rateLegend } from "./geo-svg.js";
import type { GeoFeature, ProjectInfo, SiteModel, StatusCounts, UnitPage } from "./model.js";

export interface SiteIndex {
  model: SiteModel;
  assets: BuiltAssets;
  units: Map<string, UnitPage>;
  levelName: Map<string, string>;
  agencyLevels: Set<string>;
  /** Sizes in bytes of the files written so far (downloads), by site-relative path. */
  sizes: Map<string, number>;
}

export function indexModel(model: SiteModel, assets: BuiltAssets): SiteIndex {
  const units = new Map(model.units.map((u) => [u.code, u]));
  if (!units.has(model.root)) throw new Error(`site: root unit ${model.root} is not in units`);
  return {
    model,
    assets,
    units,
    levelName: new Map(model.levels.map((l) => [l.id, l.name])),
    agencyLevels: new Set(model.levels.filter((l) => l.kind === "agency").map((l) => l.id)),
    sizes: new Map(),
  };
}

export function unitOf(ix: SiteIndex, code: string): UnitPage {
  const u = ix.units.get(code);
  if (!u) throw new Error(`site: unknown unit ${code}`);
  return u;
}

const NAV = [
  { key: "home", path: "index.html", label: "Tiến độ" },
  { key: "indicators", path: "chi-so/index.html", label: "Chỉ số" },
  { key: "plan", path: "ke-hoach/index.html", label: "Kế hoạch" },
  { key: "about", path: "gioi-thieu/index.html", label: "Giới thiệu" },
] as const;

export type NavKey = (typeof NAV)[number]["key"] | "unit" | "search";

export interface PageBase {
  root: string;
  page_title: string;
  project: ProjectInfo;
  notice: string | null;
  css: string[];
  js: string;
  nav: { href: string; label: string; current: boolean }[];
  search_action: string;
  /**
   * Names without diacritics (đ → d), indexed by pagefind so "dak anh" finds "Đắk Ảnh": the page's
   * own name (weighted high) and its parent's (weighted low, to tell same-named units apart).
   */
  fold: { self: string; context: string | null } | null;
  indexed: boolean;
  /** Meta description and Open Graph: what a shared link previews. */
  description: string;
  /** The page's own path (relative to the site root), for og:url-less previews and canonical paths. */
  path: string;
}

export function pageBase(
  ix: SiteIndex,
  pagePath: string,
  title: string,
  opts: { nav: NavKey; numbers: boolean; fold?: { self: string; context: string | null }; indexed?: boolean; description?: string },
): PageBase {
  const root = rootPrefix(pagePath);
  const p = ix.model.project;
  return {
    root,
    page_title: title === p.title ? title : `${title} – ${p.title}`,
    project: p,
    notice: opts.numbers && p.illustrative ? p.notice : null,
    css: ix.assets.css.map((c) => root + c),
    js: root + ix.assets.js,
    nav: NAV.map((n) => ({ href: root + n.path, label: n.label, current: n.key === opts.nav })),
    search_action: root + "tim-kiem/index.html",
    fold: opts.fold
      ? { self: foldDiacritics(opts.fold.self), context: opts.fold.context ? foldDiacritics(opts.fold.context) : null }
      : null,
    indexed: opts.indexed ?? true,
    description: [opts.description ?? `${p.round_label} – ${p.province_name}. Số liệu tính đến ngày ${p.as_of.text}.`, opts.numbers && p.notice ? p.notice : null].filter(Boolean).join(" "),
    path: pagePath,
  };
}

export interface UnitLink {
  code: string;
  name: string;
  href: string;
}

/** A unit's status as badges show it: timeliness (colour and text) and approval (a separate mark). */
export function statusView(ix: SiteIndex, u: UnitPage) {
  return {
    timeliness: u.timeliness,
    short: ix.model.labels.timeliness[u.timeliness],
    label: u.timeliness_label,
    approved: u.status === "da_duyet",
    status_label: u.status_label,
  };
}

export function unitLink(root: string, u: UnitPage): UnitLink {
  return { code: u.code, name: u.name, href: root + unitPath(u.code) };
}

export interface ProgressRow {
  counts: StatusCounts;
  segments: BarSegment[];
  submitted_share: string;
  approved_share: string;
  /** "2/3 đã nộp, 1 đã duyệt" caption for screen readers and print. */
  caption: string;
}

export function progressRow(ix: SiteIndex, c: StatusCounts): ProgressRow {
  const labels = ix.model.labels.timeliness;
  const parts = TIMELINESS_ORDER.filter((k) => c[k] > 0).map((k) => `${labels[k]}: ${c[k]}`);
  return {
    counts: c,
    segments: barSegments(c, labels),
    submitted_share: share(c.submitted, c.total),
    approved_share: share(c.approved, c.total),
    caption: `${c.submitted}/${c.total} đã nộp (${parts.join("; ") || "chưa có đơn vị"}); ${ix.model.labels.approved.toLowerCase()}: ${c.approved}`,
  };
}

/** Legend of the status colouring: timeliness only, with the count of each class. */
export function statusLegend(ix: SiteIndex, units: UnitPage[]): LegendItem[] {
  const l = ix.model.labels;
  const approved = units.filter((u) => u.status === "da_duyet").length;
  return [
    ...TIMELINESS_ORDER.map((k) => ({ cls: `m-${k}`, label: `${l.timeliness[k]} (${units.filter((u) => u.timeliness === k).length})` })),
    { cls: "m-approved-note", label: `✓ ${l.approved} (${approved})` },
  ];
}

/** Status and poverty-rate maps of a set of features, drawing one set of outlines twice. */
export function unitMaps(
  ix: SiteIndex,
  root: string,
  features: GeoFeature[],
  idBase: string,
  place: string,
): { status: MapView; rate: MapView; geometry: MapGeometry } {
  const latest = ix.model.latest;
  const mapped = features.map((f) => ix.units.get(f.properties.code)).filter((u): u is UnitPage => u !== undefined);
  const style = (kind: "status" | "rate") => (code: string) => {
    const u = ix.units.get(code);
    if (!u) return { cls: "m-none", label: code, href: null };
    const rate = u.key?.poor_rate.find((p) => p.period === latest) ?? null;
    const approved = u.status === "da_duyet" ? `, ${ix.model.labels.approved.toLowerCase()}` : "";
    const what = kind === "status" ? `${u.timeliness_label}${approved}` : `tỷ lệ hộ nghèo ${rate?.text ?? "—"}`;
    return {
      cls: kind === "status" ? `m-${u.timeliness}` : rateBin(rate?.value ?? null),
      label: `${u.name}: ${what}`,
      href: root + unitPath(u.code),
    };
  };
  const geo = mapGeometry(`${idBase}-g`, features, 600);
  const name = (code: string) => {
    const u = ix.units.get(code);
    return u ? `${u.short_name}${u.status === "da_duyet" ? " ✓" : ""}` : null;
  };
  const opts = { name, geometry: geo.ref };
  return {
    status: mapView(`${idBase}-status`, "status", `Bản đồ tiến độ nộp báo cáo – ${place}`, features, 600, style("status"), statusLegend(ix, mapped), opts),
    rate: mapView(`${idBase}-rate`, "rate", `Bản đồ tỷ lệ hộ nghèo – ${place}`, features, 600, style("rate"), rateLegend(), { ...opts, name: (c) => ix.units.get(c)?.short_name ?? null }),
    geometry: geo.shared,
  };
}

/** Map of a commune inside its district: the commune highlighted, its neighbours linked. */
export function focusMap(ix: SiteIndex, root: string, features: GeoFeature[], focus: UnitPage, place: string): MapView {
  return mapView(
    `map-${focus.code}`,
    "focus",
    `Vị trí của ${focus.name} trong ${place}`,
    features,
    600,
    (code) => {
      const u = ix.units.get(code);
      const self = code === focus.code;
      return {
        cls: self ? "m-self" : "m-context",
        label: u ? u.name : code,
        href: u && !self ? root + unitPath(u.code) : null,
      };
    },
    [{ cls: "m-self", label: focus.name }, { cls: "m-context", label: "Đơn vị khác cùng cấp" }],
    { name: (code) => ix.units.get(code)?.short_name ?? null },
  );
}
