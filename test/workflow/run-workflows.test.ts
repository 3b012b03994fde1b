// The workflows as a runner runs them: the `run:` steps of pr.yml and publish.yml, in order, with
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and step conditions (test/helpers/workflow-runner.ts), on a
// temporary repository holding this project's code and the other-province fixture as data:
// main committed (in 2026, long after the round, like this repository's illustrative data), and
// a pull-request branch with a clean change and with a broken one.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, REPO, makeFixture, type Fixture } from "../check/fixture.js";
import { gitIn, runJob } from "../helpers/workflow-runner.js";

let fx: Fixture;
const PR = join(REPO, ".github/workflows/pr.yml");
const PUBLISH = join(REPO, ".github/workflows/publish.yml");
const SKIP = ["npm ci"]; // node_modules is linked into the temporary repository
/** The `github` context of a pull request from a branch of the same repository. */
const pullRequest = (number: number, branch: string) => ({
  base_ref: "main",
  head_ref: branch,
  repository: "tinh-mau/danh-gia-giua-ky",
  event: { pull_request: { number, head: { repo: { full_name: "tinh-mau/danh-gia-giua-ky" } } } },
});

beforeAll(() => {
  fx = makeFixture();
  for (const p of ["package.json", "package-lock.json", "tsconfig.json", "scripts", "schemas", "templates", "site", ".github"]) cpSync(join(REPO, p), join(fx.root, p), { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(fx.root, "node_modules"), "dir");
  gitIn(fx.root, ["init", "-q"]);
}, 300_000);
afterAll(() => fx?.cleanup());

function npm(args: string[]): void {
  const r = spawnSync("npm", args, { cwd: fx.root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm ${args.join(" ")}: ${r.stdout}${r.stderr}`);
}

describe("the workflows run on a repository", () => {
  beforeAll(() => {
    npm(["run", "--silent", "codeowners"]); // CODEOWNERS for this tree: the PR workflow checks it is current
    gitIn(fx.root, ["add", "-A"], "2026-11-26T12:00:00+07:00");
    gitIn(fx.root, ["commit", "-qm", "Dữ liệu ban đầu"], "2026-11-26T12:00:00+07:00");
    gitIn(fx.root, ["update-ref", "refs/remotes/origin/main", "HEAD"]);
  }, 120_000);

  it("publish.yml builds a complete dist/ from main with --git, up to the upload", () => {
    const job = runJob(PUBLISH, "build", { cwd: fx.root, github: { ref: "refs/heads/main" }, skipCommands: SKIP, stopBeforeUses: "actions/upload-pages-artifact" });
    expect(job.steps.map((s) => `${s.name}: ${s.outcome}`).join("\n"), job.steps.map((s) => s.stdout + s.stderr).join("\n")).not.toContain("failure");
    expect(job.result).toBe("success");
    const manifest = JSON.parse(readFileSync(join(fx.root, "dist/manifest.json"), "utf8")) as { documents: { path: string }[] };
    // The plan and every unit's report (1 + 2 + 5 + 2 units), each in three formats.
    expect(manifest.documents).toHaveLength((1 + 1 + 2 + 5 + 2) * 3);
    for (const d of manifest.documents) expect(existsSync(join(fx.root, "dist", d.path)), d.path).toBe(true);
    expect(existsSync(join(fx.root, "dist/index.html"))).toBe(true);
  }, 300_000);

  it("pr.yml on a clean change: the job succeeds, builds and reaches the artifact upload", () => {
    gitIn(fx.root, ["checkout", "-qf", "main"]);
    gitIn(fx.root, ["checkout", "-qb", "pr-clean"]);
    fx.edit(FILES.commune2, "ho_dan_cu: {baseline: 800, y2016: 805, y2017: 812, mid2018: 820}", "ho_dan_cu: {baseline: 800, y2016: 805, y2017: 812, mid2018: 822}");
    gitIn(fx.root, ["commit", "-qam", "Sửa số hộ"], "2026-11-27T09:00:00+07:00");
    const job = runJob(PR, "check", { cwd: fx.root, github: pullRequest(7, "pr-clean"), skipCommands: SKIP });
    expect(job.result, job.steps.map((s) => `${s.name}: ${s.outcome}\n${s.stdout}${s.stderr}`).join("\n")).toBe("success");
    expect(job.steps.find((s) => s.uses === "actions/upload-artifact" && /dist/.test(s.name))?.outcome).toBe("success");
    // No workbook was uploaded: the Excel conversion found nothing and its follow-up steps were skipped.
    expect(job.steps.filter((s) => /pull request từ kho khác|Ghi YAML vào nhánh/.test(s.name)).map((s) => s.outcome)).toEqual(["skipped", "skipped", "skipped"]);
    expect(job.summary.split("\n")[0]).toMatch(/^## ✅ Số liệu hợp lệ — Xã Đồng Tâm \(mã 00126\): 0 lỗi, 0 cảnh báo trong 1 tệp thay đổi/);
    expect(job.summary).toContain("Xã Đồng Tâm — Tổng số hộ dân cư tại 30/6/2018: 820 → 822");
    expect(job.summary).toMatch(/<details><summary>Báo cáo kiểm tra toàn bộ số liệu/);
    gitIn(fx.root, ["checkout", "-q", "main"]);
  }, 300_000);

  it("pr.yml on a broken change: the summary leads with the error, no build, and the job fails at its last step", () => {
    gitIn(fx.root, ["checkout", "-qf", "main"]);
    gitIn(fx.root, ["checkout", "-qb", "pr-broken"]);
    fx.edit(FILES.commune2, "ho_dan_cu: {baseline: 800, y2016: 805, y2017: 812, mid2018: 820}", "ho_dan_cu: {baseline: 800, y2016: 805, y2017: 812, mid2018: 999999}");
    fx.edit(FILES.commune2, "ho_ngheo: {baseline: 200,", "ho_ngheo: {baseline: -5,");
    gitIn(fx.root, ["commit", "-qam", "Sửa nhầm"], "2026-11-27T10:00:00+07:00");
    const job = runJob(PR, "check", { cwd: fx.root, github: pullRequest(8, "pr-broken"), skipCommands: SKIP });
    expect(job.result).toBe("failure");
    const outcome = (re: RegExp) => job.steps.find((s) => re.test(s.name))?.outcome;
    expect(outcome(/npm run check/)).toBe("success"); // its exit code is kept for the last step
    expect(outcome(/npm run build/)).toBe("skipped");
    expect(job.steps.find((s) => s.uses === "actions/upload-artifact" && /dist/.test(s.name))?.outcome).toBe("skipped");
    expect(job.steps[job.steps.length - 1]).toMatchObject({ name: "Kết luận", outcome: "failure" });
    const lines = job.summary.split("\n");
    expect(lines[0]).toMatch(/^## ❌ Số liệu chưa hợp lệ — Xã Đồng Tâm \(mã 00126\): 1 lỗi, \d+ cảnh báo trong 1 tệp thay đổi$/);
    const firstScreen = lines.slice(0, 30).join("\n");
    expect(firstScreen).toContain("`SCHEMA_RANGE`");
    expect(firstScreen).toContain("`VALUE_JUMP`");
    expect(firstScreen.indexOf("SCHEMA_RANGE")).toBeLessThan(firstScreen.indexOf("VALUE_JUMP"));
    // Annotations only for the changed file.
    const annotations = job.steps.find((s) => /npm run check/.test(s.name))!.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) expect(a).toContain(`file=${fx.shown(FILES.commune2)}`);
    gitIn(fx.root, ["checkout", "-q", "main"]);
  }, 300_000);
});
