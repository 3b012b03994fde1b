// `npm run diff` on a fixture git repository: the other-province fixture committed, then a
// commune's report changed (status, dates, values, narrative, finance; a late submission adds a
// warning) and committed, and a new report left uncommitted in the work tree. The Markdown the
// reviewer reads is compared with test/workflow/__golden__/diff.md.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, makeFixture, type Fixture } from "../check/fixture.js";
import { git, runScript, type Run } from "./helpers.js";

describe("npm run diff", () => {
  let fx: Fixture;
  let out: Run;

  beforeAll(() => {
    fx = makeFixture();
    git(fx.root, "-c", "init.defaultBranch=main", "init", "-q");
    git(fx.root, "add", "-A");
    git(fx.root, "commit", "-q", "-m", "Số liệu ban đầu");

    const c = FILES.commune;
    fx.edit(c, "status: da_nop", "status: da_duyet");
    fx.edit(c, "submitted_on: 2018-07-25\napproved_on: null", "submitted_on: 2018-08-03\napproved_on: 2018-08-10");
    fx.edit(c, "  date: 2018-07-25", "  date: 2018-08-03");
    fx.edit(c, "ho_ngheo: {baseline: 150, y2016: 130, y2017: 112, mid2018: 104}", "ho_ngheo: {baseline: 150, y2016: 130, y2017: 98, mid2018: 90}");
    fx.edit(c, "ho_thoat_ngheo: {y2016: 30, y2017: 25, mid2018: 10}", "ho_thoat_ngheo: {y2016: 30, y2017: 39, mid2018: 10}");
    fx.edit(c, "ho_can_ngheo: {baseline: 90,", "ho_can_ngheo: {baseline: 85,");
    fx.edit(c, "period: y2017, plan: 150, disbursed: 140}", "period: y2017, plan: 150, disbursed: 145}");
    fx.edit(c, "phần lớn hộ nghèo là hộ neo đơn, thiếu lao động.", "phần lớn hộ nghèo là hộ neo đơn, thiếu lao động; năm 2017 có 39 hộ thoát nghèo nhờ vốn vay ưu đãi.");
    fx.edit(c, /muc_tieu_chi_tieu: \|\n.*\n/, "muc_tieu_chi_tieu: |\n    Tỷ lệ hộ nghèo giảm bình quân 1,6 điểm phần trăm mỗi năm, vượt mục tiêu của thành phố.\n");
    git(fx.root, "commit", "-q", "-a", "-m", "Phường Hòa Bình: cập nhật số liệu, đã duyệt");

    // Work tree only: a new report, not committed.
    const made = runScript("new", ["00136", "--data", "data"], fx.root);
    expect(made.status, made.stderr).toBe(0);

    out = runScript("diff", ["--base", "HEAD~1", "--data", "data"], fx.root);
  });
  afterAll(() => fx?.cleanup());

  it("exits 0 and prints the summary (golden file)", async () => {
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    await expect(out.stdout).toMatchFileSnapshot("__golden__/diff.md");
  });

  it("states each changed value with old → new and the relative change in Vietnamese format", () => {
    expect(out.stdout).toContain("- Phường Hòa Bình — Số hộ nghèo cuối năm 2017: 112 → 98 (−12,5%)");
    // +56 % on a submitted figure is beyond the 20 % revision threshold: marked for the reviewer.
    expect(out.stdout).toContain("- ⚠ Phường Hòa Bình — Số hộ thoát nghèo năm 2017: 25 → 39 (+56,0%) — **số liệu bất thường** (`VALUE_REVISED`)");
    expect(out.stdout).toContain("- Phường Hòa Bình — Số hộ cận nghèo cuối năm 2015: 90 → 85 (−5,6%)");
    expect(out.stdout).toContain("**Trạng thái:** Đã nộp → Đã duyệt; ngày nộp: 25/7/2018 → 03/8/2018; ngày duyệt: chưa có → 10/8/2018");
  });

  it("lists the file's new warning, the work-tree file, and the documents to rebuild up to the province", () => {
    expect(out.stdout).toMatch(/\*\*cảnh báo\*\* `STATUS_LATE` \(dòng \d+, trường `submitted_on`\)/);
    expect(out.stdout).toContain("- thêm mới: `data/reports/902-huyen-son-khe/00136-xa-na-hau.yaml`");
    for (const doc of ["documents/901-thanh-pho-binh-an/00123-phuong-hoa-binh", "documents/901-thanh-pho-binh-an/901-thanh-pho-binh-an", "documents/99-tinh-mau"]) {
      expect(out.stdout).toContain(`\`${doc}.{docx,html,md}\``);
    }
    expect(out.stdout).not.toContain(fx.root);
  });

  it("refuses an unknown base in Vietnamese (exit 1)", () => {
    const r = runScript("diff", ["--base", "khong-co-nhanh-nay", "--data", "data"], fx.root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Không tìm thấy phiên bản "khong-co-nhanh-nay"');
  });
});
