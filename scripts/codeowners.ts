// npm run codeowners [-- --data DIR --out FILE] [--check]
// Writes .github/CODEOWNERS from the `team` fields of the unit tree (see lib/workflow/codeowners.ts).
// --out - prints it; --check writes nothing and exits 1 when the file is not up to date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { InputError, option, parseArgs, runCli } from "./lib/cli.js";
import { loadDataset } from "./lib/dataset/load-dataset.js";
import { codeownersRules, codeownersText } from "./lib/workflow/codeowners.js";
import { repoPath } from "./lib/files/repo-root.js";

const SCHEMAS = repoPath("schemas");

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { data: "value", out: "value", check: "flag" });
  const dataDir = option(args, "data") ?? "data";
  const out = option(args, "out") ?? ".github/CODEOWNERS";
  const loaded = loadDataset(dataDir, SCHEMAS);
  if (!loaded.dataset) throw new InputError(`Không đọc được danh sách đơn vị trong ${dataDir}: chạy npm run check -- --data ${dataDir} để xem lỗi.`);
  const prefix = relative(process.cwd(), resolve(dataDir)).split(sep).join("/");
  const co = codeownersRules(loaded.dataset, prefix);
  if (co.invalid.length) throw new InputError(`Tên nhóm không hợp lệ:\n- ${co.invalid.join("\n- ")}`);
  for (const m of co.missing) process.stderr.write(`Lưu ý: ${m}\n`);
  const text = codeownersText(co, prefix);
  if (out === "-") {
    process.stdout.write(text);
    return 0;
  }
  if (args.options.has("check")) {
    const current = existsSync(out) ? readFileSync(out, "utf8") : null;
    if (current === text) {
      process.stdout.write(`${out} đã khớp với danh sách đơn vị.\n`);
      return 0;
    }
    process.stdout.write(`${out} ${current === null ? "chưa có" : "không khớp với danh sách đơn vị"}: chạy npm run codeowners rồi commit tệp này.\n`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`Đã ghi ${out}: ${co.rules.length} dòng phân công.\n`);
  return 0;
});
