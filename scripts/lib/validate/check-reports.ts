// Report files against the unit tree and the plan: a known unit, one file per unit, in its
// district's folder and named for it, the current round, and a status consistent with its dates
// (late is a warning, not an error).
import { basename, dirname } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic } from "../diagnostics/make.js";
import { suggest } from "../diagnostics/suggest.js";
import type { Dataset, LoadedReport } from "../model/dataset.js";
import { daysBetween, shortDate } from "../model/dates.js";
import type { Unit } from "../model/types.js";
import { deadlineOf } from "../model/deadlines.js";
import { ancestors, reportFileName, reportFolder, reportPath } from "../units/paths.js";

/** Each report file's own rules: a known unit, its file's name and folder, the round, its status
 *  and dates. What they read besides the file is what every report shares (units, levels, plan,
 *  project), so their findings are kept by the rules cache with the report's other rules. */
export function reportFileRules(ds: Dataset): (loaded: LoadedReport) => Diagnostic[] {
  const index = { units: ds.units, levels: ds.levels };
  return ({ file, report }) => {
    const out: Diagnostic[] = [];
    const at = (pointer: string, on: "key" | "value" = "value") => ({ file, pointer, on });
    const unit = ds.units.get(report.unit);
    if (!unit) return [diagnostic("REPORT_UNKNOWN_UNIT", { code: report.unit, suggestion: suggest(report.unit, ds.units.keys()) ?? "" }, at("/unit"))];
    const name = basename(file.rel);
    if (name !== `${unit.code}.yaml` && !name.startsWith(`${unit.code}-`)) {
      out.push(diagnostic("REPORT_FILE_NAME", { fileCode: name.replace(/\.ya?ml$/, "").split("-")[0] ?? name, code: unit.code, expected: reportFileName(unit, index) }, at("/unit")));
    } else if (dirname(file.rel) !== reportFolder(unit, index) && reachesRoot(unit, ds)) {
      // The target is shown like the file itself (relative to the working directory), not as the --data argument.
      const shownDataDir = file.path.slice(0, file.path.length - file.rel.length);
      out.push(diagnostic("REPORT_WRONG_FOLDER", { code: unit.code, name: unit.name, expected: `${shownDataDir}${reportPath(unit, index)}` }, at("/unit")));
    }
    if (report.round !== ds.project.round) out.push(diagnostic("REPORT_ROUND_MISMATCH", { actual: report.round, expected: ds.project.round }, at("/round")));
    out.push(...checkStatus(ds, report, at, unit.level));
    return out;
  };
}

/** A second report file for a unit (the first, in the files' order, is the one named). */
export function duplicateReports(ds: Dataset): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const { file, report } of ds.reports) {
    if (!ds.units.has(report.unit)) continue;
    const other = seen.get(report.unit);
    if (other) out.push(diagnostic("REPORT_DUPLICATE", { code: report.unit, other }, { file, pointer: "/unit", on: "value" }));
    else seen.set(report.unit, file.path);
  }
  return out;
}

/** The unit's parent chain ends at the root: otherwise its folder is unknown (checkUnits reports the broken chain). */
function reachesRoot(unit: Unit, ds: Dataset): boolean {
  const chain = ancestors(unit, { units: ds.units, levels: ds.levels });
  const top = chain[chain.length - 1] ?? unit;
  return top.code === ds.project.root && top.parent === null;
}

type At = (pointer: string, on?: "key" | "value") => Parameters<typeof diagnostic>[2];

function checkStatus(ds: Dataset, r: Dataset["reports"][number]["report"], at: At, levelId: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const submitted = r.status === "da_nop" || r.status === "da_duyet";
  if (submitted && !r.submitted_on) out.push(diagnostic("STATUS_DATE_MISSING", { status: r.status, field: "submitted_on" }, at("/submitted_on")));
  if (r.status === "da_duyet" && !r.approved_on) out.push(diagnostic("STATUS_DATE_MISSING", { status: r.status, field: "approved_on" }, at("/approved_on")));
  if (!submitted && r.submitted_on) out.push(diagnostic("STATUS_DATE_UNEXPECTED", { status: r.status, field: "submitted_on" }, at("/submitted_on")));
  if (r.status !== "da_duyet" && r.approved_on) out.push(diagnostic("STATUS_DATE_UNEXPECTED", { status: r.status, field: "approved_on" }, at("/approved_on")));
  if (r.submitted_on && r.approved_on && daysBetween(r.submitted_on, r.approved_on) < 0) {
    out.push(diagnostic("STATUS_DATE_ORDER", { approved: shortDate(r.approved_on), submitted: shortDate(r.submitted_on) }, at("/approved_on")));
  }
  const level = ds.levels.get(levelId);
  const deadline = deadlineOf(level, ds.plan);
  if (submitted && r.submitted_on && deadline && daysBetween(deadline, r.submitted_on) > 0) {
    out.push(
      diagnostic(
        "STATUS_LATE",
        { submitted: shortDate(r.submitted_on), deadline: shortDate(deadline), level: (level?.name ?? levelId).toLowerCase(), days: daysBetween(deadline, r.submitted_on) },
        at("/submitted_on"),
      ),
    );
  }
  // A compiling unit's document dated before the deadline of a level it compiles cannot hold
  // the reports that level files on time.
  const date = r.document?.date;
  const compiled = ds.project.levels.filter((l) => l.parent === levelId && l.kind === "territory");
  for (const child of compiled) {
    const due = deadlineOf(child, ds.plan);
    if (!date || !due || daysBetween(due, date) >= 0) continue;
    out.push(diagnostic("DOCUMENT_BEFORE_DEADLINE", { date: shortDate(date), deadline: shortDate(due), level: child.name.toLowerCase() }, at("/document/date")));
  }
  for (const field of ["submitted_on", "approved_on"] as const) {
    const d = r[field];
    if (d && daysBetween(ds.project.as_of, d) > 0) out.push(diagnostic("STATUS_AFTER_AS_OF", { date: shortDate(d), asOf: shortDate(ds.project.as_of) }, at(`/${field}`)));
  }
  return out;
}
