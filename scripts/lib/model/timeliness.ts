// Who has reported, against the plan's deadline for the unit's level, at the as-of date.
import { daysBetween } from "./dates.js";
import type { IsoDate, ReportFile } from "./types.js";

export type Timeliness = "on_time" | "late" | "not_yet" | "missing";

export const STATUS_LABEL: Record<string, string> = {
  chua_nop: "Chưa nộp",
  dang_soan: "Đang soạn",
  da_nop: "Đã nộp",
  da_duyet: "Đã duyệt",
};

export function isSubmitted(r: ReportFile | null): boolean {
  return r !== null && (r.status === "da_nop" || r.status === "da_duyet") && r.submitted_on !== null;
}

export function timelinessOf(r: ReportFile | null, deadline: IsoDate | null, asOf: IsoDate): Timeliness {
  if (isSubmitted(r)) return deadline && daysBetween(deadline, r!.submitted_on!) > 0 ? "late" : "on_time";
  return deadline && daysBetween(deadline, asOf) > 0 ? "missing" : "not_yet";
}
