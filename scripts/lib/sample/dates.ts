// Each unit's report status and dates: a realistic mix against its level's deadline, then a
// compiling unit dated after the reports it compiles. Offices sign on working days only: no date
// on a Saturday, a Sunday or a day off of the round (project.yaml days_off).
import { dayNumber } from "../model/dates.js";
import { deadlineOf } from "../model/deadlines.js";
import { isoDay, type SampleContext } from "./context.js";
import { rngFor } from "./random.js";
import { MIX, drawStatus, type StatusDraw } from "./statuses.js";

export type Draws = Map<string, { lowest: boolean; draw: StatusDraw }>;

/** Day numbers count from 1970-01-01, a Thursday: day % 7 is 2 on a Saturday, 3 on a Sunday. */
const isWeekend = (day: number) => [2, 3].includes(((day % 7) + 7) % 7);

/** The nearest working day from `day` in one direction (+1 later, -1 earlier), `day` itself if it is one. */
export function workingDay(cx: SampleContext, day: number, direction: 1 | -1): number {
  const off = new Set((cx.ds.project.days_off ?? []).map(dayNumber));
  let d = day;
  while (isWeekend(d) || off.has(d)) d += direction;
  return d;
}

/** A drawn date moved to a working day without changing which side of the deadline it is on: an
 *  on-time date earlier, a late one later (earlier if later would pass as-of); an approval later,
 *  or none when no working day is left before as-of. */
function onWorkingDays(cx: SampleContext, d: StatusDraw, deadline: string | null): void {
  if (!d.submitted_on) return;
  const asOfDay = dayNumber(cx.ds.project.as_of);
  const day = dayNumber(d.submitted_on);
  const late = deadline !== null && day > dayNumber(deadline);
  let moved = workingDay(cx, day, late ? 1 : -1);
  if (moved > asOfDay) moved = workingDay(cx, day, -1);
  d.submitted_on = isoDay(moved);
  approveAfter(cx, d, d.approved_on ? dayNumber(d.approved_on) : null);
}

/** Approval on the first working day from `day` (never before submission nor after as-of). */
function approveAfter(cx: SampleContext, d: StatusDraw, day: number | null): void {
  if (day === null || !d.submitted_on) return;
  const approved = workingDay(cx, Math.max(day, dayNumber(d.submitted_on)), 1);
  d.approved_on = approved <= dayNumber(cx.ds.project.as_of) ? isoDay(approved) : null;
  if (!d.approved_on && d.status === "da_duyet") d.status = "da_nop";
}

/** A compiling unit signs after the reports it compiles: a district after its communes, the
 *  province on or after its own deadline and after every district and department. */
function dateAfter(cx: SampleContext, draws: Draws, code: string): void {
  const { ds, seed, kids } = cx;
  const asOfDay = dayNumber(ds.project.as_of);
  const u = ds.units.get(code)!;
  const children = kids.get(code) ?? [];
  for (const k of children) dateAfter(cx, draws, k.code);
  const d = draws.get(code)?.draw;
  if (!d?.submitted_on || !children.length) return;
  const latest = Math.max(...children.map((k) => (draws.get(k.code)?.draw.submitted_on ? dayNumber(draws.get(k.code)!.draw.submitted_on!) : 0)));
  const own = u.parent === null ? Math.max(dayNumber(deadlineOf(ds.levels.get(u.level), ds.plan) ?? ds.project.as_of), latest) : latest + rngFor(seed, `after:${code}`).int(1, 3);
  const day = Math.min(asOfDay, Math.max(dayNumber(d.submitted_on), workingDay(cx, own, 1)));
  d.submitted_on = isoDay(day);
  if (d.approved_on && dayNumber(d.approved_on) < day) approveAfter(cx, d, day + 2);
}

export function drawDates(cx: SampleContext): Draws {
  const { ds, seed } = cx;
  const draws: Draws = new Map(
    cx.units.map((u) => {
      const level = ds.levels.get(u.level);
      const lowest = cx.isLowest(u);
      const mix = u.parent === null ? MIX.root : level?.kind === "agency" ? MIX.agency : lowest ? MIX.lowest : MIX.middle;
      const deadline = deadlineOf(level, ds.plan);
      const draw = drawStatus(rngFor(seed, `status:${u.code}`), deadline, ds.project.as_of, mix);
      onWorkingDays(cx, draw, deadline);
      return [u.code, { lowest, draw }];
    }),
  );
  dateAfter(cx, draws, ds.project.root);
  return draws;
}
