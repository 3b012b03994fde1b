// project.yaml targets: every range runs from low to high, every unit target names a territory
// unit, every target row names catalogued indicators.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import { suggest } from "../diagnostics/suggest.js";
import type { Dataset } from "../model/dataset.js";

export function checkTargets(ds: Dataset): Diagnostic[] {
  const file = ds.files.get("project.yaml");
  const t = ds.project.targets;
  if (!file || !t) return [];
  const out: Diagnostic[] = [];
  const range = (r: readonly [number, number | null], path: (string | number)[]) => {
    if (r[1] !== null && r[0] > r[1]) out.push(diagnostic("TARGET_RANGE_REVERSED", { low: r[0], high: r[1] }, { file, pointer: pointerOf(["targets", ...path]) }));
  };
  range(t.poverty_reduction, ["poverty_reduction"]);
  range(t.ethnic_minority_reduction, ["ethnic_minority_reduction"]);
  const indicators = new Set(ds.catalogue.indicators.map((i) => i.id));
  t.leaving.forEach((l, i) => {
    range(l.share, ["leaving", i, "share"]);
    for (const k of ["indicator", "of"] as const) {
      if (!indicators.has(l[k])) out.push(diagnostic("CATALOGUE_UNKNOWN_REF", { what: "Chỉ tiêu", id: l[k] }, { file, pointer: pointerOf(["targets", "leaving", i, k]) }));
    }
  });
  if (t.province) range(t.province.poverty_reduction, ["province", "poverty_reduction"]);
  for (const [code, own] of Object.entries(t.units ?? {})) {
    const unit = ds.units.get(code);
    if (!unit || ds.levels.get(unit.level)?.kind !== "territory") {
      const territories = [...ds.units.values()].filter((u) => ds.levels.get(u.level)?.kind === "territory").map((u) => u.code);
      out.push(diagnostic("TARGET_UNKNOWN_UNIT", { code, name: unit?.name ?? "", suggestion: suggest(code, territories) ?? "" }, { file, pointer: pointerOf(["targets", "units", code]), on: "key" }));
    }
    range(own.poverty_reduction, ["units", code, "poverty_reduction"]);
  }
  return out;
}
