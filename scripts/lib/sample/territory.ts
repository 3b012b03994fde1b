// The territory units' figures: the lowest units drawn from a profile (anchored to published
// figures where the data has them), the levels above declaring the sums of their children for the
// core poverty figures.
import { disjointGroups } from "../model/form-rows.js";
import type { Period, Unit } from "../model/types.js";
import { allocate } from "./allocate.js";
import type { SampleContext } from "./context.js";
import { DBKK_RATE } from "./flags.js";
import { rngFor, type Rng } from "./random.js";
import { applyRules, sumSeries } from "./series-rules.js";
import { coreValues, otherValues, type Anchor, type Profile, type Series } from "./values.js";

// What a district or the province declares itself: the core poverty figures with the
// breakdown of the poor and their deprivations (all from the same poverty review), so that
// each of its tables has one complete source.
const DEPRIVATIONS = ["tiep_can_y_te", "bhyt", "giao_duc_nguoi_lon", "tre_em_di_hoc", "chat_luong_nha", "dien_tich_nha", "nuoc_sinh_hoat", "nha_tieu", "vien_thong", "tai_san_thong_tin"].map((d) => `thieu_hut_${d}`);
const DECLARED = ["ho_dan_cu", "ho_dan_cu_dtts", "ho_ngheo", "ho_ngheo_dtts", "ho_ngheo_thieu_hut_thu_nhap", "ho_ngheo_thieu_hut_dich_vu", ...DEPRIVATIONS, "ho_thoat_ngheo", "ho_tai_ngheo", "ho_ngheo_phat_sinh", "ho_can_ngheo", "ho_can_ngheo_dtts", "ho_thoat_can_ngheo", "ho_can_ngheo_phat_sinh", "so_thon_dbkk", "so_thon_thoat_dbkk"];
/** ĐBKK villages of a commune: 2 - 6 in a ĐBKK commune, now and then one or two in another rural
 *  one, none in a town; about one in eight leaves the status by the last period (on the pro-rata
 *  path of QĐ 1722's 20 - 30 % by 2020). */
function villages(s: Series, u: Unit, dbkk: boolean, rng: Rng, first: string, last: string): void {
  const start = u.area === "thanh_thi" ? 0 : dbkk ? rng.int(2, 6) : rng.chance(0.15) ? rng.int(1, 2) : 0;
  const left = start > 0 && rng.chance(0.3) ? Math.min(start, rng.int(1, 2)) : 0;
  s.so_thon_dbkk = { [first]: start, [last]: start - left };
  s.so_thon_thoat_dbkk = { [last]: left };
}

/** Households grow at a unit's own rate (1 - 1,4 % a year), a little differently each year, and a
 *  half-year period by about half a year's growth (always less than any full year's); the count
 *  at the anchored period (a published figure) stays as it is. Ethnic-minority households keep
 *  their share, and their poor and near-poor stay within them. */
function householdGrowth(s: Series, periods: readonly Period[], rng: Rng, at: number): void {
  const old = periods.map((p) => s.ho_dan_cu?.[p.id] ?? 0);
  const base = old[at]!;
  const rate = rng.between(0.01, 0.014);
  const steps = periods.map((p) => Math.round(base * rate * p.years * rng.between(0.8, 1.2)));
  const fullYear = Math.min(...steps.filter((_, i) => periods[i]!.years >= 1));
  periods.forEach((p, i) => {
    if (p.years > 0 && p.years < 1) steps[i] = Math.max(0, Math.min(steps[i]!, fullYear - 1));
  });
  const between = (from: number, to: number) => steps.slice(from + 1, to + 1).reduce((t, x) => t + x, 0);
  periods.forEach((p, i) => {
    const h = i >= at ? base + between(at, i) : base - between(i, at);
    const dtts = Math.round(((s.ho_dan_cu_dtts?.[p.id] ?? 0) * h) / Math.max(1, old[i]!));
    s.ho_dan_cu![p.id] = h;
    if (!s.ho_dan_cu_dtts) return;
    s.ho_dan_cu_dtts[p.id] = dtts;
    for (const id of ["ho_ngheo_dtts", "ho_can_ngheo_dtts"]) if (typeof s[id]?.[p.id] === "number") s[id]![p.id] = Math.min(s[id]![p.id]!, dtts);
  });
}

/** What a unit above the lowest level declares: the sums of DECLARED, and the poor's income per
 *  head as the mean of its children's weighted by the poor's members (as the roll-up computes it). */
function declaredOf(children: Series[]): Series {
  const s = sumSeries(children, [...DECLARED, "nhan_khau_ho_ngheo"]);
  for (const p of Object.keys(s.nhan_khau_ho_ngheo ?? {})) {
    const w = children.map((c) => [c.thu_nhap_bq_ho_ngheo?.[p], c.nhan_khau_ho_ngheo?.[p]] as const).filter((x): x is readonly [number, number] => typeof x[0] === "number" && typeof x[1] === "number");
    const members = w.reduce((a, [, m]) => a + m, 0);
    if (members > 0) (s.thu_nhap_bq_ho_ngheo ??= {})[p] = Math.round(w.reduce((a, [v, m]) => a + v * m, 0) / members);
  }
  return s;
}

