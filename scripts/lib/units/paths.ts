// Where each unit's report lives under reports/: one folder per unit of a level that
// `groups_reports` (a district team owns its folder), a fixed folder for a level that names one,
// and file names that start with the unit's code.
import type { Level, Unit } from "../model/types.js";

/** ASCII slug of a Vietnamese name: "Thị trấn Bình An" → "thi-tran-binh-an". */
export function slugify(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export interface UnitIndex {
  units: ReadonlyMap<string, Unit>;
  levels: ReadonlyMap<string, Level>;
}

export function ancestors(unit: Unit, index: UnitIndex): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<string>([unit.code]);
  let p = unit.parent ? index.units.get(unit.parent) : undefined;
  while (p && !seen.has(p.code)) {
    out.push(p);
    seen.add(p.code);
    p = p.parent ? index.units.get(p.parent) : undefined;
  }
  return out;
}

export function reportFileName(unit: Unit, index: UnitIndex): string {
  const level = index.levels.get(unit.level);
  return level?.kind === "agency" ? `${unit.code}.yaml` : `${unit.code}-${slugify(unit.name)}.yaml`;
}

/** The folder (relative to the data folder, no trailing slash) a unit's report belongs in. */
export function reportFolder(unit: Unit, index: UnitIndex): string {
  const level = index.levels.get(unit.level);
  if (level?.folder) return `reports/${level.folder}`;
  for (const u of [unit, ...ancestors(unit, index)]) {
    if (index.levels.get(u.level)?.groups_reports) return `reports/${u.code}-${slugify(u.name)}`;
  }
  return "reports";
}

export function reportPath(unit: Unit, index: UnitIndex): string {
  return `${reportFolder(unit, index)}/${reportFileName(unit, index)}`;
}
