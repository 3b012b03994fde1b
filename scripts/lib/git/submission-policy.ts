// When is a commit date evidence that a report was submitted? (check/build --git)
// - never for a report marked `illustrative: true`: its dates are invented, and its commits
//   record when the illustration was written, not when a unit submitted anything;
// - only inside the project's `submission_window` (project.yaml), when one is declared: data
//   entered into git long after the round (years later, or back-filled) keeps its declared date;
// - never when it would make the data invalid: a commit date after the report's approval date
//   keeps the declared date (with a warning), since approval cannot precede submission.
// Where the commit date is used and differs from the declared one, SUBMISSION_DATE_GIT warns.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic } from "../diagnostics/make.js";
import type { Dataset } from "../model/dataset.js";
import { shortDate } from "../model/dates.js";

export interface SubmissionDatesOutcome {
  diagnostics: Diagnostic[];
  /** Reports whose submission date now comes from git. */
  used: number;
  /** Reports whose git date was not taken as evidence, by reason. */
  kept: { illustrative: number; outsideWindow: number; afterApproval: number };
}

export function applySubmissionDates(ds: Dataset, dates: ReadonlyMap<string, string>): SubmissionDatesOutcome {
  const out: SubmissionDatesOutcome = { diagnostics: [], used: 0, kept: { illustrative: 0, outsideWindow: 0, afterApproval: 0 } };
  const window = ds.project.submission_window;
  for (const { file, report } of ds.reports) {
    const at = dates.get(file.rel);
    if (!at || (report.status !== "da_nop" && report.status !== "da_duyet")) continue;
    if (report.illustrative === true) {
      out.kept.illustrative++;
      continue;
    }
    if (window && (at < window.from || at > window.to)) {
      out.kept.outsideWindow++;
      continue;
    }
    if (report.submitted_on === at) {
      out.used++;
      continue;
    }
    const declared = report.submitted_on ? shortDate(report.submitted_on) : "(trống)";
    if (report.approved_on && at > report.approved_on) {
      out.kept.afterApproval++;
      out.diagnostics.push(diagnostic("SUBMISSION_DATE_GIT", { declared, git: shortDate(at), used: declared, reason: `sau ngày duyệt ${shortDate(report.approved_on)}` }, { file, pointer: "/submitted_on" }));
      continue;
    }
    out.used++;
    out.diagnostics.push(diagnostic("SUBMISSION_DATE_GIT", { declared, git: shortDate(at), used: shortDate(at), reason: "" }, { file, pointer: "/submitted_on" }));
    report.submitted_on = at;
  }
  return out;
}

/** One line for the terminal: how many git dates were used and why the others were not. */
export function describeSubmissionDates(o: SubmissionDatesOutcome): string {
  const parts = [`--git: ${o.used} báo cáo lấy ngày nộp theo lịch sử git`];
  if (o.kept.illustrative) parts.push(`${o.kept.illustrative} báo cáo số liệu minh họa giữ ngày ghi trong tệp`);
  if (o.kept.outsideWindow) parts.push(`${o.kept.outsideWindow} báo cáo có ngày commit ngoài khoảng nộp báo cáo (submission_window) giữ ngày ghi trong tệp`);
  if (o.kept.afterApproval) parts.push(`${o.kept.afterApproval} báo cáo có ngày commit sau ngày duyệt giữ ngày ghi trong tệp`);
  return parts.join("; ") + ".";
}

/** A window that ends before it starts would silently keep every declared date: an error in project.yaml. */
export function checkSubmissionWindow(ds: Dataset): Diagnostic[] {
  const w = ds.project.submission_window;
  const file = ds.files.get("project.yaml");
  if (!w || !file || w.from <= w.to) return [];
  return [diagnostic("SCHEMA_CONSTRAINT", { detail: `khoảng nộp báo cáo kết thúc (to: ${shortDate(w.to)}) trước khi bắt đầu (from: ${shortDate(w.from)})` }, { file, pointer: "/submission_window/to" })];
}
