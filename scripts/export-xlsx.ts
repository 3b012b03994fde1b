// npm run export-xlsx -- <unit code> [--data DIR] [--out FILE]
// Writes the unit's input workbook (lib/xlsx/), pre-filled from its report when it has one.
// Default output: <code>.xlsx in the working directory.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError, UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { loadDataset } from "./lib/dataset/load-dataset.js";
import { exportWorkbook } from "./lib/xlsx/export.js";
import { workbookLayout } from "./lib/xlsx/layout.js";
import { emptyReport } from "./lib/workflow/new-report.js";
import { reportOf } from "./lib/xlsx/unit-report.js";
import { repoPath } from "./lib/files/repo-root.js";

const SCHEMAS = repoPath("schemas");

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", out: "value" });
  const code = args.positional[0];
  if (!code || args.positional.length > 1) throw new UsageError("Cách dùng: npm run export-xlsx -- <mã đơn vị> [--data thư-mục] [--out tệp.xlsx], ví dụ npm run export-xlsx -- 00123");
  const dataDir = option(args, "data") ?? "data";
  const ds = loadDataset(dataDir, SCHEMAS).dataset;
  if (!ds) throw new InputError(`Không đọc được số liệu trong ${dataDir}: chạy npm run check -- --data ${dataDir} để xem lỗi.`);
  const unit = ds.units.get(code);
  if (!unit) throw new InputError(`Không có đơn vị mã "${code}" trong danh sách đơn vị (units.yaml, departments.yaml).`);
  const out = option(args, "out") ?? `${code}.xlsx`;
  const report = reportOf(ds, code);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, await exportWorkbook(workbookLayout(ds, unit), report?.report ?? emptyReport(ds, unit)));
  process.stdout.write(
    `Đã tạo ${out}: biểu nhập liệu của ${unit.name} (mã ${code})${report ? `, điền sẵn số liệu từ ${report.file.path}` : ", để trống (đơn vị chưa có báo cáo)"}.\n` +
      `Điền các ô màu vàng, lưu tệp, rồi tải lên thư mục data/inbox/ (hoặc chạy npm run import-xlsx -- ${out}).\n`,
  );
  return 0;
});
