// The check's stages (after load and parse): options applied, then the schema-level and cross-file
// rules. Writes nothing. pipeline.ts `check` runs them in order with the roll-up: the one check
// every command (check, build, merge, import-xlsx, diff, pr-summary) and the tests call.
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { CheckSummary } from "./diagnostics/summary.js";
import type { SourceTexts } from "./diagnostics/report-text.js";
import { applySubmissionDates, checkSubmissionWindow, type SubmissionDatesOutcome } from "./git/submission-policy.js";
import { classify, type LoadOptions, type LoadResult } from "./dataset/load-dataset.js";
import type { Dataset, LoadedReport } from "./model/dataset.js";
import { checkCatalogue } from "./validate/check-catalogue.js";
import { duplicateReports, reportFileRules } from "./validate/check-reports.js";
import { checkTargets } from "./validate/check-targets.js";
import { checkUnits } from "./validate/check-units.js";
import { reportValues } from "./validate/check-values.js";
import { checkPlausibilityCatalogue, plausibility } from "./validate/check-plausibility.js";
import { openRulesCache, rulesContext } from "./cache/rules-cache.js";
import { checkRevisions, type PreviousReport } from "./validate/check-revisions.js";
import { inboxWorkbooks } from "./xlsx/inbox.js";

export type { CheckSummary };

export interface CheckResult {
  dataset: Dataset | null;
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  ok: boolean;
  /** Source text by displayed path, for code frames: a file's text is decoded when asked for. */
  sources: SourceTexts;
  /** With submission dates from git: how many were used, and why the others were not. */
  gitDates?: SubmissionDatesOutcome;
  /** Why the parse cache (--cache), or some of its entries, were ignored. */
  cacheWarnings: string[];
}

/** Extra rules that need more than the dataset (the roll-up) plug in here. */
export type Rule = (ds: Dataset) => Diagnostic[];

export interface CheckOptions {
  /** Submission dates from git (data-relative report path → ISO date), see git/submission-times.ts. */
  submittedAt?: ReadonlyMap<string, string>;
  /** Compute the status views at this date instead of project.yaml's as_of (applied before any rule runs). */
  asOf?: string;
  /** Previous versions of changed reports (data-relative path → the base branch's data): revisions beyond the threshold warn. */
  previous?: ReadonlyMap<string, PreviousReport>;
  /** Worker threads for parsing report files, and progress as they are parsed (see dataset/parse-pool.ts). */
  load?: LoadOptions;
}

/** --as-of and submission dates from git, applied to the dataset before any rule runs, so the
 *  check's timeliness and the documents use the same dates. */
export function applyOptions(ds: Dataset, opts: CheckOptions): SubmissionDatesOutcome | undefined {
  if (opts.asOf) ds.project.as_of = opts.asOf;
  return opts.submittedAt ? applySubmissionDates(ds, opts.submittedAt) : undefined;
}

/** The schema-level and cross-file rules. `shapeOk`: the tree and catalogue are sound, so the
 *  rules that roll up may run. With a cache folder (`opts.load.cacheDir`), each report's own rules
 *  are judged again only when it or what every report shares changed (cache/rules-cache.ts);
 *  `cacheWarnings`: why that cache was not used. */
export function validate(ds: Dataset, opts: CheckOptions & { schemaDir?: string }, cwd: string): { diagnostics: Diagnostic[]; shapeOk: boolean; cacheWarnings: string[] } {
  const shape = [...checkUnits(ds), ...checkCatalogue(ds), ...checkTargets(ds), ...checkPlausibilityCatalogue(ds), ...checkSubmissionWindow(ds)];
  const [fileRules, values, plausible] = [reportFileRules(ds), reportValues(ds), plausibility(ds)];
  const judge = (r: LoadedReport) => [...fileRules(r), ...values(r), ...plausible.report(r)];
  const dir = opts.load?.cacheDir;
  const cache = dir !== undefined && opts.schemaDir !== undefined ? openRulesCache(dir, rulesContext(ds, opts.schemaDir, (rel) => classify(rel) === "report")) : null;
  const own = ds.reports.flatMap((r) => (cache ? cache.diagnostics(r, () => judge(r)) : judge(r)));
  cache?.save();
  const diagnostics = [...inboxWorkbooks(ds, cwd), ...shape, ...duplicateReports(ds), ...own, ...plausible.across()];
  if (opts.previous) diagnostics.push(...checkRevisions(ds, opts.previous));
  return { diagnostics, shapeOk: !hasErrors(shape), cacheWarnings: cache?.warnings ?? [] };
}

/** The files' texts by path, each read (decoded, for most files) only when a code frame needs it:
 *  a nation's report files are ≈ 440 MB as strings. The last one read is kept: the diagnostics
 *  come file by file, and a report's text is decoded each time it is read (read-tree.ts). */
function textsOf(files: Iterable<{ path: string; text: string }>): SourceTexts {
  const byPath = new Map([...files].map((f) => [f.path, f]));
  let last: { path: string; text: string | undefined } | null = null;
  const get = (path: string) => (last?.path === path ? last : (last = { path, text: byPath.get(path)?.text })).text;
  return { get, keys: () => byPath.keys() };
}

/** The check's outcome from what was loaded and every diagnostic found. */
export function checkResult(loaded: LoadResult, diagnostics: Diagnostic[], gitDates: SubmissionDatesOutcome | undefined): CheckResult {
  const ds = loaded.dataset;
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
    sources: textsOf(loaded.files.values()),
    ...(gitDates ? { gitDates } : {}),
    cacheWarnings: loaded.cacheWarnings ?? [],
  };
}
