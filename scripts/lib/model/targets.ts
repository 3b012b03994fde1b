// The poverty-reduction target a unit is judged against: the general pace, or the poor-area
// pace for a unit flagged as such (project.targets.poor_area_flag). Documents and site share it.
import type { Project, Unit } from "./types.js";

export interface PovertyTarget {
  min: number;
  max: number | null;
  poorArea: boolean;
}

export function povertyTarget(unit: Unit, project: Project): PovertyTarget {
  const t = project.targets;
  const poorArea = t.poor_area_flag !== null && (unit.flags ?? []).includes(t.poor_area_flag);
  return poorArea ? { min: t.poor_area_reduction, max: null, poorArea } : { min: t.poverty_reduction[0], max: t.poverty_reduction[1], poorArea };
}

/** "vuot" above the range, "dat" within, "khong_dat" below. */
export function verdictOf(perYear: number, target: PovertyTarget): "vuot" | "dat" | "khong_dat" {
  return target.max !== null && perYear > target.max ? "vuot" : perYear >= target.min ? "dat" : "khong_dat";
}
