// Choropleth maps drawn at build time: d3-geo projects the boundaries to SVG path strings, the
// map partial (templates/site/partials/map.hbs) writes the SVG with escaped names. No client JS.

import { geoArea, geoMercator, geoPath, type GeoPath } from "d3-geo";
import type { GeoFeature } from "./model.js";
import { formatNumber } from "../text/format.js";
import { type Anchor, fitName, labelAnchor, type Polygon, type Ring, textWidth } from "./label-place.js";
import { memoised, memoKey, memoOpen } from "./map-memo.js";

export interface MapShape {
  code: string;
  /** Accessible name and tooltip: "Huyện X: Quá hạn". */
  label: string;
  href: string | null;
  /** The outline itself, or null when the shape reuses a shared outline (`ref`). */
  d: string | null;
  /** Id of a shared outline (<path> in a MapGeometry) drawn with <use>, or null. */
  ref: string | null;
  cls: string;
}

/** A place name drawn on the map, at its shape's pole of inaccessibility, where it fits. */
export interface MapLabel {
  x: number;
  y: number;
  /** Width the name is fitted to (SVG textLength), so that it stays inside its shape in any font. */
  w: number;
  text: string;
  /** The shape's class ("m-self" …), so the name can contrast with its fill. */
  cls: string;
}

/** Outlines drawn once per page and reused by every colouring of the same features. */
export interface MapGeometry {
  width: number;
  height: number;
  paths: { id: string; d: string }[];
}

export interface LegendItem {
  cls: string;
  label: string;
}

export interface MapView {
  id: string;
  /** "status", "rate" or "focus": the client switch shows one kind at a time. */
  kind: string;
  title: string;
  width: number;
  height: number;
  shapes: MapShape[];
  legend: LegendItem[];
  labels: MapLabel[];
  /** "large" on maps of few shapes (district names), "small" on maps of many (commune names). */
  label_size: "large" | "small";
}

/** d3 wants clockwise exterior rings (the opposite of RFC 7946): reverse rings when the area says so. */
function forD3(f: GeoFeature): GeoFeature {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const geometry =
    f.geometry.type === "Polygon"
      ? { type: "Polygon" as const, coordinates: f.geometry.coordinates.map((r) => [...r].reverse()) }
      : { type: "MultiPolygon" as const, coordinates: f.geometry.coordinates.map((p) => p.map((r) => [...r].reverse())) };
  return { ...f, geometry };
}

export interface Projected {
  code: string;
  d: string;
  /** Where the place name would go (map units), or null for a shape without area. */
  anchor: Anchor | null;
  /** The key of its projection in the map memo (map-memo.ts), or null without one. */
  memo: string | null;
}

/** The feature's polygons in map units (outline first, holes after), for label placement. */
function projectedPolygons(path: GeoPath, f: GeoFeature): Polygon[] {
  const parts = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  return parts.map((coordinates) => {
    const rings: Ring[] = [];
    let ring: Ring = [];
    const context = {
      beginPath: () => {},
      moveTo: (x: number, y: number) => {
        ring = [[x, y]];
        rings.push(ring);
      },
      lineTo: (x: number, y: number) => {
        ring.push([x, y]);
      },
      closePath: () => {},
      arc: () => {},
    };
    path.context(context)({ type: "Polygon", coordinates });
    path.context(null);
    return rings;
  });
}

type Projection = { height: number; paths: Projected[] };

/** Project features to fit a box `width` wide; the height follows the shape (within limits). Kept in
 *  the map memo without the polygons, which are projected again only if a name must be fitted. */
export function projectFeatures(features: GeoFeature[], width: number): Projection {
  if (!memoOpen()) return projectNow(features, width, null);
  const key = memoKey("projection", String(width), JSON.stringify(features));
  let full: Projection | null = null;
  const now = () => (full ??= projectNow(features, width, key));
  type Kept = { height: number; paths: { code: string; d: string; anchor: { x: number; y: number; r: number } | null }[] };
  const kept = memoised<Kept>(key, () => {
    const r = now();
    return { height: r.height, paths: r.paths.map((p) => ({ code: p.code, d: p.d, anchor: p.anchor && { x: p.anchor.x, y: p.anchor.y, r: p.anchor.r } })) };
  });
  const withPolygon = (a: { x: number; y: number; r: number }, i: number): Anchor => {
    const anchor = { x: a.x, y: a.y, r: a.r } as Anchor;
    Object.defineProperty(anchor, "polygon", { get: () => now().paths[i]!.anchor!.polygon, enumerable: false });
    return anchor;
  };
  return { height: kept.height, paths: kept.paths.map((p, i) => ({ code: p.code, d: p.d, anchor: p.anchor && withPolygon(p.anchor, i), memo: key })) };
}

