// Aggregation up the tree, a post-order fold: children before parents, one small rule per
// aggregation kind. Counts sum; rates are recomputed from summed numerators and denominators
// (never averaged); weighted means weigh; flagged-unit counts count; "own" never rolls up.
// Only submitted or approved reports feed a parent, and a child's subtree feeds it only through
// the child's own report (an unreported district brings none of its communes), as that report was
// written: each unit is rolled up as of its own document's date, so a parent receives a child's
// subtree as the child had it on the child's date (nested as-of); territory values roll up only from territory
// children (a department's own figures are not households of the province); money rolls up from
// every child, since each unit reports only the money it manages itself.
import type { Dataset } from "../model/dataset.js";
import type { FinanceRecord, Indicator, ReportFile, Unit } from "../model/types.js";

export type Values = Record<string, Record<string, number>>;

export interface UnitFigures {
  unit: Unit;
  report: ReportFile | null;
  /** The unit's own numbers as in its file (nulls dropped), rates computed. */
  declared: Values;
  /** From the children (null for a unit without children). */
  rolled: Values | null;
  /** What documents and the site show: the roll-up where children gave data, else the declared value. */
  effective: Values;
  /** Money managed in this subtree (own records first, then descendants'). */
  finance: FinanceRecord[];
  /** The date this unit's roll-up is as of (its document's date): a child's report submitted later
   *  is not in it; null: every submitted report. */
  asOf: string | null;
  /** Children feeding the roll-up (submitted or approved) vs all territory children; complete
   *  when every territory unit below has reported, at every depth. */
  coverage: { reporting: number; total: number; missing: string[]; complete: boolean };
  /** Indicators whose figures this unit takes from an agency below it that keeps them for the
   *  whole territory (units.yaml `source_of`), by indicator: the agency's code. */
  adopted: Record<string, string>;
  /** The children whose figures feed the roll-up (submitted or approved by this unit's date), in
   *  order: their effective values are the contributions ROLLUP_MISMATCH names. */
  feeding: string[];
}

export interface Tree {
  root: string;
  figures: Map<string, UnitFigures>;
  children: Map<string, string[]>;
  /** The latest date any unit's roll-up is as of (null: none beyond the units' own dates). */
  asOf: string | null;
  /** The report was submitted by the as-of date of the unit `by` (the one compiling it). */
  received: (r: ReportFile | null, by: string) => boolean;
}

const submittedBy = (asOf: string | null) => (r: ReportFile | null) =>
  r !== null && (r.status === "da_nop" || r.status === "da_duyet") && (asOf === null || !r.submitted_on || r.submitted_on <= asOf);

function clean(values: ReportFile["values"] | undefined): Values {
  const out: Values = {};
  // for…in over plain parsed objects: no entry arrays (every report of a nation, every build).
  for (const id in values) {
    const byP = values[id]!;
    for (const p in byP) {
      const v = byP[p];
      if (typeof v === "number") (out[id] ??= {})[p] = v;
    }
  }
  return out;
}

/** A copy of values, each indicator's periods copied too (what structuredClone gives, without its cost). */
function copyValues(values: Values): Values {
  const out: Values = {};
  for (const id in values) out[id] = { ...values[id] };
  return out;
}

/** Computed indicators from a unit's counts, added to `out` and returned: ratios now; unit counts
 *  come from flags (flaggedCount(flag, also?): units carrying the flag, and the second one if
 *  given). `out` is changed: a Values the caller made for it (every caller's is new: clean,
 *  rollValues, merged, copyValues), not copied again (a nation's roll-up: 13 000 copies, ≈ 200 MB). */
export function addDerived(out: Values, indicators: readonly Indicator[], flaggedCount: (flag: string, also?: string) => number, periods: string[]): Values {
  for (const ind of indicators) {
    const a = ind.aggregate;
    if (a.rule === "ratio") {
      for (const p of periods) {
        const n = out[a.numerator]?.[p];
        const d = out[a.denominator]?.[p];
        if (n !== undefined && d !== undefined && d > 0) (out[ind.id] ??= {})[p] = (n / d) * a.scale;
      }
    } else if (a.rule === "count_flagged") {
      // With left_flag: every flagged unit at the first period, those that left not after it.
      for (const p of ind.periods) (out[ind.id] ??= {})[p] = flaggedCount(a.flag) - (a.left_flag && p !== periods[0] ? flaggedCount(a.left_flag, a.flag) : 0);
    }
  }
  return out;
}

