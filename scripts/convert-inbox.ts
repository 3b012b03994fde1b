// npm run convert-inbox -- --base <git ref> [--data DIR] [--commit] [--summary FILE]
// The pull-request workflow's Excel step: every workbook added or changed under <data>/inbox/
// since <base> is imported (lib/xlsx/import.ts). A workbook that was read is removed and its
// report file written; one that was refused stays (so `check` fails on it, INBOX_WORKBOOK) and
// its problems, with sheet and cell, go to the Markdown summary. With --commit, the written
// report files and the removals are committed (the workflow pushes the commit to the branch).
// Prints the paths of the written report files, one a line. Exit 0 whatever the workbooks hold
// (the check after it decides); 1 for a wrong option, 2 for a bug.
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, rmSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { InputError, UsageError, option, parseArgs, runCli } from "./lib/cli.js";
import { loadDataset } from "./lib/dataset/load-dataset.js";
import { INBOX } from "./lib/xlsx/inbox.js";
import { importWorkbook, type ImportResult } from "./lib/xlsx/import.js";
import { formatImport } from "./lib/xlsx/report-import.js";
import { repoPath } from "./lib/files/repo-root.js";

const SCHEMAS = repoPath("schemas");

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

function summary(results: ImportResult[]): string {
  const out = ["## Sổ Excel tải lên (data/inbox/)", ""];
  for (const r of results) {
    if (r.target) out.push(`- ✔ \`${r.shown}\` → \`${r.target}\` (${r.unit!.name}, mã ${r.unit!.code})${r.changed ? "" : ": không có số liệu nào thay đổi"}.`);
    else {
      out.push(`- ✖ \`${r.shown}\`: không đọc được, chưa ghi gì vào số liệu (${r.problems.length} lỗi). Sửa sổ Excel theo các lỗi dưới đây rồi tải lại:`, "", "```text");
      out.push(formatImport(r.problems, null).trimEnd(), "```", "");
    }
  }
  return out.join("\n") + "\n";
}

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { base: "value", data: "value", commit: "flag", summary: "value" });
  const base = option(args, "base");
  if (!base || args.positional.length) throw new UsageError("Cách dùng: npm run convert-inbox -- --base <nhánh gốc> [--data thư-mục] [--commit] [--summary tệp]");
  const dataDir = option(args, "data") ?? "data";
  const top = git(dataDir, "rev-parse", "--show-toplevel").trim();
  const inbox = relative(top, resolve(dataDir, INBOX)).split(sep).join("/");
  let changed: string[];
  try {
    changed = git(top, "diff", "--name-only", "--diff-filter=AMR", "-z", `${base}...HEAD`, "--", inbox).split("\0").filter(Boolean);
  } catch {
    throw new InputError(`Không so sánh được với "${base}": kiểm tra tên nhánh gốc (git cần toàn bộ lịch sử, fetch-depth: 0).`);
  }
  const files = changed.map((p) => join(top, p)).filter((p) => existsSync(p));
  if (!files.length) return 0;
  const results: ImportResult[] = [];
  for (const file of files) {
    // Loaded afresh for each workbook: the previous one may have written a report file.
    const loaded = loadDataset(dataDir, SCHEMAS);
    if (!loaded.dataset) throw new InputError(`Không đọc được số liệu trong ${dataDir}: chạy npm run check để xem lỗi.`);
    const r = await importWorkbook(file, dataDir, loaded, SCHEMAS);
    results.push(r);
    if (!r.target) continue;
    rmSync(file);
    process.stdout.write(`${r.target}\n`);
  }
  const summaryFile = option(args, "summary");
  if (summaryFile) appendFileSync(summaryFile, summary(results));
  else process.stderr.write(summary(results));
  const done = results.filter((r) => r.target);
  if (args.options.has("commit") && done.length) {
    for (const r of done) {
      git(top, "add", "--", relative(top, resolve(r.target!)));
      git(top, "rm", "-q", "--cached", "--ignore-unmatch", "--", relative(top, resolve(r.shown)));
    }
    const names = done.map((r) => `${r.unit!.code} (${r.unit!.name})`).join(", ");
    git(top, "commit", "-q", "-m", `Chuyển sổ Excel thành YAML: ${names}`, "-m", "Tạo tự động từ sổ Excel tải lên data/inbox/ (npm run convert-inbox).");
  }
  return 0;
});
