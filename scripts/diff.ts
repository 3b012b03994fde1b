// npm run diff -- --base <git ref> [--data DIR]
// Prints a Markdown summary of the data changes since <ref> (work tree included) for a pull
// request: per changed report, the unit, its status, every changed value (old → new, relative
// change), narrative sections, new errors and warnings, and the documents the change rebuilds.
import { UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { collectDiff } from "./lib/review/diff-data.js";
import { summarizeDiff } from "./lib/review/summarize-diff.js";
import { repoPath } from "./lib/files/repo-root.js";

const SCHEMAS = repoPath("schemas");

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { base: "value", data: "value" });
  const base = option(args, "base");
  if (!base) throw new UsageError("Cách dùng: npm run diff -- --base <phiên bản git, ví dụ origin/main> [--data thư-mục]");
  const input = collectDiff({ base, dataDir: option(args, "data") ?? "data", schemaDir: SCHEMAS });
  process.stdout.write(summarizeDiff(input));
  return 0;
});
