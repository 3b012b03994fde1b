// --git: a report's submission date is when its status first became submitted on the main
// branch's history; a declared date that disagrees is a warning, and lateness follows git.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import { submissionTimes } from "../../scripts/lib/git/submission-times.js";
import { FILES, SCHEMAS, makeFixture, type Fixture } from "./fixture.js";

let fx: Fixture;
const git = (args: string[], date: string) =>
  execFileSync("git", ["-c", "init.defaultBranch=main", ...args], {
    cwd: fx.root,
    env: { ...process.env, GIT_AUTHOR_NAME: "Kiểm thử", GIT_AUTHOR_EMAIL: "test@example.org", GIT_COMMITTER_NAME: "Kiểm thử", GIT_COMMITTER_EMAIL: "test@example.org", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    stdio: "ignore",
  });

beforeAll(() => {
  fx = makeFixture();
  // 20/7: the commune's report is on main as a draft; 05/8 (after the 31/7 deadline) it is merged as submitted,
  // though the file claims it was submitted on 25/7.
  fx.edit(FILES.commune, /status: \w+/, "status: dang_soan");
  fx.edit(FILES.commune, /submitted_on: [\d-]+/, "submitted_on: null");
  git(["init", "-q"], "2018-07-20T09:00:00+07:00");
  git(["add", "-A"], "2018-07-20T09:00:00+07:00");
  git(["commit", "-qm", "Bản nháp"], "2018-07-20T09:00:00+07:00");
  fx.edit(FILES.commune, "status: dang_soan", "status: da_nop");
  fx.edit(FILES.commune, "submitted_on: null", "submitted_on: 2018-07-25");
  git(["commit", "-qam", "Nộp báo cáo"], "2018-08-05T16:30:00+07:00");
});
afterAll(() => fx.cleanup());

describe("submissionTimes(dataDir)", () => {
  it("dates each report at the first commit where it is submitted", () => {
    const times = submissionTimes(fx.data);
    expect(times.get(FILES.commune)).toBe("2018-08-05");
    expect(times.get(FILES.commune2)).toBe("2018-07-20");
  });

  it("makes check warn where the declared date disagrees, and judge lateness by git", () => {
    const r = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, submittedAt: submissionTimes(fx.data) });
    const mine = r.diagnostics.filter((d) => d.file === fx.shown(FILES.commune));
    const warn = mine.find((d) => d.code === "SUBMISSION_DATE_GIT")!;
    expect(warn).toMatchObject({ severity: "warning", pointer: "/submitted_on" });
    expect(warn.message).toContain("25/7/2018");
    expect(warn.message).toContain("05/8/2018");
    expect(mine.find((d) => d.code === "STATUS_LATE")?.message).toContain("05/8/2018");
    // Without --git the declared date stands: on time.
    const plain = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root });
    expect(plain.diagnostics.filter((d) => d.file === fx.shown(FILES.commune) && d.code === "STATUS_LATE")).toEqual([]);
  });
});

describe("when a commit date is evidence of submission", () => {
  const times = (entries: [string, string][]) => new Map(entries);
  const mine = (r: ReturnType<typeof runCheck>, rel: string) => r.diagnostics.filter((d) => d.file === fx.shown(rel));

  it("keeps the declared date of an illustrative report, with no warning", () => {
    fx.edit(FILES.commune2, /^round: /m, "illustrative: true\nround: ");
    try {
      const r = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, submittedAt: times([[FILES.commune2, "2026-11-26"]]) });
      expect(r.ok).toBe(true);
      expect(mine(r, FILES.commune2).map((d) => d.code)).not.toContain("SUBMISSION_DATE_GIT");
      expect(mine(r, FILES.commune2).map((d) => d.code)).not.toContain("STATUS_AFTER_AS_OF");
      expect(r.gitDates).toMatchObject({ used: 0, kept: { illustrative: 1 } });
    } finally {
      fx.edit(FILES.commune2, "illustrative: true\n", "");
    }
  });

  it("keeps the declared date when the commit is outside the project's submission window", () => {
    // The bundled project.yaml (copied by the fixture) declares the window 10/5/2018–31/12/2018.
    const r = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, submittedAt: times([[FILES.commune2, "2026-11-26"]]) });
    expect(r.ok).toBe(true);
    expect(mine(r, FILES.commune2).map((d) => d.code)).toEqual([]);
    expect(r.gitDates).toMatchObject({ used: 0, kept: { outsideWindow: 1 } });
  });

  it("never turns valid data invalid: a commit after the approval date keeps the declared date, with a warning", () => {
    // Xã Đồng Tâm: submitted 2018-07-20 (declared), approved 2018-07-30; the commit says 2018-08-10.
    const r = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, submittedAt: times([[FILES.commune2, "2018-08-10"]]) });
    expect(r.ok).toBe(true);
    expect(mine(r, FILES.commune2).map((d) => d.code)).not.toContain("STATUS_DATE_ORDER");
    const warn = mine(r, FILES.commune2).find((d) => d.code === "SUBMISSION_DATE_GIT")!;
    expect(warn.message).toContain("sau ngày duyệt 30/7/2018");
    expect(warn.message).toContain("giữ ngày");
    expect(r.gitDates).toMatchObject({ used: 0, kept: { afterApproval: 1 } });
  });
});
