// The catalogue's rules applied to a sampled series, and sums of series: exhaustive breakdowns
// and parts within their totals, a draft's consistent gaps, outputs only with money, a parent's
// declared sums of its children.
import type { Indicator, IndicatorCatalogue } from "../model/types.js";
import type { Rng } from "./random.js";
import { set, UNIT_COST, type Series } from "./values.js";

/** The catalogue's rules on one unit's series: an exhaustive breakdown's total is the sum of its
 *  parts, a part never exceeds its total, and an indicator that needs another (trainees need
 *  classes) follows it: none without it, a plausible multiple of it otherwise. */
export function applyRules(s: Series, catalogue: IndicatorCatalogue, rng: Rng, disjoint: readonly { total: string; parts: string[] }[] = []): void {
  for (const b of catalogue.breakdowns ?? []) {
    const total = s[b.total];
    if (!total || !b.parts.every((id) => s[id])) continue;
    for (const p of Object.keys(total)) {
      const parts = b.parts.map((id) => s[id]![p]);
      if (parts.every((v) => typeof v === "number")) total[p] = (parts as number[]).reduce((x, y) => x + y, 0);
    }
  }
  for (const ind of catalogue.indicators) {
    const own = s[ind.id];
    if (!own) continue;
    for (const p of Object.keys(own)) {
      const v = own[p];
      if (typeof v !== "number") continue;
      if (ind.requires) {
        const need = s[ind.requires]?.[p];
        own[p] = typeof need === "number" && need > 0 ? Math.round(need * rng.between(18, 35)) : 0;
      }
      const total = ind.part_of ? s[ind.part_of]?.[p] : undefined;
      if (typeof total === "number" && (own[p] as number) > total) own[p] = total;
    }
  }
  // Mutually exclusive groups (poor / near-poor / newly out of poverty) share their total:
  // scaled down so that they add up to at most it.
  for (const g of disjoint) {
    for (const [p, total] of Object.entries(s[g.total] ?? {})) {
      if (typeof total !== "number") continue;
      const parts = g.parts.map((id) => s[id]?.[p]);
      const sum = parts.reduce<number>((x, v) => x + (typeof v === "number" ? v : 0), 0);
      if (sum <= total) continue;
      g.parts.forEach((id, k) => {
        const v = parts[k];
        if (typeof v === "number") s[id]![p] = Math.floor((v * total) / sum);
      });
    }
  }
}

/** A draft leaves some figures out, but never a total while keeping its parts, nor a figure
 *  while leaving out the one it needs. */
export function dropConsistently(s: Series, catalogue: IndicatorCatalogue): void {
  for (const ind of catalogue.indicators) {
    const own = s[ind.id];
    if (!own) continue;
    for (const p of Object.keys(own)) {
      const gone = (id: string | undefined) => id !== undefined && s[id] !== undefined && s[id]![p] === null;
      // Policy money without its beneficiaries could not be read as a cost per head.
      if (gone(ind.part_of) || gone(ind.requires) || Object.keys(UNIT_COST[ind.id] ?? {}).some(gone)) own[p] = null;
    }
  }
}

/** A commune reports outputs only for the components it has money for: the outputs of the
 *  others are 0 (their money and their outputs are one scope). */
export function outputsFollowMoney(s: Series, indicators: readonly Indicator[], funded: (component: string) => boolean): void {
  for (const ind of indicators) {
    if (!ind.component || funded(ind.component) || !s[ind.id]) continue;
    for (const p of Object.keys(s[ind.id]!)) if (typeof s[ind.id]![p] === "number") s[ind.id]![p] = 0;
  }
}

/** Sums of children's series for the indicators a district or the province declares itself. */
export function sumSeries(children: Series[], ids: readonly string[]): Series {
  const out: Series = {};
  for (const c of children) {
    for (const id of ids) {
      for (const [p, v] of Object.entries(c[id] ?? {})) if (typeof v === "number") set(out, id, p, ((out[id]?.[p] as number | undefined) ?? 0) + v);
    }
  }
  return out;
}
