// `check`: load → validate → cross-file rules → roll-up consistency. Writes nothing.
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { diagnostic } from "./diagnostics/make.js";
import { shortDate } from "./model/dates.js";
import { loadDataset, type Dataset } from "./load/load-dataset.js";
import { checkCatalogue } from "./validate/check-catalogue.js";
import { checkReports } from "./validate/check-reports.js";
import { checkUnits } from "./validate/check-units.js";
import { checkValues } from "./validate/check-values.js";
import { inboxWorkbooks } from "./xlsx/inbox.js";

export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
  units: Record<string, number>;
}

export interface CheckResult {
  dataset: Dataset | null;
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  ok: boolean;
  /** Source text by displayed path, for code frames. */
  sources: Map<string, string>;
}

/** The date a report reached the main branch as submitted is authoritative; a different declared date is a warning. */
function applyGitDates(ds: Dataset, dates: ReadonlyMap<string, string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { file, report } of ds.reports) {
    const at = dates.get(file.rel);
    if (!at || (report.status !== "da_nop" && report.status !== "da_duyet")) continue;
    if (report.submitted_on !== at) {
      out.push(diagnostic("SUBMISSION_DATE_GIT", { declared: report.submitted_on ? shortDate(report.submitted_on) : "(trống)", git: shortDate(at) }, { file, pointer: "/submitted_on" }));
      report.submitted_on = at;
    }
  }
  return out;
}

/** Extra rules that need more than the dataset (the roll-up) plug in here. */
export type Rule = (ds: Dataset) => Diagnostic[];

export interface CheckOptions {
  /** Submission dates from git (data-relative report path → ISO date), see git/submission-times.ts. */
  submittedAt?: ReadonlyMap<string, string>;
}

export function runCheck(dataDir: string, schemaDir: string, extraRules: Rule[] = [], cwd = process.cwd(), opts: CheckOptions = {}): CheckResult {
  const loaded = loadDataset(dataDir, schemaDir, cwd);
  const diagnostics = [...loaded.diagnostics];
  const ds = loaded.dataset;
  if (ds && opts.submittedAt) diagnostics.push(...applyGitDates(ds, opts.submittedAt));
  if (ds) diagnostics.push(...inboxWorkbooks(ds, cwd));
  if (ds) {
    const shape = [...checkUnits(ds), ...checkCatalogue(ds)];
    diagnostics.push(...shape);
    diagnostics.push(...checkReports(ds), ...checkValues(ds));
    if (!hasErrors(shape)) for (const rule of extraRules) diagnostics.push(...rule(ds));
  }
  const sorted = sortDiagnostics(diagnostics);
  const units: Record<string, number> = {};
  if (ds) {
    for (const l of ds.project.levels) units[l.id] = 0;
    for (const u of ds.units.values()) units[u.level] = (units[u.level] ?? 0) + 1;
  }
  const errors = sorted.filter((d) => d.severity === "error").length;
  return {
    dataset: ds,
    diagnostics: sorted,
    summary: { files: loaded.fileCount, errors, warnings: sorted.length - errors, units },
    ok: errors === 0 && ds !== null,
    sources: new Map([...loaded.files.values()].map((f) => [f.path, f.text])),
  };
}