function projectNow(features: GeoFeature[], width: number, memo: string | null): Projection {
  const fc = { type: "FeatureCollection" as const, features: features.map(forD3) };
  if (fc.features.length === 0) return { height: 0, paths: [] };
  const probe = geoMercator().fitWidth(1000, fc);
  const [[x0, y0], [x1, y1]] = geoPath(probe).bounds(fc);
  const aspect = Math.min(1.4, Math.max(0.5, (y1 - y0) / Math.max(1, x1 - x0)));
  const height = Math.round(width * aspect);
  const pad = 8;
  const projection = geoMercator().fitSize([width - 2 * pad, height - 2 * pad], fc);
  const [tx, ty] = projection.translate();
  projection.translate([tx + pad, ty + pad]);
  const path = geoPath(projection).digits(1);
  const rings = geoPath(projection);
  return {
    height,
    paths: fc.features.map((f) => ({ code: f.properties.code, d: path(f) ?? "", anchor: labelAnchor(projectedPolygons(rings, f)), memo })),
  };
}

/** Poverty-rate classes (percent), lowest first. */
const RATE_BREAKS = [3, 5, 10, 20];

export function rateBin(rate: number | null): string {
  if (rate === null) return "m-none";
  const i = RATE_BREAKS.findIndex((b) => rate < b);
  return `m-bin-${i === -1 ? RATE_BREAKS.length : i}`;
}

export function rateLegend(): LegendItem[] {
  const f = (n: number) => `${formatNumber(n)}%`;
  const items: LegendItem[] = [{ cls: "m-bin-0", label: `Dưới ${f(RATE_BREAKS[0] ?? 0)}` }];
  for (let i = 1; i < RATE_BREAKS.length; i++) {
    items.push({ cls: `m-bin-${i}`, label: `${f(RATE_BREAKS[i - 1] ?? 0)} – dưới ${f(RATE_BREAKS[i] ?? 0)}` });
  }
  items.push({ cls: `m-bin-${RATE_BREAKS.length}`, label: `Từ ${f(RATE_BREAKS[RATE_BREAKS.length - 1] ?? 0)} trở lên` });
  items.push({ cls: "m-none", label: "Chưa có số liệu" });
  return items;
}

export interface ShapeStyle {
  cls: string;
  label: string;
  href: string | null;
}

/** Font sizes (map units) of place names and the half width of their halo (site/style.css). */
const LABEL_PX = { large: 17, small: 12 } as const;
const HALO = 1.5;

/**
 * Names whose box, halo included, fits inside their own shape, at its pole of inaccessibility or
 * nearest to it; a district name too long for its shape at the large size tries the small one.
 */
function placeLabels(paths: Projected[], name: (code: string) => string | null, size: "large" | "small", cls: (code: string) => string): MapLabel[] {
  const sizes = size === "large" ? (["large", "small"] as const) : (["small"] as const);
  return paths.flatMap((p) => {
    const text = name(p.code);
    const anchor = p.anchor;
    if (!text || !anchor) return [];
    const fit = () => {
      for (const s of sizes) {
        const px = LABEL_PX[s];
        const w = textWidth(text, px);
        const at = fitName(anchor, w, px, HALO);
        if (at) return { ...at, w, small: s !== size };
      }
      return null;
    };
    const placed = p.memo === null ? fit() : memoised(memoKey("label", p.memo, p.code, text, size), fit);
    return placed ? [{ x: placed.x, y: placed.y, w: placed.w, text, cls: `l-${cls(p.code)}${placed.small ? " l-small" : ""}` }] : [];
  });
}

export interface MapOptions {
  /** Short place name of a feature, drawn on the map; null draws none. */
  name?: (code: string) => string | null;
  /** Shared outlines to reuse (MapGeometry from `mapGeometry` of the same features). */
  geometry?: { prefix: string; projected: Projected[]; height: number };
}

/** Build a map view: `style` gives each feature's class, label and link. */
export function mapView(
  id: string,
  kind: string,
  title: string,
  features: GeoFeature[],
  width: number,
  style: (code: string) => ShapeStyle,
  legend: LegendItem[],
  opts: MapOptions = {},
): MapView {
  const { height, paths } = opts.geometry ? { height: opts.geometry.height, paths: opts.geometry.projected } : projectFeatures(features, width);
  const prefix = opts.geometry?.prefix ?? null;
  const size = paths.length <= 20 ? "large" : "small";
  const styles = new Map(paths.map((p) => [p.code, style(p.code)]));
  return {
    id,
    kind,
    title,
    width,
    height,
    legend,
    shapes: paths.map((p) => ({ code: p.code, d: prefix ? null : p.d, ref: prefix ? `${prefix}-${p.code}` : null, ...styles.get(p.code)! })),
    labels: opts.name ? placeLabels(paths, opts.name, size, (code) => styles.get(code)!.cls) : [],
    label_size: size,
  };
}

/** Project features once; both colourings then draw them with <use> (`geometry` of MapOptions). */
export function mapGeometry(prefix: string, features: GeoFeature[], width: number): { shared: MapGeometry; ref: { prefix: string; projected: Projected[]; height: number } } {
  const { height, paths } = projectFeatures(features, width);
  return {
    shared: { width, height, paths: paths.map((p) => ({ id: `${prefix}-${p.code}`, d: p.d })) },
    ref: { prefix, projected: paths, height },
  };
}