/** `minority`: the district's share of ethnic-minority households, when the data gives one. */
function profileOf(unit: Unit, districtFactor: number, rng: Rng, minority?: number): Profile {
  const urban = unit.area === "thanh_thi";
  const households = Math.round(urban ? rng.between(1700, 3200) : rng.between(700, 1800));
  const poorRate = Math.min(0.6, (urban ? 0.25 : 1) * 0.135 * districtFactor * rng.between(0.6, 1.45));
  const drawn = districtFactor > 1.6 && !urban ? rng.between(0.3, 0.8) : rng.between(0, 0.06);
  const minorityShare = minority === undefined ? drawn : Math.min(0.95, minority * (urban ? 0.3 : 1) * rng.between(0.6, 1.4));
  return { households, poorRate, nearRate: rng.between(0.05, 0.1), minorityShare };
}

export const isDbkk = (u: Unit, rate: number) => u.area !== "thanh_thi" && rate >= DBKK_RATE;

export interface TerritorySeries {
  series: Map<string, Series>;
  /** Baseline poverty rate of each lowest unit, 0–1. */
  poorRates: Map<string, number>;
}

interface State extends TerritorySeries {
  cx: SampleContext;
  /** A component reserved for flagged communes (Chương trình 135) has outputs only in them. */
  applicableIn: (flagged: boolean) => (id: string) => boolean;
  disjoint: ReturnType<typeof disjointGroups>;
  anchorAt: number;
  /** Poverty rate of all published units together. */
  pubRate: number;
}

function leafSeries(st: State, u: Unit, profile: Profile, rng: Rng, anchor?: Anchor): Series {
  const { ds } = st.cx;
  const s = coreValues(profile, ds.project.periods, rng, anchor);
  householdGrowth(s, ds.project.periods, rngFor(st.cx.seed, `households:${u.code}`), anchor?.at ?? 0);
  const first = ds.project.periods[0]!.id;
  const rate = (s.ho_ngheo?.[first] ?? 0) / Math.max(1, s.ho_dan_cu?.[first] ?? 1);
  st.poorRates.set(u.code, rate);
  villages(s, u, isDbkk(u, rate), rng, first, ds.project.periods[ds.project.periods.length - 1]!.id);
  otherValues(s, ds.catalogue.indicators, ds.project.periods, st.applicableIn(isDbkk(u, rate)), rng);
  applyRules(s, ds.catalogue, rng, st.disjoint);
  return s;
}

/** Published figures (published.yaml): the district's communes are drawn, then anchored so that
 *  they add up exactly to the district's published households, poor and near-poor households. */
function anchoredChildren(st: State, u: Unit, territoryKids: Unit[]): Series {
  const { ds, seed } = st.cx;
  const pub = ds.published!.units[u.code]!;
  const f = pub.households ? pub.poor / pub.households / st.pubRate : 1;
  const rngs = territoryKids.map((k) => rngFor(seed, `values:${k.code}`));
  const profiles = territoryKids.map((k, i) => profileOf(k, f, rngs[i]!, pub.minority_share));
  const hh = allocate(pub.households, profiles.map((p) => p.households));
  const poor = allocate(pub.poor, profiles.map((p) => p.households * p.poorRate));
  const near = allocate(pub.near_poor, profiles.map((p) => p.households * p.nearRate));
  territoryKids.forEach((k, i) => st.series.set(k.code, leafSeries(st, k, profiles[i]!, rngs[i]!, { at: st.anchorAt, households: hh[i]!, poor: poor[i]!, near: near[i]! })));
  return declaredOf(territoryKids.map((k) => st.series.get(k.code)!));
}

function seriesOf(st: State, u: Unit, factor: number): Series {
  const { ds, seed, kids, isTerritory } = st.cx;
  const cached = st.series.get(u.code);
  if (cached) return cached;
  const territoryKids = (kids.get(u.code) ?? []).filter(isTerritory);
  let s: Series;
  if (territoryKids.length === 0) {
    const rng = rngFor(seed, `values:${u.code}`);
    s = leafSeries(st, u, profileOf(u, factor, rng), rng);
  } else if (ds.published?.units[u.code] && st.anchorAt >= 0 && territoryKids.every((k) => !(kids.get(k.code) ?? []).some(isTerritory))) {
    s = anchoredChildren(st, u, territoryKids);
  } else {
    const f = u.parent === null ? 1 : 0.45 + 2.3 * rngFor(seed, `factor:${u.code}`).next() ** 2;
    s = declaredOf(territoryKids.map((k) => seriesOf(st, k, f)));
  }
  st.series.set(u.code, s);
  return s;
}

export function territorySeries(cx: SampleContext): TerritorySeries {
  const { ds } = cx;
  const components = new Map(ds.programme.components.map((c) => [c.id, c]));
  const flagRule = (id: string) => components.get(id)?.requires_flag ?? components.get(components.get(id)?.parent ?? "")?.requires_flag;
  const published = ds.published;
  const pubRows = Object.values(published?.units ?? {});
  const st: State = {
    cx,
    series: new Map(),
    poorRates: new Map(),
    applicableIn: (flagged) => (id) => (components.get(id)?.applicable ?? true) && (!flagRule(id) || flagged),
    disjoint: disjointGroups(ds.forms),
    anchorAt: ds.project.periods.findIndex((p) => p.id === published?.period),
    pubRate: pubRows.reduce((s, r) => s + r.poor, 0) / Math.max(1, pubRows.reduce((s, r) => s + r.households, 0)),
  };
  for (const u of cx.units) if (cx.isTerritory(u)) seriesOf(st, u, 1);
  return { series: st.series, poorRates: st.poorRates };
}

