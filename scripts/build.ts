// npm run build [-- --data DIR --out DIR --as-of YYYY-MM-DD --cache DIR]
// Runs the pipeline (lib/pipeline.ts): the check first, refusing to build on errors (exit 1), then
// every document and the site into a staging folder that reaches the output folder at the end (it
// replaces it, or its files are moved in when most of the output is kept): a failed build leaves
// the previous output untouched. Documents, pages and downloads whose inputs did not change are
// kept or copied from the previous output (or the --cache folder) instead of rendered; when no input changed
// and the output is intact, the build verifies it and stops before loading the pipeline. Without
// --cache, the parse cache lives in the project's .cache/build/ (one per output folder). --shard i/n builds one
// slice of the documents and input workbooks (no site); `npm run merge` assembles the shards' outputs.
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import type { BuildOptions, Shard } from "./lib/pipeline.js";
import { codeVersion } from "./lib/write/code-version.js";
import type { FileFate } from "./lib/write/output-dir.js";
import { buildInputs, outputStatFile, upToDate } from "./lib/up-to-date.js";
import { submissionTimes } from "./lib/git/submission-times.js";
import { UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { formatText, summaryLine } from "./lib/diagnostics/report-text.js";
import { describeSubmissionDates } from "./lib/git/submission-policy.js";
import { progressReporter } from "./lib/progress.js";
import { REPO_ROOT } from "./lib/files/repo-root.js";

const ROOT = REPO_ROOT;

function parseShard(value: string | undefined): Shard | null {
  if (value === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard phải có dạng i/n với 1 ≤ i ≤ n, ví dụ 2/4 (không phải "${value}").`);
  return { index, count };
}

function writeFates(outDir: string, documents: number, fates: ReadonlyMap<string, FileFate>): void {
  const reused = [...fates.values()].filter((f) => f === "reused").length;
  const changed = [...fates.values()].filter((f) => f === "new" || f === "changed").length;
  process.stdout.write(`Đã tạo ${documents} tệp văn bản trong ${outDir}/ (xem ${outDir}/manifest.json); ${changed} tệp mới hoặc thay đổi, ${reused} tệp dùng lại từ lần dựng trước.\n`);
}

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", out: "value", "as-of": "value", "no-site": "flag", git: "flag", "git-ref": "value", cache: "value", shard: "value" });
  const shard = parseShard(option(args, "shard"));
  const asOf = option(args, "as-of");
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`--as-of phải có dạng năm-tháng-ngày, ví dụ 2018-09-05 (không phải "${asOf}").`);
  const outDir = option(args, "out") ?? "dist";
  const dataDir = option(args, "data") ?? "data";
  const git = args.options.has("git") || args.options.has("git-ref");
  const progress = progressReporter(process.stderr);
  const warn = (line: string) => process.stderr.write(`${line}\n`);
  const opts: BuildOptions = {
    dataDir,
    ...(git ? { submittedAt: submissionTimes(dataDir, option(args, "git-ref") ?? "HEAD") } : {}),
    site: !args.options.has("no-site"),
    outDir,
    schemaDir: resolve(ROOT, "schemas"),
    templateDir: resolve(ROOT, "templates"),
    ...(asOf ? { asOf } : {}),
    workers: Math.max(1, Math.min(4, availableParallelism())),
    progress: (phase, done, total) => progress.update(phase, done, total),
    ...(option(args, "cache") ? { cacheDir: option(args, "cache")! } : {}),
    // Without --cache, the parse cache of this output's rebuilds (.gitignore lists .cache/).
    parseCacheDir: join(ROOT, ".cache", "build", createHash("sha256").update(resolve(outDir)).digest("hex").slice(0, 16)),
    warn,
    ...(shard ? { shard } : {}),
    shortCircuit: false, // asked below, before the pipeline is loaded
  };
  // Nothing changed since the output was made (and it is intact): say so without loading the pipeline.
  const code = codeVersion(opts.templateDir);
  const early = upToDate(outDir, code, buildInputs(opts, code), warn, opts.cacheDir, outputStatFile(opts));
  if (early) {
    const { check, documents } = early.manifest;
    if (check.git_dates) process.stderr.write(`${describeSubmissionDates({ ...check.git_dates, diagnostics: [] })}\n`);
    process.stdout.write(`${summaryLine(check.summary, check.level_names)}\n`);
    writeFates(outDir, documents.length, early.fates);
    return 0;
  }
  const { build } = await import("./lib/pipeline.js");
  const result = await build(opts);
  progress.finish();
  for (const w of result.check.cacheWarnings) process.stderr.write(`${w}\n`);
  const levelNames = result.levelNames;
  if (result.check.gitDates) process.stderr.write(`${describeSubmissionDates(result.check.gitDates)}\n`);
  if (!result.built) {
    process.stdout.write(formatText(result.check.diagnostics, result.check.sources, result.check.summary, levelNames));
    process.stdout.write("Không tạo văn bản vì số liệu còn lỗi; kết quả lần dựng trước (nếu có) được giữ nguyên.\n");
    return 1;
  }
  process.stdout.write(`${summaryLine(result.check.summary, levelNames)}\n`);
  writeFates(outDir, result.documents.length, result.fates);
  return 0;
});
