// Gathers what summarize-diff.ts needs from git: the data files changed since the merge base of
// `--base` and HEAD (work tree included), both versions of each changed report parsed with the
// project's parser, and the diagnostics of both versions (the base version is checked in a temp
// copy of the data folder with the changed files put back as they were).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { CheckResult } from "../check.js";
import { InputError } from "../diagnostics/input-error.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { classify } from "../dataset/load-dataset.js";
import { parseYaml } from "../parse/parse-yaml.js";
import { check } from "../pipeline.js";
import type { PreviousReport } from "../validate/check-revisions.js";
import { matchMoved } from "./changed-since.js";
import { changedPaths, mergeBase, repoRoot, resolveCommit, showAt } from "../git/git.js";
import { looseReport, type DiffInput, type OtherChange, type ReportChange } from "./summarize-diff.js";

export interface DiffOptions {
  /** The ref to compare with ("origin/main", "HEAD~1"). */
  base: string;
  dataDir: string;
  schemaDir: string;
  /** Paths are shown relative to this folder (default: the process's). */
  cwd?: string;
}

const posix = (p: string) => p.split(sep).join("/");
const YAML = /\.ya?ml$/i;

/** Diagnostics keyed by data-relative file, code and pointer: the identity used to tell new ones from old ones. */
function keyed(result: CheckResult, dataAbs: string, cwd: string): Map<string, Diagnostic> {
  const out = new Map<string, Diagnostic>();
  for (const d of result.diagnostics) out.set(`${posix(relative(dataAbs, resolve(cwd, d.file)))}|${d.code}|${d.pointer}`, d);
  return out;
}

/** The base version of each changed report (by its path now; a moved file matched to its old self). */
function previousReports(reports: ReportChange[], dataAbs: string, cwd: string): Map<string, PreviousReport> {
  const previous = new Map<string, PreviousReport>();
  const removed = new Map<string, PreviousReport>();
  const added: string[] = [];
  for (const r of reports) {
    const rel = posix(relative(dataAbs, resolve(cwd, r.shown)));
    if (r.change === "added") added.push(rel);
    else if (r.before && r.change === "removed") removed.set(r.before.unit ?? "", { status: r.before.status, values: r.before.values });
    else if (r.before) previous.set(rel, { status: r.before.status, values: r.before.values });
  }
  matchMoved(previous, removed, added, dataAbs);
  return previous;
}

/** The data folder as it was at the base: today's tree with each changed YAML file put back (or removed). */
function writeBaseTree(dataAbs: string, baseData: string, baseTexts: ReadonlyMap<string, string | null>): void {
  cpSync(dataAbs, baseData, { recursive: true, filter: (src) => !/\.[^/\\]+$/.test(src) || YAML.test(src) || src === dataAbs });
  for (const [rel, text] of baseTexts) {
    const target = join(baseData, rel);
    if (text === null) rmSync(target, { force: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
}

export function collectDiff(opts: DiffOptions): DiffInput {
  const cwd = opts.cwd ?? process.cwd();
  const dataAbs = resolve(cwd, opts.dataDir);
  if (!existsSync(dataAbs)) throw new InputError(`Không tìm thấy thư mục số liệu "${opts.dataDir}". Kiểm tra lại đường dẫn sau --data.`);
  const root = repoRoot(dataAbs);
  const dataFromTop = posix(relative(root, realpathSync(dataAbs)));
  if (dataFromTop.startsWith("..")) throw new InputError(`Thư mục số liệu "${opts.dataDir}" không nằm trong kho git ${root}.`);
  const commit = mergeBase(resolveCommit(opts.base, root), root);
  const relOf = (pathFromTop: string) => posix(relative(dataFromTop || ".", pathFromTop));
  const shownOf = (rel: string) => posix(relative(cwd, join(dataAbs, rel)));

  const reports: ReportChange[] = [];
  const others: OtherChange[] = [];
  const baseTexts = new Map<string, string | null>();
  const changes = changedPaths(commit, dataFromTop || ".", root);
  for (const { path, change } of changes) {
    const rel = relOf(path);
    const shown = shownOf(rel);
    if (YAML.test(rel)) baseTexts.set(rel, change === "added" ? null : showAt(commit, path, root));
    if (classify(rel) !== "report") {
      others.push({ shown, rel, change });
      continue;
    }
    const side = (text: string | null | undefined) => {
      if (text === null || text === undefined) return { report: null, unreadable: false };
      const parsed = parseYaml({ path: shown, rel, text });
      return { report: looseReport(parsed.data), unreadable: parsed.data === undefined };
    };
    const before = side(baseTexts.get(rel));
    const after = side(change === "removed" ? null : readFileSync(join(dataAbs, rel), "utf8"));
    reports.push({ shown, change, before: before.report, after: after.report, beforeUnreadable: before.unreadable, afterUnreadable: after.unreadable });
  }

  // The head is checked with the base version of each changed report, so revisions beyond the
  // threshold warn (VALUE_REVISED); the base has nothing to compare with and never does.
  const head = check({ dataDir: opts.dataDir, schemaDir: opts.schemaDir, cwd, previous: previousReports(reports, dataAbs, cwd) });
  const tmp = mkdtempSync(join(tmpdir(), "diff-base-"));
  try {
    const baseData = join(tmp, "data");
    writeBaseTree(dataAbs, baseData, baseTexts);
    const base = check({ dataDir: baseData, schemaDir: opts.schemaDir, cwd: tmp });
    const before = keyed(base, baseData, tmp);
    const after = keyed(head, dataAbs, cwd);
    // A base version the current program cannot assemble (a schema changed with its data) has no
    // cross-file diagnostics to compare with: then only the changed files' diagnostics are listed.
    const baseIncomplete = base.dataset === null && head.dataset !== null;
    const changed = new Set(changes.map((c) => relOf(c.path)));
    const newDiagnostics = [...after.entries()]
      .filter(([k]) => !before.has(k) && (!baseIncomplete || changed.has(k.split("|")[0]!)))
      .map(([, d]) => d);
    const resolved = [...before.keys()].filter((k) => !after.has(k)).length;
    return { base: opts.base, ctx: head.dataset ?? base.dataset, reports, others, newDiagnostics, resolved, baseIncomplete, head };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
