// Indexes of a dataset's units, built once per dataset: a scan of every unit per report, or per
// table row, makes a nation's build (≈ 11 000 units, ≈ 11 000 reports) quadratic.
import { chairsIndicator } from "./chairs.js";
import type { Dataset } from "./dataset.js";
import type { Indicator, Unit } from "./types.js";

const CHILDREN = new WeakMap<Dataset, Map<string, Unit[]>>();

/** Each unit's child units, in file order (as `ds.units`), by the parent's code. */
export function childrenOf(ds: Dataset): ReadonlyMap<string, readonly Unit[]> {
  let map = CHILDREN.get(ds);
  if (!map) {
    map = new Map();
    for (const u of ds.units.values()) {
      if (!u.parent) continue;
      const list = map.get(u.parent);
      if (list) list.push(u);
      else map.set(u.parent, [u]);
    }
    CHILDREN.set(ds, map);
  }
  return map;
}

const CHAIRS = new WeakMap<Dataset, { agencies: Unit[]; names: Map<Indicator, string> }>();

/** The names of the agencies (units of an agency level) chairing `ind`, in file order, "; "-joined. */
export function chairNames(ds: Dataset, ind: Indicator): string {
  let memo = CHAIRS.get(ds);
  if (!memo) {
    memo = { agencies: [...ds.units.values()].filter((u) => ds.levels.get(u.level)?.kind === "agency"), names: new Map() };
    CHAIRS.set(ds, memo);
  }
  let names = memo.names.get(ind);
  if (names === undefined) {
    names = memo.agencies.filter((u) => chairsIndicator(u, ind)).map((u) => u.name).join("; ");
    memo.names.set(ind, names);
  }
  return names;
}