/** Sums (and weighted means) of several units' values, by each indicator's rule. Rates are not
 *  summed here: addDerived recomputes them from the summed counts. */
export function rollValues(list: readonly Values[], indicators: readonly Indicator[]): Values {
  const values: Values = {};
  for (const ind of indicators) {
    const a = ind.aggregate;
    if (a.rule === "sum") {
      for (const k of list) {
        const byP = k[ind.id];
        for (const p in byP) {
          const sums = (values[ind.id] ??= {});
          sums[p] = (sums[p] ?? 0) + byP[p]!;
        }
      }
    } else if (a.rule === "weighted_mean") {
      const acc: Record<string, { sum: number; weight: number }> = {};
      for (const k of list) {
        for (const [p, v] of Object.entries(k[ind.id] ?? {})) {
          const w = k[a.weight]?.[p];
          if (w === undefined) continue;
          const e = (acc[p] ??= { sum: 0, weight: 0 });
          e.sum += v * w;
          e.weight += w;
        }
      }
      for (const [p, e] of Object.entries(acc)) if (e.weight > 0) (values[ind.id] ??= {})[p] = e.sum / e.weight;
    }
  }
  return values;
}

/** The unit itself (a poor district) and every unit below it (ĐBKK communes) carrying the flag;
 *  each unit's counts kept in `memo`, by unit and then by flag(s) (a count is asked for every unit,
 *  period and derivation: a key made of the unit's code each time cost a nation's roll-up 0,2 s). */
function flaggedIn(ds: Dataset, children: ReadonlyMap<string, string[]>, memo: Map<string, Map<string, number>>, code: string, flag: string, also?: string): number {
  const key = also === undefined ? flag : `${flag}\0${also}`;
  let counts = memo.get(code);
  const known = counts?.get(key);
  if (known !== undefined) return known;
  const u = ds.units.get(code);
  const self = u?.flags?.includes(flag) && (!also || u.flags.includes(also)) ? 1 : 0;
  let count = self;
  for (const c of children.get(code) ?? []) count += flaggedIn(ds, children, memo, c, flag, also);
  if (!counts) memo.set(code, (counts = new Map()));
  counts.set(key, count);
  return count;
}

/** A complete roll-up wins over the unit's declared figures; an incomplete one only fills what the unit did not declare. */
function merged(declared: Values, rolled: Values, complete: boolean): Values {
  const base = complete ? declared : rolled;
  const top = complete ? rolled : declared;
  const out = copyValues(base);
  for (const [id, byP] of Object.entries(top)) out[id] = { ...(out[id] ?? {}), ...byP };
  return out;
}

/** What compiling one unit needs: the dataset, the tree's shape and the figures compiled so far. */
interface Env {
  ds: Dataset;
  children: ReadonlyMap<string, string[]>;
  periods: string[];
  figures: ReadonlyMap<string, UnitFigures>;
  /** Flagged units by unit, flag(s) (see flaggedIn). */
  flagged: Map<string, Map<string, number>>;
}

const isTerritory = (ds: Dataset, u: Unit) => ds.levels.get(u.level)?.kind === "territory";

/** One figure, one source: a policy an agency keeps for this whole territory (the policy bank's
 *  loans) is its figure, when its report was received, not the sum of the territory's reports. */
function adoptedFrom(env: Env, kids: readonly UnitFigures[], submitted: (r: ReportFile | null) => boolean): Record<string, string> {
  const adopted: Record<string, string> = {};
  for (const k of kids) {
    if (isTerritory(env.ds, k.unit) || !k.unit.source_of?.length || !submitted(k.report)) continue;
    for (const ind of env.ds.catalogue.indicators) if (ind.policy && k.unit.source_of.includes(ind.policy) && k.declared[ind.id]) adopted[ind.id] = k.unit.code;
  }
  return adopted;
}

