// npm run check [-- --data DIR] [--format text|json|github] [--as-of YYYY-MM-DD]
// Validates everything and writes nothing. Exit 0 valid (warnings allowed), 1 invalid data, 2 a bug.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runCheck } from "./lib/check.js";
import { UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { formatText } from "./lib/diagnostics/report-text.js";
import { formatGithub, formatJson } from "./lib/diagnostics/report-machine.js";
import { rollupRule } from "./lib/aggregate/rollup-rule.js";
import { submissionTimes } from "./lib/git/submission-times.js";
import { describeSubmissionDates } from "./lib/git/submission-policy.js";

const SCHEMAS = resolve(fileURLToPath(import.meta.url), "../../schemas");

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", format: "value", git: "flag", "git-ref": "value" });
  const format = option(args, "format") ?? "text";
  if (!["text", "json", "github"].includes(format)) throw new UsageError(`--format phải là text, json hoặc github (không phải "${format}").`);
  const dataDir = option(args, "data") ?? "data";
  const git = args.options.has("git") || args.options.has("git-ref");
  const result = runCheck(dataDir, SCHEMAS, [rollupRule], process.cwd(), git ? { submittedAt: submissionTimes(dataDir, option(args, "git-ref") ?? "HEAD") } : {});
  if (result.gitDates) process.stderr.write(`${describeSubmissionDates(result.gitDates)}\n`);
  if (format === "json") process.stdout.write(formatJson(result.diagnostics, result.summary));
  else if (format === "github") process.stdout.write(formatGithub(result.diagnostics));
  else {
    const levelNames = Object.fromEntries((result.dataset?.project.levels ?? []).map((l) => [l.id, l.unit_noun]));
    process.stdout.write(formatText(result.diagnostics, result.sources, result.summary, levelNames));
  }
  return result.ok ? 0 : 1;
});
