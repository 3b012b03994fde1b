// `sample`: illustrative reports for every unit of a data folder's tree, deterministic for a
// seed. Lowest-level territory units get full data; the levels above declare the sums of their
// children for the core poverty figures (one of them slightly off, so the roll-up check has
// something to show); agencies report money for what they chair. Narratives say they are
// illustrative.
import type { Dataset } from "../model/dataset.js";
import { chairsIndicator } from "../model/chairs.js";
import { inSentence, typesNoun } from "../render/view/names.js";
import { deadlineOf } from "../model/deadlines.js";
import { dayNumber } from "../model/dates.js";
import { flattenOutline } from "../model/catalogue.js";
import type { FinanceRecord, Level, ReportFile, Unit } from "../model/types.js";
import { reportPath } from "../units/paths.js";
import { reportToYaml } from "../write/report-yaml.js";
import { narrativeFor, type UnitKind } from "./narrative.js";
import { financeFor } from "./finance.js";
import { rngFor, type Rng } from "./random.js";
import { DBKK_RATE, flagsYaml } from "./flags.js";
import { signer } from "./signer.js";
import { allocate } from "./allocate.js";
import { MIX, drawStatus } from "./statuses.js";
import { disjointGroups } from "../model/form-rows.js";
import { applyRules, coreValues, dropConsistently, otherValues, sumSeries, type Anchor, type Profile, type Series } from "./values.js";

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

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export interface SampleOutput {
  /** data-relative path → YAML text. */
  reports: Map<string, string>;
  flagsText: string;
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

export function generateSample(ds: Dataset, seed: number): SampleOutput {
  const index = { units: ds.units, levels: ds.levels };
  const kids = new Map<string, Unit[]>();
  for (const u of ds.units.values()) if (u.parent) kids.set(u.parent, [...(kids.get(u.parent) ?? []), u]);
  const isTerritory = (u: Unit) => ds.levels.get(u.level)?.kind === "territory";
  const series = new Map<string, Series>();
  const reports = new Map<string, string>();
  const indicators = new Map(ds.catalogue.indicators.map((i) => [i.id, i]));
  const components = new Map(ds.programme.components.map((c) => [c.id, c]));
  const flagRule = (id: string) => components.get(id)?.requires_flag ?? components.get(components.get(id)?.parent ?? "")?.requires_flag;
  // A component reserved for flagged communes (Chương trình 135) has outputs only in them.
  const applicableIn = (flagged: boolean) => (id: string) => (components.get(id)?.applicable ?? true) && (!flagRule(id) || flagged);
  const sections = flattenOutline(ds.outline.sections);
  const disjoint = disjointGroups(ds.forms);
  const poorRates = new Map<string, number>();
  const isDbkk = (u: Unit, rate: number) => u.area !== "thanh_thi" && rate >= DBKK_RATE;

  const leafSeries = (u: Unit, profile: Profile, rng: Rng, anchor?: Anchor): Series => {
    const s = coreValues(profile, ds.project.periods, rng, anchor);
    const first = ds.project.periods[0]!.id;
    const rate = (s.ho_ngheo?.[first] ?? 0) / Math.max(1, s.ho_dan_cu?.[first] ?? 1);
    poorRates.set(u.code, rate);
    villages(s, u, isDbkk(u, rate), rng, first, ds.project.periods[ds.project.periods.length - 1]!.id);
    otherValues(s, ds.catalogue.indicators, ds.project.periods, applicableIn(isDbkk(u, rate)), rng);
    applyRules(s, ds.catalogue, rng, disjoint);
    return s;
  };
  // Published figures (published.yaml): the district's communes are drawn, then anchored so that
  // they add up exactly to the district's published households, poor and near-poor households.
  const published = ds.published;
  const anchorAt = ds.project.periods.findIndex((p) => p.id === published?.period);
  const pubRows = Object.values(published?.units ?? {});
  const pubRate = pubRows.reduce((s, r) => s + r.poor, 0) / Math.max(1, pubRows.reduce((s, r) => s + r.households, 0));
  const seriesOf = (u: Unit, factor: number): Series => {
    const cached = series.get(u.code);
    if (cached) return cached;
    const rng = rngFor(seed, `values:${u.code}`);
    const territoryKids = (kids.get(u.code) ?? []).filter(isTerritory);
    const pub = published?.units[u.code];
    let s: Series;
    if (territoryKids.length === 0) {
      s = leafSeries(u, profileOf(u, factor, rng), rng);
    } else if (pub && anchorAt >= 0 && territoryKids.every((k) => !(kids.get(k.code) ?? []).some(isTerritory))) {
      const f = pub.households ? pub.poor / pub.households / pubRate : 1;
      const rngs = territoryKids.map((k) => rngFor(seed, `values:${k.code}`));
      const profiles = territoryKids.map((k, i) => profileOf(k, f, rngs[i]!, pub.minority_share));
      const hh = allocate(pub.households, profiles.map((p) => p.households));
      const poor = allocate(pub.poor, profiles.map((p) => p.households * p.poorRate));
      const near = allocate(pub.near_poor, profiles.map((p) => p.households * p.nearRate));
      territoryKids.forEach((k, i) => series.set(k.code, leafSeries(k, profiles[i]!, rngs[i]!, { at: anchorAt, households: hh[i]!, poor: poor[i]!, near: near[i]! })));
      s = declaredOf(territoryKids.map((k) => series.get(k.code)!));
    } else {
      const f = u.parent === null ? 1 : 0.45 + 2.3 * rngFor(seed, `factor:${u.code}`).next() ** 2;
      s = declaredOf(territoryKids.map((k) => seriesOf(k, f)));
    }
    series.set(u.code, s);
    return s;
  };

  const units = [...ds.units.values()];
  for (const u of units) if (isTerritory(u)) seriesOf(u, 1);
  const draws = new Map(
    units.map((u) => {
      const level = ds.levels.get(u.level);
      const lowest = isTerritory(u) && !(kids.get(u.code) ?? []).some(isTerritory);
      const mix = u.parent === null ? MIX.root : level?.kind === "agency" ? MIX.agency : lowest ? MIX.lowest : MIX.middle;
      return [u.code, { lowest, draw: drawStatus(rngFor(seed, `status:${u.code}`), deadlineOf(level, ds.plan), ds.project.as_of, mix) }];
    }),
  );
  // A compiling unit signs after the reports it compiles: a district after its communes, the
  // province on or after its own deadline and after every district and department.
  const asOfDay = dayNumber(ds.project.as_of);
  const dateAfter = (code: string): void => {
    const u = ds.units.get(code)!;
    const children = kids.get(code) ?? [];
    for (const k of children) dateAfter(k.code);
    const d = draws.get(code)?.draw;
    if (!d?.submitted_on || !children.length) return;
    const latest = Math.max(...children.map((k) => (draws.get(k.code)?.draw.submitted_on ? dayNumber(draws.get(k.code)!.draw.submitted_on!) : 0)));
    const own = u.parent === null ? Math.max(dayNumber(deadlineOf(ds.levels.get(u.level), ds.plan) ?? ds.project.as_of), latest) : latest + rngFor(seed, `after:${code}`).int(1, 3);
    const day = Math.min(asOfDay, Math.max(dayNumber(d.submitted_on), own));
    d.submitted_on = isoDay(day);
    if (d.approved_on && dayNumber(d.approved_on) < day) {
      d.approved_on = day + 2 <= asOfDay ? isoDay(day + 2) : null;
      if (!d.approved_on) d.status = "da_nop";
    }
  };
  dateAfter(ds.project.root);
  const filed = (c: string) => ["da_nop", "da_duyet"].includes(draws.get(c)?.draw.status ?? "");
  // A department reports what it ran itself, as of its own date: the outputs of the lowest units'
  // reports in hand at its date (never a report received later), and, when it has programme money
  // of its own, only the share of them its money paid for (the same unit costs as the province's:
  // a subset of those units whose share of the chaired components' money is the department's), so
  // that its money and its outputs are one scope. A department without programme money (the bank's
  // loans, health insurance cards) reports the policy it runs across the province.
  const lowestUnits = units.filter((u) => isTerritory(u) && !(kids.get(u.code) ?? []).some(isTerritory));
  const dayOf = (code: string) => draws.get(code)?.draw.submitted_on ?? null;
  const rootDate = dayOf(ds.project.root) ?? ds.project.as_of;
  const agencyValues = (u: Unit, own: readonly FinanceRecord[]): Series => {
    const ids = ds.catalogue.indicators.filter((i) => !i.computed && chairsIndicator(u, i) && i.kind !== "stock").map((i) => i.id);
    const at = dayNumber(dayOf(u.code) ?? rootDate);
    const inHand = lowestUnits.filter((c) => filed(c.code) && dayNumber(dayOf(c.code)!) <= at);
    const chaired = (f: FinanceRecord) => u.chairs?.some((x) => f.component === x || f.component.startsWith(`${x}.`)) ?? false;
    const mine = own.filter(chaired).reduce((t, f) => t + f.disbursed, 0);
    if (mine === 0) return sumSeries(inHand.map((c) => series.get(c.code)!), ids);
    const active = inHand.filter((c) => ids.some((id) => Object.values(series.get(c.code)?.[id] ?? {}).some((v) => (v ?? 0) > 0)));
    const theirs = active.reduce((t, c) => t + (made.get(c.code)?.finance ?? []).filter(chaired).reduce((x, f) => x + f.disbursed, 0), 0);
    const share = mine / (mine + theirs);
    const rng = rngFor(seed, `scope:${u.code}`);
    const order = active.map((c) => ({ c, k: rng.next() })).sort((a, b) => a.k - b.k || (a.c.code < b.c.code ? -1 : 1)).map((x) => x.c);
    const picked = order.slice(0, Math.max(1, Math.round(share * order.length)));
    return sumSeries(picked.map((c) => series.get(c.code)!), ids);
  };
  // One unit above the lowest level, all of whose children reported, declares a figure a little
  // off the sum of its children, so the roll-up check has something to show.
  // Flags as the written unit-flags.yaml will hold them (ĐBKK and 135 from the drawn poverty).
  const flagged = new Set([...poorRates].filter(([c, r]) => isDbkk(ds.units.get(c)!, r)).map(([c]) => c));
  const managesFlagged = (code: string, flags: readonly string[]): boolean =>
    flags.some((f) => f === "xa_135" || f === "xa_dbkk") && [...flagged].some((c) => {
      for (let x: Unit | undefined = ds.units.get(c); x; x = x.parent ? ds.units.get(x.parent) : undefined) if (x.code === code) return true;
      return false;
    });
  const odd = units.find((u) => isTerritory(u) && u.parent !== null && filed(u.code) && (kids.get(u.code) ?? []).length > 0 && (kids.get(u.code) ?? []).every((k) => filed(k.code)));

  // A draft leaves some figures out, but not the activity counts of the components it has money
  // for (money with no activity at all is a plausibility warning).
  const draftGaps = (values: Series, rng: Rng): void => {
    for (const [id, byP] of Object.entries(values)) for (const p of Object.keys(byP)) if (rng.chance(0.3) && !indicators.get(id)?.component) byP[p] = null;
    dropConsistently(values, ds.catalogue);
  };
  const made = new Map<string, ReportFile>();
  for (const u of units) {
    const level = ds.levels.get(u.level);
    if (!level) continue;
    const rng = rngFor(seed, `report:${u.code}`);
    const { draw, lowest } = draws.get(u.code)!;
    if (draw.status === null) continue;
    // A department's figures follow its money and the communes' reports: filled in below.
    const values: Series = level.kind === "territory" ? structuredClone(series.get(u.code) ?? {}) : {};
    if (u === odd && values.ho_dan_cu?.y2017 != null) values.ho_dan_cu.y2017 = (values.ho_dan_cu.y2017 as number) + 7;
    if (draw.status === "dang_soan") {
      draftGaps(values, rng);
    }
    const parent = u.parent ? ds.units.get(u.parent) : undefined;
    const report: ReportFile = {
      unit: u.code,
      round: ds.project.round,
      status: draw.status,
      submitted_on: draw.submitted_on,
      approved_on: draw.approved_on,
      document: {
        number: draw.submitted_on ? String(rng.int(12, 190)) : null,
        date: draw.submitted_on,
        signer: signer(u, level, rng),
        recipients: level.kind === "agency" ? ["Lưu: VT."] : parent ? ["Lưu: VT."] : ["Lưu: VT."],
      },
      values,
      finance: financeFor(ds, u, level, rng, lowest ? 1 : level.kind === "agency" ? 4 : 2, lowest, (flags) => managesFlagged(level.kind === "agency" ? ds.project.root : u.code, flags)),
      narrative: {},
    };
    made.set(u.code, report);
  }
  for (const u of units) {
    const report = made.get(u.code);
    if (!report || ds.levels.get(u.level)?.kind !== "agency") continue;
    report.values = agencyValues(u, report.finance);
    if (report.status === "dang_soan") draftGaps(report.values, rngFor(seed, `draft:${u.code}`));
  }
  // The narrative, once every report's figures are known: it agrees with what the unit's
  // documents will show (money of the unit and of the reports it compiles; satisfaction of the
  // communes that reported).
  // A child's money and figures reach its parent only through its own report.
  const fed = (code: string) => ["da_nop", "da_duyet"].includes(made.get(code)?.status ?? "");
  const money = (code: string): { plan: number; done: number } => {
    const own = made.get(code)?.finance ?? [];
    const sub = (kids.get(code) ?? []).filter((k) => fed(k.code)).map((k) => money(k.code));
    return { plan: own.reduce((s, f) => s + f.plan, 0) + sub.reduce((s, m) => s + m.plan, 0), done: own.reduce((s, f) => s + f.disbursed, 0) + sub.reduce((s, m) => s + m.done, 0) };
  };
  const last = ds.project.periods[ds.project.periods.length - 1]!.id;
  const asked = (code: string): { yes: number; all: number } => {
    const territoryKids = (kids.get(code) ?? []).filter(isTerritory);
    const r = made.get(code);
    if (!territoryKids.length) {
      const num = (id: string) => (typeof r?.values[id]?.[last] === "number" ? (r.values[id]![last] as number) : 0);
      return ["da_nop", "da_duyet"].includes(r?.status ?? "") || !isTerritory(ds.units.get(code)!) ? { yes: num("nguoi_duoc_hoi_hai_long"), all: num("nguoi_duoc_hoi") } : { yes: 0, all: 0 };
    }
    return territoryKids.filter((k) => fed(k.code) || !(kids.get(k.code) ?? []).some(isTerritory)).map((k) => asked(k.code)).reduce((a, b) => ({ yes: a.yes + b.yes, all: a.all + b.all }), { yes: 0, all: 0 });
  };
  // The units a district or the province assigns targets to, by their types as the data has them.
  const childrenNoun = (u: Unit): string | undefined => {
    const below = (kids.get(u.code) ?? []).filter(isTerritory);
    const level = ds.levels.get(below[0]?.level ?? "");
    return below.length && level ? typesNoun(below, level.unit_types, level.unit_noun) : undefined;
  };
  for (const u of units) {
    const report = made.get(u.code);
    const level = ds.levels.get(u.level);
    if (!report || !level) continue;
    const rng = rngFor(seed, `narrative:${u.code}`);
    const parent = u.parent ? ds.units.get(u.parent) : undefined;
    const upper = parent?.authority ?? "Trung ương";
    const kind: UnitKind = level.kind === "agency" ? "department" : (kids.get(u.code) ?? []).some(isTerritory) ? "district" : u.area === "thanh_thi" ? "urban" : "rural";
    const m = money(u.code);
    const a = asked(u.code);
    const facts = { disbursementRate: m.plan > 0 ? (m.done / m.plan) * 100 : null, satisfactionRate: a.all > 0 ? (a.yes / a.all) * 100 : null };
    for (const s of sections) {
      if (!s.narrative || !s.levels.includes(u.level)) continue;
      report.narrative[s.narrative] = report.status === "dang_soan" && rng.chance(0.4) ? "" : narrativeFor(s.narrative, level.kind === "agency" ? u.name : inSentence(u), upper, kind, facts, rng, childrenNoun(u));
    }
    reports.set(
      reportPath(u, index),
      reportToYaml(report, {
        schemaRel: "../".repeat(reportPath(u, index).split("/").length - 1) + "../schemas/report.schema.json",
        header: `Báo cáo đánh giá giữa kỳ của ${u.name} (mã ${u.code}).\nSỐ LIỆU MINH HỌA do lệnh npm run sample sinh ra (seed ${seed}), không phải số liệu chính thức.`,
        indicators,
        illustrative: true,
      }),
    );
  }
  const lastPeriod = ds.project.periods[ds.project.periods.length - 1]!.id;
  const lastRates = new Map([...poorRates.keys()].map((c) => {
    const s = series.get(c);
    return [c, (s?.ho_ngheo?.[lastPeriod] ?? 0) / Math.max(1, s?.ho_dan_cu?.[lastPeriod] ?? 1)];
  }));
  return { reports, flagsText: flagsYaml(ds, poorRates, lastRates, seed) };
}