/** One unit compiled at its date `at` from its own report and its children's compiled figures. */
function compile(env: Env, unit: Unit, report: ReportFile | null, at: string | null, kids: readonly UnitFigures[]): UnitFigures {
  const { ds, children } = env;
  const code = unit.code;
  const submitted = submittedBy(at);
  const territoryKids = kids.filter((k) => isTerritory(ds, k.unit));
  const derive = (v: Values) => addDerived(v, ds.catalogue.indicators, (f, also) => flaggedIn(ds, children, env.flagged, code, f, also), env.periods);
  const declared = derive(clean(report?.values));
  let rolled: Values | null = null;
  let feeding: UnitFigures[] = [];
  let effective = declared;
  const isLeaf = (k: UnitFigures) => (children.get(k.unit.code)?.length ?? 0) === 0;
  const missing = territoryKids.filter((k) => !submitted(k.report)).map((k) => k.unit.code);
  const complete = territoryKids.every((k) => submitted(k.report) && (isLeaf(k) || k.coverage.complete));
  if (territoryKids.length > 0) {
    // A child's figures (its own and its subtree's) come only through its own report, received
    // by this unit's date: a district that has not reported brings none of its communes.
    feeding = territoryKids.filter((k) => submitted(k.report));
    rolled = derive(rollValues(feeding.map((k) => k.effective), ds.catalogue.indicators));
    // Rates must follow the numbers shown: recompute them on the merged values.
    effective = derive(merged(declared, rolled, complete));
  }
  const adopted = adoptedFrom(env, kids, submitted);
  if (Object.keys(adopted).length) {
    effective = copyValues(effective);
    for (const [id, from] of Object.entries(adopted)) effective[id] = { ...env.figures.get(from)!.declared[id] };
    effective = derive(effective);
  }
  const finance = [...(report?.finance ?? []), ...kids.filter((k) => submitted(k.report)).flatMap((k) => k.finance)];
  const coverage = { reporting: territoryKids.length - missing.length, total: territoryKids.length, missing, complete };
  return { unit, report, declared, rolled, effective, finance, asOf: at, adopted, coverage, feeding: feeding.map((k) => k.unit.code) };
}

/** The tree rolled up, nested as-of: each unit compiles the reports of its children submitted
 *  by its own document's date (what was in hand when it was signed), each child's figures as that
 *  child compiled them on its own date, recursively; `asOf` caps every unit's date (none: each
 *  unit's own date, or every submitted report for a unit whose document has no earlier date than
 *  the project's as-of). One tree serves every document and the site. */
export function rollUp(ds: Dataset, asOf: string | null = null): Tree {
  const children = new Map<string, string[]>();
  for (const u of ds.units.values()) if (u.parent) children.set(u.parent, [...(children.get(u.parent) ?? []), u.code]);
  const reports = new Map(ds.reports.map((r) => [r.report.unit, r.report]));
  const figures = new Map<string, UnitFigures>();
  const env: Env = { ds, children, periods: ds.project.periods.map((p) => p.id), figures, flagged: new Map() };
  const unitAsOf = (code: string): string | null => {
    const date = reports.get(code)?.document.date;
    const own = date && date < ds.project.as_of ? date : null;
    return own && asOf ? (own < asOf ? own : asOf) : (own ?? asOf);
  };
  const visit = (code: string, stack: Set<string>): UnitFigures => {
    const done = figures.get(code);
    if (done) return done;
    if (stack.has(code)) throw new Error(`cycle at ${code}: run checkUnits before rollUp`);
    stack.add(code);
    const kids = (children.get(code) ?? []).map((c) => visit(c, stack));
    const fig = compile(env, ds.units.get(code)!, reports.get(code) ?? null, unitAsOf(code), kids);
    figures.set(code, fig);
    stack.delete(code);
    return fig;
  };

  for (const code of ds.units.keys()) visit(code, new Set());
  return { root: ds.project.root, figures, children, asOf, received: (r, by) => submittedBy(figures.get(by)?.asOf ?? asOf)(r) };
}
