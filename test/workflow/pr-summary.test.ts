// The reviewer's summary on the bundled data, for the pull request of the issue that asked for it:
// Thị trấn Đoan Hùng's households at 30/6/2018 typed 999999 and −5 poor households at end-2015.
// Its first screen names the unit, the error and the households warning; the full report is folded.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO, RUN_MJS } from "../check/fixture.js";
import { gitIn } from "../helpers/workflow-runner.js";

const FILE = "data/reports/230-huyen-doan-hung/07969-thi-tran-doan-hung.yaml";
let root: string;
let out: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "pr-summary-"));
  cpSync(join(REPO, "data"), join(root, "data"), { recursive: true });
  gitIn(root, ["init", "-q"]);
  gitIn(root, ["add", "-A"]);
  gitIn(root, ["commit", "-qm", "main"]);
  gitIn(root, ["checkout", "-qb", "pr"]);
  const text = readFileSync(join(root, FILE), "utf8");
  const edited = text.replace(/(ho_dan_cu: \{[^}]*mid2018: )\d+\}/, "$1999999}").replace(/(ho_ngheo: \{baseline: )\d+,/, "$1-5,");
  if (edited === text) throw new Error("the example's lines were not found");
  writeFileSync(join(root, FILE), edited);
  gitIn(root, ["commit", "-qam", "pr"]);
  const r = spawnSync(process.execPath, [RUN_MJS, "pr-summary", "--base", "main"], { cwd: root, encoding: "utf8", timeout: 120_000 });
  out = { status: r.status, stdout: r.stdout, stderr: r.stderr };
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("leads with the verdict, the unit, the −5 error and the households warning; exit 1", () => {
  expect(out.status, out.stderr).toBe(1);
  const lines = out.stdout.split("\n");
  expect(lines[0]).toMatch(/^## ❌ Số liệu chưa hợp lệ — Thị trấn Đoan Hùng \(mã 07969\): 1 lỗi, \d+ cảnh báo trong 1 tệp thay đổi$/);
  const firstScreen = lines.slice(0, 40).join("\n");
  expect(firstScreen).toMatch(/❌ \*\*lỗi\*\* `SCHEMA_RANGE` dòng \d+, cột \d+: Giá trị -5 nhỏ hơn 0/);
  expect(firstScreen).toMatch(/⚠️ \*\*cảnh báo\*\* `VALUE_JUMP` .*Tổng số hộ dân cư .*999\.999/);
  // Other units' warnings (late reports, …) are not on the first screen.
  expect(firstScreen).not.toContain("STATUS_LATE");
});

it("marks the suspicious change in the change summary, and folds the whole report", () => {
  expect(out.stdout).toMatch(/- ⚠ Thị trấn Đoan Hùng — Tổng số hộ dân cư tại 30\/6\/2018: [\d.]+ → 999\.999 .*\*\*số liệu bất thường\*\*/);
  const details = out.stdout.indexOf("<details><summary>Báo cáo kiểm tra toàn bộ số liệu");
  expect(details).toBeGreaterThan(out.stdout.indexOf("### Thay đổi số liệu so với `main`"));
  expect(out.stdout.trimEnd().endsWith("</details>")).toBe(true);
});

it("check --changed-since selects the changed file, keeps the whole tree's exit code, and says what is left elsewhere", () => {
  const run = (format: string) => spawnSync(process.execPath, [RUN_MJS, "check", "--changed-since", "main", "--format", format], { cwd: root, encoding: "utf8", timeout: 120_000 });
  const json = run("json");
  expect(json.status).toBe(1);
  const parsed = JSON.parse(json.stdout) as { diagnostics: { file: string; code: string }[]; summary: { errors: number } };
  expect(new Set(parsed.diagnostics.map((d) => d.file))).toEqual(new Set([FILE]));
  expect(parsed.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["SCHEMA_RANGE", "VALUE_JUMP", "VALUE_REVISED"]));
  expect(parsed.summary.errors).toBe(1);
  const text = run("text");
  expect(text.stdout).toMatch(/^Các tệp thay đổi so với main: 1 tệp\./);
  expect(text.stdout).toMatch(/Ngoài các tệp thay đổi còn 0 lỗi, \d+ cảnh báo/);
  const bad = spawnSync(process.execPath, [RUN_MJS, "check", "--changed-since", "no-such-branch"], { cwd: root, encoding: "utf8", timeout: 120_000 });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain("--changed-since");
}, 120_000);
