// Where a place name goes on a map: at the polygon's pole of inaccessibility (the interior point
// farthest from its outline, `polylabel`), and only when the name's box fits inside the polygon
// there, so the text never lies over a neighbour's fill.

import polylabel from "polylabel";

export type Ring = [number, number][];
/** Rings of one polygon in map units: the outline first, holes after. */
export type Polygon = Ring[];

export interface Anchor {
  x: number;
  y: number;
  /** Distance from the anchor to the nearest edge of its polygon. */
  r: number;
  /** The polygon the anchor lies in. */
  polygon: Polygon;
}

/** Twice the signed area of a ring (shoelace); only its magnitude is used. */
function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    a += (xj - xi) * (yj + yi);
  }
  return Math.abs(a) / 2;
}

/** The pole of inaccessibility of the feature's polygon that offers the most room; null for no area. */
export function labelAnchor(polygons: Polygon[], precision = 0.5): Anchor | null {
  let best: Anchor | null = null;
  for (const polygon of polygons) {
    if (polygon.length === 0 || (polygon[0]?.length ?? 0) < 3 || ringArea(polygon[0]!) === 0) continue;
    const p = polylabel(polygon, precision);
    if (!best || p.distance > best.r) best = { x: p[0], y: p[1], r: p.distance, polygon };
  }
  return best;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether segment a–b enters the open box (Liang–Barsky clipping). */
function segmentHitsBox([ax, ay]: [number, number], [bx, by]: [number, number], box: Box): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t >= t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t <= t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, ax - box.x0) && clip(dx, box.x1 - ax) && clip(-dy, ay - box.y0) && clip(dy, box.y1 - ay) && t0 < t1;
}

/** Even–odd test: inside the outline and outside every hole. */
export function insidePolygon(x: number, y: number, polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** A box lies inside a polygon when its centre does and no edge of the polygon crosses it. */
export function boxInside(box: Box, polygon: Polygon): boolean {
  if (!insidePolygon((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, polygon)) return false;
  return !polygon.some((ring) => ring.some((p, i) => segmentHitsBox(ring[i === 0 ? ring.length - 1 : i - 1]!, p, box)));
}

/** Rough advance widths (em) of weight-600 sans-serif glyphs; most letters take the default. */
const NARROW = new Set([..."iìíỉĩịlIjtfr.,:;'|!"]);
const WIDE = new Set([..."mwMW✓"]);

/** The width (map units) a name is drawn at: the text is fitted to it (`textLength`), whatever the font. */
export function textWidth(text: string, px: number): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) {
    const base = ch.normalize("NFD")[0] ?? ch;
    em += ch === " " ? 0.3 : NARROW.has(ch) || NARROW.has(base) ? 0.32 : WIDE.has(ch) || WIDE.has(base) ? 0.88 : base !== base.toLowerCase() ? 0.7 : 0.6;
  }
  return Math.round(em * px * 10) / 10;
}

/** The box of a name `w` wide and `px` high centred on (x, y), its halo of `halo` units included. */
export function textBox(w: number, px: number, x: number, y: number, halo: number): Box {
  // Vietnamese stacked diacritics need about 1.2 em of height.
  const h = px * 1.2 + 2 * halo;
  return { x0: x - w / 2 - halo, y0: y - h / 2, x1: x + w / 2 + halo, y1: y + h / 2 };
}

/**
 * Where a name `w` wide fits inside the anchor's polygon: at the anchor (the pole of
 * inaccessibility) when its box fits there, else at the fitting point nearest to it on a grid of
 * `px / 3`; null when the box fits nowhere.
 */
export function fitName(anchor: Anchor, w: number, px: number, halo: number): { x: number; y: number } | null {
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const at = (x: number, y: number) => boxInside(textBox(w, px, x, y, halo), anchor.polygon);
  if (at(r1(anchor.x), r1(anchor.y))) return { x: r1(anchor.x), y: r1(anchor.y) };
  const outline = anchor.polygon[0] ?? [];
  const xs = outline.map((p) => p[0]);
  const ys = outline.map((p) => p[1]);
  const probe = textBox(w, px, 0, 0, halo);
  const [x0, x1] = [Math.min(...xs) - probe.x0, Math.max(...xs) - probe.x1];
  const [y0, y1] = [Math.min(...ys) - probe.y0, Math.max(...ys) - probe.y1];
  if (x0 > x1 || y0 > y1) return null;
  const step = px / 3;
  const candidates: { x: number; y: number; d: number }[] = [];
  for (let x = x0; x <= x1; x += step) {
    for (let y = y0; y <= y1; y += step) candidates.push({ x: r1(x), y: r1(y), d: (x - anchor.x) ** 2 + (y - anchor.y) ** 2 });
  }
  candidates.sort((a, b) => a.d - b.d || a.x - b.x || a.y - b.y);
  const found = candidates.find((c) => at(c.x, c.y));
  return found ? { x: found.x, y: found.y } : null;
}
