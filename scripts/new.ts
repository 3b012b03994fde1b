// npm run new -- <unit code> [--data DIR]
// Writes the unit's empty report at its canonical path (lib/units/paths.ts), every field
// commented in Vietnamese (lib/workflow/new-report.ts). Refuses an existing file or an unknown
// code (exit 1, with the closest codes).
import { distance } from "fastest-levenshtein";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { InputError, UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { suggest } from "./lib/diagnostics/suggest.js";
import { loadDataset } from "./lib/dataset/load-dataset.js";
import type { Dataset } from "./lib/model/dataset.js";
import { reportPath, slugify } from "./lib/units/paths.js";
import { newReportYaml, type SchemaNode } from "./lib/workflow/new-report.js";
import { repoPath } from "./lib/files/repo-root.js";

const SCHEMAS = repoPath("schemas");

/** "Có phải là …?" for a code that names no unit: close codes, and units whose name matches the text typed. */
function didYouMean(input: string, ds: Dataset): string {
  const best = suggest(input, ds.units.keys());
  // Every code as close as the best one (a digit left out matches several codes equally well).
  const byCode = best ? [...ds.units.values()].filter((u) => distance(input, u.code) === distance(input, best)) : [];
  const slug = slugify(input);
  const byName = slug ? [...ds.units.values()].filter((u) => slugify(u.name) === slug || slugify(u.short_name) === slug || slugify(u.name).endsWith(`-${slug}`)) : [];
  const picks = [...byCode, ...byName].filter((u, i, a) => a.indexOf(u) === i).slice(0, 5);
  return picks.length ? ` Có phải là: ${picks.map((u) => `${u.code} (${u.name})`).join(", ")}?` : "";
}

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value" });
  const code = args.positional[0];
  if (!code || args.positional.length > 1) throw new UsageError("Cách dùng: npm run new -- <mã đơn vị> [--data thư-mục], ví dụ npm run new -- 00133");
  const dataDir = option(args, "data") ?? "data";
  const loaded = loadDataset(dataDir, SCHEMAS);
  const ds = loaded.dataset;
  if (!ds) throw new InputError(`Không đọc được danh sách đơn vị trong ${dataDir}: chạy npm run check -- --data ${dataDir} để xem lỗi.`);
  const unit = ds.units.get(code);
  if (!unit) throw new InputError(`Không có đơn vị mã "${code}" trong danh sách đơn vị (units.yaml, departments.yaml).${didYouMean(code, ds)}`);
  const rel = reportPath(unit, { units: ds.units, levels: ds.levels });
  const target = join(dataDir, rel);
  if (existsSync(target)) throw new InputError(`Tệp ${target} đã có: lệnh new không ghi đè. Mở tệp này để sửa tiếp.`);
  for (const [other, file] of loaded.files) {
    const data = file.data as { unit?: unknown } | undefined;
    if (other.startsWith("reports/") && data?.unit === code) throw new InputError(`${unit.name} (mã ${code}) đã có báo cáo ở tệp ${file.path}: lệnh new không tạo tệp thứ hai.`);
  }
  const schema = JSON.parse(readFileSync(join(SCHEMAS, "report.schema.json"), "utf8")) as SchemaNode;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, newReportYaml(ds, unit, { schema }));
  process.stdout.write(
    `Đã tạo ${target} cho ${unit.name} (mã ${code}).\n` +
      `Điền người ký (chức vụ, họ và tên), số liệu và lời văn, rồi chạy npm run check: lệnh này chỉ ra các trường còn phải điền.\n`,
  );
  return 0;
});
