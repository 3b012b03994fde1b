// A department's own figures. A department reports what it ran itself, as of its own date: the
// outputs of the lowest units' reports in hand at its date (never a report received later), and,
// when it has programme money of its own, only the share of them its money paid for (the same unit
// costs as the province's: a subset of those units whose share of the chaired components' money is
// the department's), so that its money and its outputs are one scope. A policy (Biểu 07: loans, health
// insurance cards, tuition support, other support) is the department's own record for the whole
// province: the sum over every lowest unit of the province, reported or not, so that it is never
// below the sum of any part of the province, and two departments following one policy (Sở Y tế and
// BHXH tỉnh) give the same figures.
import { chairsIndicator } from "../model/chairs.js";
import { dayNumber } from "../model/dates.js";
import type { FinanceRecord, ReportFile, Unit } from "../model/types.js";
import type { SampleContext } from "./context.js";
import type { Draws } from "./dates.js";
import { rngFor } from "./random.js";
import { sumSeries } from "./series-rules.js";
import type { Series } from "./values.js";

export const filedIn = (draws: Draws) => (c: string) => ["da_nop", "da_duyet"].includes(draws.get(c)?.draw.status ?? "");

export function agencyValues(cx: SampleContext, series: Map<string, Series>, draws: Draws, made: Map<string, ReportFile>, u: Unit, own: readonly FinanceRecord[]): Series {
  const chaired = cx.ds.catalogue.indicators.filter((i) => !i.computed && chairsIndicator(u, i) && i.kind !== "stock");
  const policies = chaired.filter((i) => i.policy !== undefined).map((i) => i.id);
  const whole = sumSeries(cx.units.filter((c) => cx.isLowest(c)).map((c) => series.get(c.code) ?? {}), policies);
  return { ...outputsOf(cx, series, draws, made, u, own, chaired.filter((i) => i.policy === undefined).map((i) => i.id)), ...whole };
}

/** A department's outputs (no policy): the lowest units' reports in hand at its date, or the share
 *  its own money paid for. */
function outputsOf(cx: SampleContext, series: Map<string, Series>, draws: Draws, made: Map<string, ReportFile>, u: Unit, own: readonly FinanceRecord[], ids: readonly string[]): Series {
  const { ds, seed } = cx;
  const filed = filedIn(draws);
  const dayOf = (code: string) => draws.get(code)?.draw.submitted_on ?? null;
  const rootDate = dayOf(ds.project.root) ?? ds.project.as_of;
  const at = dayNumber(dayOf(u.code) ?? rootDate);
  const inHand = cx.units.filter((c) => cx.isLowest(c) && filed(c.code) && dayNumber(dayOf(c.code)!) <= at);
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
}
