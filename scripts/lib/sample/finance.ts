// Programme money of the sample: what each unit plans and disburses, per component, source and
// period, at scales stated below; only on the sources a component may use and, for flagged
// programmes (Chương trình 135), only where a flagged commune is managed.
import type { Dataset } from "../model/dataset.js";
import type { Component, FinanceRecord, Level, Unit } from "../model/types.js";
import type { Rng } from "./random.js";

/** Programme money a commune is given a year for a component (or its project), in triệu đồng.
 *  Assumptions for a province of some 390 000 households and 75 ĐBKK communes: a Chương trình 135
 *  commune gets 0,4 - 0,6 billion a year for infrastructure (development investment) and a few
 *  hundred million for production; replication of models (Dự án 3) a hundred million or so a year
 *  per commune; communication and capacity (Dự án 4, 5) tens of millions. With districts' and
 *  departments' own records that is some 150 - 200 billion đồng for 2016 - 6/2018 (Biểu 05), beside
 *  some 650 billion of preferential credit and 500 billion of other policies (values.ts: their
 *  beneficiaries times each policy's unit cost). */
const PLAN_PER_YEAR: Record<string, [number, number]> = {
  "DA2.TDA1": [400, 600],
  "DA2.TDA2": [120, 220],
  "DA2.TDA3": [20, 40],
  DA3: [90, 200],
  DA4: [10, 30],
  DA5: [10, 30],
};
const OTHER_PLAN_PER_YEAR: [number, number] = [20, 60];

/** Money on the components a unit may carry (flagged programmes only where a flagged commune is
 *  managed; a flagged commune carries every one of them), each from the sources its component may
 *  use, development investment first where it is allowed. */
export function financeFor(ds: Dataset, unit: Unit, level: Level, rng: Rng, scale: number, lowest: boolean, manages: (flags: readonly string[]) => boolean): FinanceRecord[] {
  const byId = new Map(ds.programme.components.map((c) => [c.id, c]));
  const rule = <K extends "sources" | "requires_flag">(c: Component, k: K) => c[k] ?? (c.parent ? byId.get(c.parent)?.[k] : undefined);
  const leaves = ds.programme.components.filter((c) => c.applicable && !ds.programme.components.some((o) => o.parent === c.id)).filter((c) => {
    const flags = rule(c, "requires_flag");
    return !flags || manages(flags);
  });
  const chaired = leaves.filter((c) => unit.chairs?.some((x) => c.id === x || c.id.startsWith(`${x}.`)));
  const flagged = leaves.filter((c) => rule(c, "requires_flag"));
  const open = leaves.filter((c) => !rule(c, "requires_flag"));
  const drawn = open.length ? [rng.pick(open), rng.pick(open)].filter((c, i, a) => a.indexOf(c) === i) : [];
  const picks = level.kind === "agency" ? chaired : lowest && flagged.length ? [...flagged, ...drawn.slice(0, 1)] : drawn;
  const programme = ds.programme.sources.filter((s) => s.group === ds.programme.source_groups[0]?.id);
  const out: FinanceRecord[] = [];
  for (const c of picks) {
    const allowed = rule(c, "sources");
    const sources = allowed ? programme.filter((s) => allowed.includes(s.id)) : programme;
    if (!sources.length) continue;
    const main = sources.find((x) => x.id.includes("dtpt")) ?? rng.pick(sources);
    const picked = [main, rng.pick(sources)].filter((x, i, a) => a.indexOf(x) === i);
    const share = picked.length > 1 ? rng.between(0.6, 0.85) : 1;
    const [lo, hi] = PLAN_PER_YEAR[c.id] ?? PLAN_PER_YEAR[c.parent ?? ""] ?? OTHER_PLAN_PER_YEAR;
    const perYear = rng.between(lo, hi) * scale;
    // The programme's budget rose over the period: each year's allocation 5 - 15 % above the
    // year before, give or take a few per cent.
    const growth = rng.between(0.05, 0.15);
    picked.forEach((src, k) => {
      ds.project.periods.filter((x) => x.flow_label !== null).forEach((p, i) => {
        const plan = Math.round(perYear * (1 + growth) ** i * rng.between(0.96, 1.04) * (k === 0 ? share : 1 - share) * p.years);
        if (plan <= 0) return;
        const disbursed = rng.chance(0.0025) ? Math.round(plan * 1.06) : Math.round(plan * rng.between(0.55, 0.99));
        out.push({ component: c.id, source: src.id, period: p.id, plan, disbursed });
      });
    });
  }
  return out;
}
