// A commune's area (units.yaml `area`): its name on the site's unit page and as a group of the
// district's forms (urban communes first).
import type { Unit } from "./types.js";

export type Area = NonNullable<Unit["area"]>;

export const AREAS: Record<Area, { label: string; group: string }> = {
  thanh_thi: { label: "Thành thị", group: "Khu vực thành thị" },
  nong_thon: { label: "Nông thôn", group: "Khu vực nông thôn" },
};

/** The areas in the order the forms group them. */
export const AREA_ORDER: readonly Area[] = ["thanh_thi", "nong_thon"];
