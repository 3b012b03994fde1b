// `sample`: illustrative reports for every unit of a data folder's tree, deterministic for a
// seed. Lowest-level territory units get full data; the levels above declare the sums of their
// children for the core poverty figures (one of them slightly off, so the roll-up check has
// something to show); agencies report money for what they chair. Narratives say they are
// illustrative.
import type { Dataset } from "../model/dataset.js";
import { inSentence } from "../render/view/names.js";
import { flattenOutline } from "../model/catalogue.js";
import type { ReportFile, Unit } from "../model/types.js";
import { reportPath } from "../units/paths.js";
import { reportToYaml } from "../write/report-yaml.js";
import { narrativeFor, type UnitKind } from "./narrative.js";
import { financeFor } from "./finance.js";
import { rngFor, type Rng } from "./random.js";
import { flagsYaml } from "./flags.js";
import { signer } from "./signer.js";
import { sampleContext, type SampleContext } from "./context.js";
import { territorySeries, isDbkk } from "./territory.js";
import { drawDates, type Draws } from "./dates.js";
import { agencyValues, filedIn } from "./agency.js";
import { childrenNoun, departmentFacts, narrativeFacts } from "./facts.js";
import { dropConsistently, outputsFollowMoney } from "./series-rules.js";
import type { Series } from "./values.js";

export interface SampleOutput {
  /** data-relative path → YAML text. */
  reports: Map<string, string>;
  flagsText: string;
}

interface Drawn {
  series: Map<string, Series>;
  poorRates: Map<string, number>;
  draws: Draws;
}

/** Whether a unit manages a commune flagged as the written unit-flags.yaml will hold it (ĐBKK and
 *  135 from the drawn poverty). */
function managesFlaggedIn(cx: SampleContext, poorRates: Map<string, number>) {
  const flagged = [...poorRates].filter(([c, r]) => isDbkk(cx.ds.units.get(c)!, r)).map(([c]) => c);
  return (code: string, flags: readonly string[]): boolean =>
    flags.some((f) => f === "xa_135" || f === "xa_dbkk") && flagged.some((c) => {
      for (let x: Unit | undefined = cx.ds.units.get(c); x; x = x.parent ? cx.ds.units.get(x.parent) : undefined) if (x.code === code) return true;
      return false;
    });
}

/** A draft leaves some figures out, but not the activity counts of the components it has money
 *  for (money with no activity at all is a plausibility warning). */
function draftGaps(cx: SampleContext, values: Series, rng: Rng): void {
  const indicators = new Map(cx.ds.catalogue.indicators.map((i) => [i.id, i]));
  for (const [id, byP] of Object.entries(values)) for (const p of Object.keys(byP)) if (rng.chance(0.3) && !indicators.get(id)?.component) byP[p] = null;
  dropConsistently(values, cx.ds.catalogue);
}

function reportOf(cx: SampleContext, d: Drawn, u: Unit, odd: Unit | undefined, manages: ReturnType<typeof managesFlaggedIn>): ReportFile | undefined {
  const { ds, seed } = cx;
  const level = ds.levels.get(u.level);
  if (!level) return undefined;
  const rng = rngFor(seed, `report:${u.code}`);
  const { draw, lowest } = d.draws.get(u.code)!;
  if (draw.status === null) return undefined;
  // A department's figures follow its money and the communes' reports: filled in afterwards.
  const values: Series = level.kind === "territory" ? structuredClone(d.series.get(u.code) ?? {}) : {};
  if (u === odd && values.ho_dan_cu?.y2017 != null) values.ho_dan_cu.y2017 = (values.ho_dan_cu.y2017 as number) + 7;
  if (draw.status === "dang_soan") draftGaps(cx, values, rng);
  return {
    unit: u.code,
    round: ds.project.round,
    status: draw.status,
    submitted_on: draw.submitted_on,
    approved_on: draw.approved_on,
    document: {
      number: draw.submitted_on ? String(rng.int(12, 190)) : null,
      date: draw.submitted_on,
      signer: signer(u, level, rng),
      recipients: ["Lưu: VT."],
    },
    values,
    finance: financeFor(ds, u, level, rng, lowest ? 1 : level.kind === "agency" ? 4 : 2, lowest, (flags) => manages(level.kind === "agency" ? ds.project.root : u.code, flags)),
    narrative: {},
  };
}

