// A rebuild of the same inputs stops early. The manifest records `inputs`, the digest of everything
// a build reads besides the code (every file of the data and schema folders, and the options that
// change the output), and the check's summary; when the previous output's manifest has the same
// code version and inputs and the output is intact (every file with its recorded SHA-256, no other
// file), that output is exactly what the build would make: it is verified, not made again. This
// module reads only files and hashes (no parser, no renderer), so the command line can ask it before
// loading the pipeline.
import { join } from "node:path";
import type { CheckSummary } from "./diagnostics/summary.js";
import type { SubmissionDatesOutcome } from "./git/submission-policy.js";
import { contentKey, folderDigest } from "./write/code-version.js";
import { keepInCache } from "./write/output-cache.js";
import { MANIFEST, intactOutput, type FileEntry, type FileFate } from "./write/output-dir.js";

export interface ManifestEntry {
  unit: string;
  level: string;
  kind: "plan" | "report";
  format: "docx" | "html" | "md";
  path: string;
  sha256: string;
  /** The document model's content address. */
  key: string;
}

/** What the manifest records of the check, so that a build that stops early prints the same lines. */
export interface RecordedCheck {
  summary: CheckSummary;
  /** Each level's unit noun ("xã"), for the summary line. */
  level_names: Record<string, string>;
  git_dates: Omit<SubmissionDatesOutcome, "diagnostics"> | null;
}

export interface Manifest {
  code: string;
  /** The digest of everything the build read besides the code (see buildInputs). */
  inputs: string;
  check: RecordedCheck;
  documents: ManifestEntry[];
  files: FileEntry[];
}

/** The options of a build that change its output. */
export interface InputOptions {
  dataDir: string;
  schemaDir: string;
  asOf?: string;
  submittedAt?: ReadonlyMap<string, string>;
  site?: boolean;
  shard?: { index: number; count: number };
  chartLevels?: string[];
}

/** The digest of every input of a build besides the code: every file of the data and schema
 *  folders and every option that changes the output. */
export function buildInputs(opts: InputOptions, code: string): string {
  const options = {
    asOf: opts.asOf ?? null,
    submittedAt: opts.submittedAt ? [...opts.submittedAt].sort(([a], [b]) => (a < b ? -1 : 1)) : null,
    site: opts.site !== false,
    shard: opts.shard ?? null,
    chartLevels: opts.chartLevels ?? null,
  };
  return contentKey(code, "build", JSON.stringify(options), folderDigest(opts.dataDir), folderDigest(opts.schemaDir));
}

/** Where the stats of the output's files are recorded (write/output-stat.ts): beside the parse
 *  cache (the --cache folder, or the build's own .cache/build/<output>/), never in the output. */
export function outputStatFile(opts: { cacheDir?: string; parseCacheDir?: string }): string | undefined {
  const dir = opts.cacheDir ?? opts.parseCacheDir;
  return dir === undefined ? undefined : join(dir, "output-stat.json");
}

export interface UpToDate {
  manifest: Manifest;
  /** Every file: reused (made from a content address) or unchanged. */
  fates: Map<string, FileFate>;
}

/** The previous output in `outDir`, verified, when it is what a build of `inputs` would make; else
 *  null (with a warning when it was made from the same inputs but is no longer intact). A file whose
 *  stat is the one `statFile` recorded is not read again. With a cache folder, the cache's copy of
 *  the output is refreshed. */
export function upToDate(outDir: string, code: string, inputs: string, warn: (line: string) => void, cacheDir?: string, statFile?: string): UpToDate | null {
  const manifest = intactOutput<Manifest>(outDir, code, inputs, warn, statFile);
  if (!manifest?.check || !Array.isArray(manifest.documents)) return null;
  if (cacheDir) keepInCache(cacheDir, outDir, manifest, warn, statFile);
  const fates = new Map<string, FileFate>(manifest.files.map((f) => [f.path, f.key === undefined ? "unchanged" : "reused"]));
  fates.set(MANIFEST, "unchanged");
  return { manifest, fates };
}
