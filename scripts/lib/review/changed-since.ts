// What a pull request changed in the data folder, for `check --changed-since REF` and the
// reviewer's summary: the files changed since the merge base of REF and HEAD (work tree
// included), and the base version of each changed report (for the revision warnings).
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { InputError } from "../diagnostics/input-error.js";
import type { CheckResult, CheckSummary } from "../check.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { classify } from "../dataset/load-dataset.js";
import { parseYaml } from "../parse/parse-yaml.js";
import type { PreviousReport } from "../validate/check-revisions.js";
import { looseReport } from "./diff-types.js";
import { changedPaths, mergeBase, repoRoot, resolveCommit, showAt } from "../git/git.js";

const posix = (p: string) => p.split(sep).join("/");

export interface ChangedSince {
  /** Changed files as diagnostics show them ("data/reports/…"), relative to cwd. */
  shown: Set<string>;
  /** Base version of each changed report that existed there, by data-relative path. */
  previous: Map<string, PreviousReport>;
}

export function changedSince(ref: string, dataDir: string, cwd = process.cwd()): ChangedSince {
  const dataAbs = resolve(cwd, dataDir);
  if (!existsSync(dataAbs)) throw new InputError(`Không tìm thấy thư mục số liệu "${dataDir}". Kiểm tra lại đường dẫn sau --data.`);
  const root = repoRoot(dataAbs);
  const fromTop = posix(relative(root, realpathSync(dataAbs)));
  if (fromTop.startsWith("..")) throw new InputError(`Thư mục số liệu "${dataDir}" không nằm trong kho git ${root}.`);
  const commit = mergeBase(resolveCommit(ref, root, "--changed-since"), root);
  const shown = new Set<string>();
  const previous = new Map<string, PreviousReport>();
  const removed = new Map<string, PreviousReport>();
  const added: string[] = [];
  for (const { path, change } of changedPaths(commit, fromTop || ".", root)) {
    const rel = posix(relative(fromTop || ".", path));
    shown.add(posix(relative(cwd, join(dataAbs, rel))));
    if (classify(rel) !== "report") continue;
    if (change === "added") {
      added.push(rel);
      continue;
    }
    const text = showAt(commit, path, root);
    const before = text === null ? null : looseReport(parseYaml({ path: rel, rel, text }).data);
    if (!before) continue;
    if (change === "removed") removed.set(before.unit ?? "", { status: before.status, values: before.values });
    else previous.set(rel, { status: before.status, values: before.values });
  }
  // A report moved or renamed (git sees a removal and an addition) is compared with its old file.
  return { shown, previous: matchMoved(previous, removed, added, dataAbs) };
}

/** Adds, for each added report whose unit had a report removed, that removed report as its previous version. */
export function matchMoved(previous: Map<string, PreviousReport>, removedByUnit: ReadonlyMap<string, PreviousReport>, added: readonly string[], dataAbs: string): Map<string, PreviousReport> {
  for (const rel of added) {
    let unit: string | null = null;
    try {
      unit = looseReport(parseYaml({ path: rel, rel, text: readFileSync(join(dataAbs, rel), "utf8") }).data)?.unit ?? null;
    } catch {
      continue;
    }
    const before = unit ? removedByUnit.get(unit) : undefined;
    if (before) previous.set(rel, before);
  }
  return previous;
}

/** The diagnostics of the changed files only, with a summary of that selection. */
export function selectChanged(result: CheckResult, shown: ReadonlySet<string>): { diagnostics: Diagnostic[]; summary: CheckSummary; elsewhere: { errors: number; warnings: number } } {
  const diagnostics = result.diagnostics.filter((d) => shown.has(d.file));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const other = result.diagnostics.filter((d) => !shown.has(d.file));
  const otherErrors = other.filter((d) => d.severity === "error").length;
  return {
    diagnostics,
    summary: { ...result.summary, files: [...shown].filter((f) => /\.ya?ml$/i.test(f)).length, errors, warnings: diagnostics.length - errors },
    elsewhere: { errors: otherErrors, warnings: other.length - otherErrors },
  };
}
