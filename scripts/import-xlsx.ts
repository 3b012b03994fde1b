// npm run import-xlsx -- <FILE.xlsx> [--data DIR]
// Reads a unit's input workbook (lib/xlsx/); if anything in it cannot be read, prints every
// problem with its sheet and cell and writes nothing (exit 1). Otherwise writes or updates the
// unit's report file and runs the check: every diagnostic is shown with the report's line and
// column and the workbook cells behind it. Exit codes as `check`.
import { existsSync } from "node:fs";
import { InputError, UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { summaryLine } from "./lib/diagnostics/report-text.js";
import { loadDataset } from "./lib/dataset/load-dataset.js";
import { check } from "./lib/pipeline.js";
import { importWorkbook } from "./lib/xlsx/import.js";
import { CellLocator } from "./lib/xlsx/locate.js";
import { formatImport } from "./lib/xlsx/report-import.js";
import { repoPath } from "./lib/files/repo-root.js";

const SCHEMAS = repoPath("schemas");

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value" });
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError("Cách dùng: npm run import-xlsx -- <tệp.xlsx> [--data thư-mục], ví dụ npm run import-xlsx -- data/inbox/00123.xlsx");
  if (!existsSync(file)) throw new InputError(`Không tìm thấy tệp "${file}".`);
  const dataDir = option(args, "data") ?? "data";
  const loaded = loadDataset(dataDir, SCHEMAS);
  const ds = loaded.dataset;
  if (!ds) throw new InputError(`Không đọc được số liệu trong ${dataDir}: chạy npm run check -- --data ${dataDir} để xem lỗi.`);
  const r = await importWorkbook(file, dataDir, loaded, SCHEMAS);
  if (!r.layout || !r.unit || !r.target) {
    process.stdout.write(formatImport(r.problems, null));
    process.stdout.write(`✖ Không đọc được sổ Excel ${r.shown}: ${r.problems.length} lỗi. Chưa ghi gì vào số liệu.\n`);
    return 1;
  }
  const checked = check({ dataDir, schemaDir: SCHEMAS });
  const written = checked.dataset?.reports.find((x) => x.report.unit === r.unit!.code)?.report ?? null;
  const locator = new CellLocator(r.layout, written, ds.catalogue, ds.project.periods);
  // The unit's own file in full; elsewhere only errors (they decide the exit code).
  const diagnostics = checked.diagnostics.filter((d) => !(d.code === "INBOX_WORKBOOK" && d.file === r.shown));
  const own = diagnostics.filter((d) => d.file === r.target || d.severity === "error");
  process.stdout.write(formatImport(own, { file: r.target, locator }));
  const elsewhere = diagnostics.length - own.length;
  if (elsewhere) process.stdout.write(`(${elsewhere} cảnh báo ở tệp của các đơn vị khác: chạy npm run check để xem.)\n`);
  const verb = r.created ? "Đã tạo" : r.changed ? "Đã cập nhật" : "Không thay đổi";
  process.stdout.write(`${verb} ${r.target} từ ${r.shown} (${r.unit.name}, mã ${r.unit.code}).\n`);
  const levelNames = Object.fromEntries(ds.project.levels.map((l) => [l.id, l.unit_noun]));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  process.stdout.write(summaryLine({ ...checked.summary, errors, warnings: diagnostics.length - errors }, levelNames) + "\n");
  return errors === 0 && checked.dataset ? 0 : 1;
});
