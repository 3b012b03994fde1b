// npm run check [-- --data DIR] [--format text|json|github] [--as-of YYYY-MM-DD] [--git] [--changed-since REF] [--cache DIR]
// Validates everything and writes nothing. Exit 0 valid (warnings allowed), 1 invalid data, 2 a bug.
// --changed-since REF prints only the files changed since REF (a pull request's selection) and
// compares each changed report with its previous version; the exit code is the whole tree's.
import { check } from "./lib/pipeline.js";
import { UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { formatText } from "./lib/diagnostics/report-text.js";
import { formatGithub, formatJson } from "./lib/diagnostics/report-machine.js";
import { changedSince, selectChanged } from "./lib/review/changed-since.js";
import { submissionTimes } from "./lib/git/submission-times.js";
import { describeSubmissionDates } from "./lib/git/submission-policy.js";
import { PHASES, progressReporter } from "./lib/progress.js";
import { repoPath } from "./lib/files/repo-root.js";
import { freeHeapGrowth } from "./lib/heap-growth.js";

const SCHEMAS = repoPath("schemas");

// The check renders nothing: its garbage is small beside a build's (a nation's: 1,2 GB at its peak
// with V8's own heap growth, 0,9 GB limited, for ≈ 7 % more time), so the heap grows freely.
freeHeapGrowth();

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", format: "value", "as-of": "value", git: "flag", "git-ref": "value", "changed-since": "value", cache: "value" });
  const format = option(args, "format") ?? "text";
  if (!["text", "json", "github"].includes(format)) throw new UsageError(`--format phải là text, json hoặc github (không phải "${format}").`);
  const asOf = option(args, "as-of");
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`--as-of phải có dạng năm-tháng-ngày, ví dụ 2018-09-05 (không phải "${asOf}").`);
  const dataDir = option(args, "data") ?? "data";
  const git = args.options.has("git") || args.options.has("git-ref");
  const since = option(args, "changed-since");
  const changed = since !== undefined ? changedSince(since, dataDir) : null;
  const progress = progressReporter(process.stderr);
  const result = check({
    dataDir,
    schemaDir: SCHEMAS,
    load: option(args, "cache") ? { cacheDir: option(args, "cache")! } : {},
    ...(git ? { submittedAt: submissionTimes(dataDir, option(args, "git-ref") ?? "HEAD") } : {}),
    ...(changed ? { previous: changed.previous } : {}),
    ...(asOf ? { asOf } : {}),
  }, (done, total) => progress.update(PHASES.read, done, total));
  progress.finish();
  for (const w of result.cacheWarnings) process.stderr.write(`${w}\n`);
  if (result.gitDates) process.stderr.write(`${describeSubmissionDates(result.gitDates)}\n`);
  const selected = changed ? selectChanged(result, changed.shown) : { diagnostics: result.diagnostics, summary: result.summary, elsewhere: null };
  if (format === "json") process.stdout.write(formatJson(selected.diagnostics, selected.summary));
  else if (format === "github") process.stdout.write(formatGithub(selected.diagnostics));
  else {
    const levelNames = Object.fromEntries((result.dataset?.project.levels ?? []).map((l) => [l.id, l.unit_noun]));
    if (changed) process.stdout.write(`Các tệp thay đổi so với ${since}: ${changed.shown.size} tệp.\n\n`);
    process.stdout.write(formatText(selected.diagnostics, result.sources, selected.summary, levelNames));
    if (selected.elsewhere && selected.elsewhere.errors + selected.elsewhere.warnings > 0) {
      process.stdout.write(`Ngoài các tệp thay đổi còn ${selected.elsewhere.errors} lỗi, ${selected.elsewhere.warnings} cảnh báo (xem bằng npm run check).\n`);
    }
  }
  return result.ok ? 0 : 1;
});
