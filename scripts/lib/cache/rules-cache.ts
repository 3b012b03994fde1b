// The diagnostics of each report's own rules (check-values.ts, the per-report part of
// check-plausibility.ts, check-reports.ts's reportFileRules: its file's name and folder, round,
// status and dates), kept beside the parse cache (check/build --cache DIR): a report whose
// file is unchanged, in a data folder whose other files are unchanged, is not judged again. A
// nation's rules take ≈ 2,5 s over 11 000 reports; after one edit, one report is judged.
//
// What a report's own rules read is the report (its file's path and digest, and the submission
// date the build applied to it) and what every report shares: the code, the schemas, the project
// as the options left it (--as-of), and every other data file (units, flags, catalogue, forms,
// thresholds). The latter are hashed into the cache's context: a change to any of them starts an
// empty cache. The file is one JSON document whose header carries the SHA-256 of its entries as
// written: a corrupt or foreign file is ignored with a warning, never trusted. Rules that compare
// reports with each other (a second file for a unit, outliers among siblings, the roll-up) are not
// kept: they run every time.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { REPO_ROOT, repoPath } from "../files/repo-root.js";
import { treeDigest } from "../files/walk.js";
import { writeFileAtomic } from "../files/write-atomic.js";
import { keyOfText } from "../load/read-tree.js";
import type { Dataset, LoadedReport } from "../model/dataset.js";

const FORMAT = 1;
const FILE = "check-rules.json";

interface Stored {
  format: number;
  context: string;
  /** SHA-256 of `entries` as written (the JSON text between the header and the end). */
  sum: string;
}

const sha = (...parts: (string | Uint8Array)[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
};

/** Hash of everything a report's own rules read besides the report: the code, the schemas, the
 *  project as the options left it, and every data file that is not a report (`isReport`: by its
 *  path, so that a report that does not parse yet is not taken for one of those). */
export function rulesContext(ds: Dataset, schemaDir: string, isReport: (rel: string) => boolean): string {
  const code = treeDigest(REPO_ROOT, [join(REPO_ROOT, "package-lock.json"), repoPath("scripts", "lib"), schemaDir]);
  const others = [...ds.files.values()].filter((f) => !isReport(f.rel)).sort((a, b) => (a.rel < b.rel ? -1 : 1));
  return sha(code, JSON.stringify(ds.project), ...others.flatMap((f) => [f.rel, keyOfText(f)]));
}

/** A report's entry: its file's path and digest (its bytes'), and the submission date applied to it. */
function keyOf({ file, report }: LoadedReport): string {
  return sha(file.path, file.rel, keyOfText(file), String(report.submitted_on ?? ""));
}

export interface RulesCache {
  /** The report's diagnostics: kept, or judged by `judge` (and kept for the next run). */
  diagnostics(report: LoadedReport, judge: () => Diagnostic[]): Diagnostic[];
  /** Writes the entries of this run (atomically) when they are not exactly the file's; a failure
   *  (a full disk) is a warning: the check's findings stand. */
  save(): void;
  /** Why the cache was not used; empty when all was well. */
  warnings: string[];
}

/** The entries of the cache file at `path` for `context`: empty when there is none, or it is of
 *  another context (a warning when it is corrupt or of another format). */
function readEntries(path: string, context: string, warnings: string[]): Map<string, Diagnostic[]> {
  if (!existsSync(path)) return new Map();
  try {
    const text = readFileSync(path, "utf8");
    const nl = text.indexOf("\n");
    const head = JSON.parse(text.slice(0, nl)) as Stored;
    if (head?.format !== FORMAT) warnings.push(`Bộ nhớ đệm ${path} không đúng định dạng: bỏ qua, kiểm tra lại mọi báo cáo.`);
    else if (head.context === context) {
      const body = text.slice(nl + 1);
      if (sha(body) !== head.sum) throw new Error("sum");
      const entries = JSON.parse(body) as Record<string, Diagnostic[]>;
      return new Map(Object.entries(entries).filter(([, d]) => Array.isArray(d)));
    }
  } catch {
    warnings.push(`Bộ nhớ đệm ${path} bị hỏng: bỏ qua, kiểm tra lại mọi báo cáo.`);
  }
  return new Map();
}

export function openRulesCache(dir: string, context: string): RulesCache {
  const path = join(dir, FILE);
  const warnings: string[] = [];
  const entries = readEntries(path, context, warnings);
  const used = new Map<string, Diagnostic[]>();
  let added = 0;
  return {
    warnings,
    diagnostics(report, judge) {
      const key = keyOf(report);
      let found = entries.get(key);
      if (!found) {
        found = judge();
        added++;
      }
      used.set(key, found);
      return found;
    },
    save() {
      if (added === 0 && used.size === entries.size) return;
      const body = JSON.stringify(Object.fromEntries(used));
      try {
        writeFileAtomic(path, `${JSON.stringify({ format: FORMAT, context, sum: sha(body) } satisfies Stored)}\n${body}`);
      } catch (err) {
        warnings.push(`Không ghi được bộ nhớ đệm ${path} (${err instanceof Error ? err.message : String(err)}): kết quả kiểm tra vẫn đúng, lần sau kiểm tra lại mọi báo cáo.`);
      }
    },
  };
}
