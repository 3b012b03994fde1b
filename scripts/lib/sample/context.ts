// What every step of the sample generator needs: the dataset, the seed, and the unit tree.
import type { Dataset } from "../model/dataset.js";
import type { Unit } from "../model/types.js";

export interface SampleContext {
  ds: Dataset;
  seed: number;
  units: Unit[];
  /** Children of each unit, in the dataset's order. */
  kids: Map<string, Unit[]>;
  isTerritory(u: Unit): boolean;
  /** A territory unit with no territory below it (a commune). */
  isLowest(u: Unit): boolean;
}

export function sampleContext(ds: Dataset, seed: number): SampleContext {
  const kids = new Map<string, Unit[]>();
  for (const u of ds.units.values()) if (u.parent) kids.set(u.parent, [...(kids.get(u.parent) ?? []), u]);
  const isTerritory = (u: Unit) => ds.levels.get(u.level)?.kind === "territory";
  const isLowest = (u: Unit) => isTerritory(u) && !(kids.get(u.code) ?? []).some(isTerritory);
  return { ds, seed, units: [...ds.units.values()], kids, isTerritory, isLowest };
}

export const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
