// Each unit's report status and dates: a realistic mix against its level's deadline, then a
// compiling unit dated after the reports it compiles.
import { dayNumber } from "../model/dates.js";
import { deadlineOf } from "../model/deadlines.js";
import { isoDay, type SampleContext } from "./context.js";
import { rngFor } from "./random.js";
import { MIX, drawStatus, type StatusDraw } from "./statuses.js";

export type Draws = Map<string, { lowest: boolean; draw: StatusDraw }>;

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
  const day = Math.min(asOfDay, Math.max(dayNumber(d.submitted_on), own));
  d.submitted_on = isoDay(day);
  if (d.approved_on && dayNumber(d.approved_on) < day) {
    d.approved_on = day + 2 <= asOfDay ? isoDay(day + 2) : null;
    if (!d.approved_on) d.status = "da_nop";
  }
}

export function drawDates(cx: SampleContext): Draws {
  const { ds, seed } = cx;
  const draws: Draws = new Map(
    cx.units.map((u) => {
      const level = ds.levels.get(u.level);
      const lowest = cx.isLowest(u);
      const mix = u.parent === null ? MIX.root : level?.kind === "agency" ? MIX.agency : lowest ? MIX.lowest : MIX.middle;
      return [u.code, { lowest, draw: drawStatus(rngFor(seed, `status:${u.code}`), deadlineOf(level, ds.plan), ds.project.as_of, mix) }];
    }),
  );
  dateAfter(cx, draws, ds.project.root);
  return draws;
}
