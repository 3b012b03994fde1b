// Presentation-only helpers of the site: diacritic folding for the search index, shares for
// progress bars, unit URLs, and the chart axes' and legends' numbers in the documents' format
// (every reported number arrives already formatted in the SiteModel).

import { formatNumber } from "../text/format.js";
import type { StatusCounts, Timeliness, UnitPage } from "./model.js";

/** "Huyện Đắk Ảnh" → "huyen dak anh": strips marks and folds đ/Đ, for search. */
export function foldDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** Axis label: at most 2 decimals, trailing zeros dropped. */
export function viAxis(v: number): string {
  const d = Number.isInteger(v) ? 0 : Math.abs(v * 10) % 1 === 0 ? 1 : 2;
  return formatNumber(v, d);
}

const SAFE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Unit codes become folder and file names: refuse anything that is not a plain token. */
export function checkCode(code: string): string {
  if (!SAFE_CODE.test(code)) throw new Error(`site: unit code not usable in a path: ${JSON.stringify(code)}`);
  return code;
}

/** Path of a unit's page, relative to the site root. */
export function unitPath(code: string): string {
  return `don-vi/${checkCode(code)}/index.html`;
}

/** Prefix from a page at `pagePath` (e.g. "don-vi/25/index.html") back to the site root. */
export function rootPrefix(pagePath: string): string {
  const depth = pagePath.split("/").length - 1;
  return "../".repeat(depth);
}

export const TIMELINESS_ORDER: readonly Timeliness[] = ["on_time", "late", "not_yet", "missing"];

export interface BarSegment {
  key: Timeliness;
  label: string;
  count: number;
  /** CSS width, e.g. "33.33%". */
  width: string;
}

/** Segments of a progress bar (exclusive timeliness categories), zero-width ones dropped. */
export function barSegments(c: StatusCounts, labels: Record<Timeliness, string>): BarSegment[] {
  return TIMELINESS_ORDER.filter((k) => c[k] > 0).map((k) => ({
    key: k,
    label: labels[k],
    count: c[k],
    width: c.total > 0 ? `${((100 * c[k]) / c.total).toFixed(2)}%` : "0%",
  }));
}

/** "67%" share for captions (presentation only). */
export function share(n: number, d: number): string {
  return d > 0 ? `${formatNumber((100 * n) / d, 0)}%` : "—";
}
