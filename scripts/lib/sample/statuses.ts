// A realistic mix of report statuses against each level's deadline: most on time, some late,
// a few still drafting or missing; approvals a few days after submission, never after as-of.
import type { ReportStatus } from "../model/types.js";
import { dayNumber } from "../model/dates.js";
import type { Rng } from "./random.js";

export interface StatusDraw {
  /** null: no file at all (the unit has not started). */
  status: ReportStatus | null;
  submitted_on: string | null;
  approved_on: string | null;
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export interface StatusMix {
  missing: number;
  drafting: number;
  late: number;
  approved: number;
}

export const MIX: Record<"lowest" | "middle" | "agency" | "root", StatusMix> = {
  lowest: { missing: 0.035, drafting: 0.05, late: 0.1, approved: 0.65 },
  middle: { missing: 0, drafting: 0.08, late: 0.16, approved: 0.45 },
  agency: { missing: 0.08, drafting: 0.06, late: 0.16, approved: 0.3 },
  root: { missing: 0, drafting: 0, late: 0, approved: 0 },
};

export function drawStatus(rng: Rng, deadline: string | null, asOf: string, mix: StatusMix): StatusDraw {
  const r = rng.next();
  if (r < mix.missing) return { status: null, submitted_on: null, approved_on: null };
  if (r < mix.missing + mix.drafting) return { status: "dang_soan", submitted_on: null, approved_on: null };
  const due = dayNumber(deadline ?? asOf);
  const last = dayNumber(asOf);
  const late = r < mix.missing + mix.drafting + mix.late;
  const day = late ? Math.min(last, due + rng.int(1, Math.max(1, Math.min(25, last - due)))) : due - rng.int(0, 20);
  const approveDay = day + rng.int(2, 12);
  const approved = rng.chance(mix.approved) && approveDay <= last;
  return { status: approved ? "da_duyet" : "da_nop", submitted_on: iso(day), approved_on: approved ? iso(approveDay) : null };
}
