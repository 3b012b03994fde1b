// npm run merge -- <shard output folders…> [--out DIR] [--data DIR] [--as-of YYYY-MM-DD] [--git] [--cache DIR]
// Assembles one output from the outputs of `build --shard i/n` (one per CI runner): runs the same
// check and roll-up as the build, copies every document and input workbook from the shard that made
// it (checked by its content address and SHA-256), builds the site, and writes one manifest. The
// result is byte for byte what a single build makes. A document that no shard holds, made from the
// same data and code, stops the merge (exit 1): the previous output stays untouched. With --cache
// (a folder CI keeps between runs, as for build), the site's pages whose inputs did not change are
// copied from the previous merge instead of drawn again, and the check parses only changed files.
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { formatText, summaryLine } from "./lib/diagnostics/report-text.js";
import { submissionTimes } from "./lib/git/submission-times.js";
import { build } from "./lib/pipeline.js";
import { REPO_ROOT } from "./lib/files/repo-root.js";

const ROOT = REPO_ROOT;

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", out: "value", "as-of": "value", git: "flag", "git-ref": "value", cache: "value" });
  if (args.positional.length === 0) throw new UsageError("Cần ít nhất một thư mục kết quả của build --shard, ví dụ: npm run merge -- shard-1 shard-2 --out dist");
  const dataDir = option(args, "data") ?? "data";
  const outDir = option(args, "out") ?? "dist";
  const asOf = option(args, "as-of");
  const git = args.options.has("git") || args.options.has("git-ref");
  const result = await build({
    dataDir,
    outDir,
    schemaDir: resolve(ROOT, "schemas"),
    templateDir: resolve(ROOT, "templates"),
    ...(asOf ? { asOf } : {}),
    ...(git ? { submittedAt: submissionTimes(dataDir, option(args, "git-ref") ?? "HEAD") } : {}),
    mergeFrom: args.positional,
    workers: Math.max(1, Math.min(4, availableParallelism())),
    ...(option(args, "cache") ? { cacheDir: option(args, "cache")! } : {}),
    warn: (line) => process.stderr.write(`${line}\n`),
  });
  const levelNames = Object.fromEntries((result.check.dataset?.project.levels ?? []).map((l) => [l.id, l.unit_noun]));
  if (!result.built) {
    process.stdout.write(formatText(result.check.diagnostics, result.check.sources, result.check.summary, levelNames));
    return 1;
  }
  process.stdout.write(`${summaryLine(result.check.summary, levelNames)}\n`);
  process.stdout.write(`Đã ghép ${args.positional.length} phần: ${result.documents.length} tệp văn bản và trang web trong ${outDir}/ (xem ${outDir}/manifest.json).\n`);
  return 0;
});