function makeReports(cx: SampleContext, d: Drawn): Map<string, ReportFile> {
  const { ds, seed, kids, isTerritory } = cx;
  const filed = filedIn(d.draws);
  // One unit above the lowest level, all of whose children reported, declares a figure a little
  // off the sum of its children, so the roll-up check has something to show.
  const odd = cx.units.find((u) => isTerritory(u) && u.parent !== null && filed(u.code) && (kids.get(u.code) ?? []).length > 0 && (kids.get(u.code) ?? []).every((k) => filed(k.code)));
  const manages = managesFlaggedIn(cx, d.poorRates);
  const made = new Map<string, ReportFile>();
  for (const u of cx.units) {
    const report = reportOf(cx, d, u, odd, manages);
    if (!report) continue;
    made.set(u.code, report);
    if (!cx.isLowest(u)) continue;
    // A component (or its project) with money of the commune's own; its figures and the
    // departments' sums of them follow.
    const funded = (c: string) => report.finance.some((f) => f.component === c || f.component.startsWith(`${c}.`));
    for (const s of [report.values, d.series.get(u.code)]) if (s) outputsFollowMoney(s, ds.catalogue.indicators, funded);
  }
  for (const u of cx.units) {
    const report = made.get(u.code);
    if (!report || ds.levels.get(u.level)?.kind !== "agency") continue;
    report.values = agencyValues(cx, d.series, d.draws, made, u, report.finance);
    if (report.status === "dang_soan") draftGaps(cx, report.values, rngFor(seed, `draft:${u.code}`));
  }
  return made;
}

/** The narrative, once every report's figures are known: it agrees with what the unit's
 *  documents will show. */
function narrate(cx: SampleContext, made: Map<string, ReportFile>, u: Unit, report: ReportFile): void {
  const { ds, seed, kids, isTerritory } = cx;
  const level = ds.levels.get(u.level)!;
  const rng = rngFor(seed, `narrative:${u.code}`);
  const parent = u.parent ? ds.units.get(u.parent) : undefined;
  const upper = parent?.authority ?? "Trung ương";
  const kind: UnitKind = level.kind === "agency" ? "department" : (kids.get(u.code) ?? []).some(isTerritory) ? "district" : u.area === "thanh_thi" ? "urban" : "rural";
  const facts = { ...narrativeFacts(cx, made, u.code), ...(level.kind === "agency" ? departmentFacts(cx, u, report) : {}) };
  for (const s of flattenOutline(ds.outline.sections)) {
    if (!s.narrative || !s.levels.includes(u.level)) continue;
    report.narrative[s.narrative] = report.status === "dang_soan" && rng.chance(0.4) ? "" : narrativeFor(s.narrative, level.kind === "agency" ? u.name : inSentence(u), upper, kind, facts, rng, childrenNoun(cx, u));
  }
}

function yamlOf(cx: SampleContext, u: Unit, report: ReportFile): string {
  const { ds, seed } = cx;
  const rel = reportPath(u, { units: ds.units, levels: ds.levels });
  return reportToYaml(report, {
    schemaRel: "../".repeat(rel.split("/").length - 1) + "../schemas/report.schema.json",
    header: `Báo cáo đánh giá giữa kỳ của ${u.name} (mã ${u.code}).\nSỐ LIỆU MINH HỌA do lệnh npm run sample sinh ra (seed ${seed}), không phải số liệu chính thức.`,
    indicators: new Map(ds.catalogue.indicators.map((i) => [i.id, i])),
    illustrative: true,
  });
}

export function generateSample(ds: Dataset, seed: number): SampleOutput {
  const cx = sampleContext(ds, seed);
  const { series, poorRates } = territorySeries(cx);
  const drawn: Drawn = { series, poorRates, draws: drawDates(cx) };
  const made = makeReports(cx, drawn);
  const reports = new Map<string, string>();
  for (const u of cx.units) {
    const report = made.get(u.code);
    if (!report || !ds.levels.get(u.level)) continue;
    narrate(cx, made, u, report);
    reports.set(reportPath(u, { units: ds.units, levels: ds.levels }), yamlOf(cx, u, report));
  }
  const lastPeriod = ds.project.periods[ds.project.periods.length - 1]!.id;
  const lastRates = new Map([...poorRates.keys()].map((c) => {
    const s = series.get(c);
    return [c, (s?.ho_ngheo?.[lastPeriod] ?? 0) / Math.max(1, s?.ho_dan_cu?.[lastPeriod] ?? 1)];
  }));
  return { reports, flagsText: flagsYaml(ds, poorRates, lastRates, seed) };
}
