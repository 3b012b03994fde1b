// npm run sample -- [--data DIR] [--seed N]
// (Re)writes illustrative reports for every unit of DIR's tree, and removes report files of
// units no longer in it. Deterministic: the same tree and seed give the same files.
// npm run sample -- --national --data DIR [--from data] [--provinces N] [--seed N]
// Writes a generated nation into DIR (nation → provinces → districts → communes, synthetic names
// and codes) from the configuration of the --from folder, with illustrative reports for every unit.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { InputError, option, parseArgs, runCli, type ParsedArgs } from "./lib/cli.js";
import { formatText } from "./lib/diagnostics/report-text.js";
import { loadDataset, type LoadResult } from "./lib/dataset/load-dataset.js";
import { generateSample } from "./lib/sample/generate.js";
import { NATION, writeNation } from "./lib/sample/national.js";
import { repoPath } from "./lib/files/repo-root.js";

const SCHEMAS = repoPath("schemas");

/** Every YAML file under dir, at any depth. */
function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function refuse(loaded: LoadResult): never {
  const errs = loaded.diagnostics.filter((d) => d.severity === "error");
  throw new InputError(`Không sinh được số liệu mẫu: các tệp cấu hình chưa hợp lệ.\n${formatText(errs, new Map(), { files: loaded.fileCount, errors: errs.length, warnings: 0, units: {} }, {})}`);
}

function national(args: ParsedArgs, dataDir: string, seed: number): number {
  if (!option(args, "data")) throw new InputError("--national cần --data THƯ_MỤC: thư mục sẽ chứa dữ liệu toàn quốc sinh ra (không ghi đè data/).");
  const from = option(args, "from") ?? "data";
  if (resolve(from) === resolve(dataDir)) throw new InputError("--data phải khác thư mục nguồn --from.");
  const provinces = Number(option(args, "provinces") ?? NATION.provinces);
  if (!Number.isInteger(provinces) || provinces < 1 || provinces > 95) throw new InputError("--provinces phải là số nguyên từ 1 đến 95.");
  const r = writeNation(from, dataDir, SCHEMAS, { ...NATION, provinces }, seed);
  if (!r.loaded.dataset) refuse(r.loaded);
  process.stdout.write(`Đã ghi dữ liệu toàn quốc minh họa vào ${dataDir}: ${r.units} đơn vị, ${r.reports} báo cáo (seed ${seed}).\n`);
  return 0;
}

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", seed: "value", national: "flag", from: "value", provinces: "value" });
  const dataDir = option(args, "data") ?? "data";
  const seed = Number(option(args, "seed") ?? "2018");
  if (!Number.isInteger(seed)) throw new InputError("--seed phải là một số nguyên.");
  if (args.options.has("national")) return national(args, dataDir, seed);
  const loaded = loadDataset(dataDir, SCHEMAS);
  if (!loaded.dataset) refuse(loaded);
  const { reports, flagsText } = generateSample(loaded.dataset!, seed);
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
  for (const d of readdirSync(reportsDir, { withFileTypes: true })) {
    const p = join(reportsDir, d.name);
    if (d.isDirectory() && !readdirSync(p, { recursive: true, withFileTypes: true }).some((e) => e.isFile())) rmSync(p, { recursive: true });
  }
  process.stdout.write(`Đã ghi ${reports.size} báo cáo minh họa (seed ${seed}) vào ${reportsDir}${removed ? `, xóa ${removed} tệp của đơn vị không còn trong danh sách` : ""}.\n`);
  return 0;
});
