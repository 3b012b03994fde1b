// npm run overdue -- [--data DIR] [--as-of YYYY-MM-DD]
// Prints, as Markdown, the units whose report is overdue at the date (default: project.yaml's
// as_of), per level, with the team that follows each one up (see lib/workflow/overdue.ts).
import { relative, resolve, sep } from "node:path";
import { InputError, UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { loadDataset } from "./lib/dataset/load-dataset.js";
import type { Unit } from "./lib/model/types.js";
import { reportPath } from "./lib/units/paths.js";
import { codeownersRules, ownerOf } from "./lib/workflow/codeowners.js";
import { overdueMarkdown } from "./lib/workflow/overdue.js";
import { repoPath } from "./lib/files/repo-root.js";

const SCHEMAS = repoPath("schemas");

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", "as-of": "value" });
  const asOf = option(args, "as-of");
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`--as-of phải có dạng năm-tháng-ngày, ví dụ 2018-09-05 (không phải "${asOf}").`);
  const dataDir = option(args, "data") ?? "data";
  const ds = loadDataset(dataDir, SCHEMAS).dataset;
  if (!ds) throw new InputError(`Không đọc được cấu hình số liệu trong ${dataDir}: chạy npm run check -- --data ${dataDir} để xem lỗi.`);
  const prefix = relative(process.cwd(), resolve(dataDir)).split(sep).join("/");
  const { rules } = codeownersRules(ds, prefix);
  const index = { units: ds.units, levels: ds.levels };
  const teamOf = (u: Unit) => u.team ?? ownerOf(`${prefix}/${reportPath(u, index)}`, rules);
  process.stdout.write(overdueMarkdown(ds, { asOf: asOf ?? ds.project.as_of, teamOf }));
  return 0;
});
