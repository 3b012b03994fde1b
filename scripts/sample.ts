// npm run sample -- [--data DIR] [--seed N]
// (Re)writes illustrative reports for every unit of DIR's tree, and removes report files of
// units no longer in it. Deterministic: the same tree and seed give the same files.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError, option, parseArgs, runCli } from "./lib/cli.js";
import { formatText } from "./lib/diagnostics/report-text.js";
import { loadDataset } from "./lib/load/load-dataset.js";
import { generateSample } from "./lib/sample/generate.js";

const SCHEMAS = resolve(fileURLToPath(import.meta.url), "../../schemas");

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", seed: "value" });
  const dataDir = option(args, "data") ?? "data";
  const seed = Number(option(args, "seed") ?? "2018");
  if (!Number.isInteger(seed)) throw new InputError("--seed phải là một số nguyên.");
  const loaded = loadDataset(dataDir, SCHEMAS);
  if (!loaded.dataset) {
    const errs = loaded.diagnostics.filter((d) => d.severity === "error");
    throw new InputError(`Không sinh được số liệu mẫu: các tệp cấu hình chưa hợp lệ.\n${formatText(errs, new Map(), { files: loaded.fileCount, errors: errs.length, warnings: 0, units: {} }, {})}`);
  }
  const { reports, flagsText } = generateSample(loaded.dataset, seed);
  const reportsDir = join(dataDir, "reports");
  let removed = 0;
  for (const f of yamlFiles(reportsDir)) {
    if (!reports.has(relative(dataDir, f).split("\\").join("/"))) {
      rmSync(f);
      removed++;
    }
  }
  for (const [rel, text] of reports) {
    mkdirSync(dirname(join(dataDir, rel)), { recursive: true });
    writeFileSync(join(dataDir, rel), text);
  }
  writeFileSync(join(dataDir, "unit-flags.yaml"), flagsText);
  for (const d of readdirSync(reportsDir)) {
    const p = join(reportsDir, d);
    if (statSync(p).isDirectory() && readdirSync(p).length === 0) rmSync(p, { recursive: true });
  }
  process.stdout.write(`Đã ghi ${reports.size} báo cáo minh họa (seed ${seed}) vào ${reportsDir}${removed ? `, xóa ${removed} tệp của đơn vị không còn trong danh sách` : ""}.\n`);
  return 0;
});
