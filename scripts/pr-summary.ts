// npm run pr-summary -- --base <git ref> [--data DIR]
// The pull request's job summary (Markdown): verdict for the changed files, their errors and
// warnings with code frames, the change summary and documents that change, then the whole
// tree's report folded. Exit code as `check` (0 valid, 1 invalid data, 2 a bug).
import { UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { changedSince } from "./lib/review/changed-since.js";
import { collectDiff } from "./lib/review/diff-data.js";
import { prSummary } from "./lib/review/pr-summary.js";
import { repoPath } from "./lib/files/repo-root.js";

const SCHEMAS = repoPath("schemas");

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { base: "value", data: "value" });
  const base = option(args, "base");
  if (!base) throw new UsageError("Cách dùng: npm run pr-summary -- --base <phiên bản git, ví dụ origin/main> [--data thư-mục]");
  const dataDir = option(args, "data") ?? "data";
  const input = collectDiff({ base, dataDir, schemaDir: SCHEMAS });
  const head = input.head!;
  const levelNames = Object.fromEntries((head.dataset?.project.levels ?? []).map((l) => [l.id, l.unit_noun]));
  process.stdout.write(prSummary({ ...input, head }, { changed: changedSince(base, dataDir).shown, levelNames }));
  return head.ok ? 0 : 1;
});
