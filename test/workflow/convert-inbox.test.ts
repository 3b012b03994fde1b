// The pull request that carries a workbook, on a local git repository (as the workflow runs it):
// main holds the other-province fixture; the pull-request branch uploads a commune's workbook
// (its number of households changed) and a CSV renamed .xlsx into data/inbox/. `convert-inbox --commit`
// writes the commune's YAML, removes its workbook and commits both on the branch, which is
// pushed to the remote; the refused file stays, its problem in the summary, and check fails on
// it; `diff` then shows the changed value to the reviewer.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILES, expectAt, makeFixture, type Fixture } from "../check/fixture.js";
import { editWorkbook, exportUnit, valueCell } from "../xlsx/helpers.js";
import { git, runScript, type Run } from "./helpers.js";

describe("npm run convert-inbox (pull request with a workbook)", () => {
  let fx: Fixture;
  let remote: string;
  let out: Run;
  let summary: string;
  let oldValue: number;

  beforeAll(async () => {
    fx = makeFixture();
    remote = mkdtempSync(join(tmpdir(), "convert-inbox-remote-"));
    git(remote, "-c", "init.defaultBranch=main", "init", "-q", "--bare");
    git(fx.root, "-c", "init.defaultBranch=main", "init", "-q");
    git(fx.root, "add", "-A");
    git(fx.root, "commit", "-q", "-m", "Số liệu ban đầu");
    git(fx.root, "remote", "add", "origin", remote);
    git(fx.root, "push", "-q", "origin", "main");

    git(fx.root, "checkout", "-q", "-b", "cap-nhat-hoa-binh");
    const { buf, layout } = await exportUnit(fx.data, "00123", fx.root);
    const at = valueCell(layout, "ho_dan_cu", "y2017");
    const edited = await editWorkbook(buf, (wb) => {
      const c = wb.getWorksheet(at.sheet)!.getCell(at.address);
      oldValue = Number(c.value);
      c.value = oldValue + 5;
    });
    fx.write("inbox/00123.xlsx", edited);
    fx.write("inbox/00126.xlsx", "TT,Chỉ tiêu\n1,Số hộ nghèo\n");
    git(fx.root, "add", "-A");
    git(fx.root, "commit", "-q", "-m", "Tải lên sổ Excel");
    git(fx.root, "push", "-q", "origin", "cap-nhat-hoa-binh");

    out = runScript("convert-inbox", ["--base", "main", "--data", "data", "--commit", "--summary", "summary.md"], fx.root);
    summary = existsSync(join(fx.root, "summary.md")) ? readFileSync(join(fx.root, "summary.md"), "utf8") : "";
    git(fx.root, "push", "-q", "origin", "HEAD:cap-nhat-hoa-binh");
  }, 180_000);
  afterAll(() => {
    fx?.cleanup();
    if (remote) rmSync(remote, { recursive: true, force: true });
  });

  it("exits 0 and prints the report file it wrote", () => {
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(`data/${FILES.commune}\n`);
  });

  it("commits the YAML and the workbook's removal on the branch, and the commit reaches the remote branch", () => {
    expect(git(fx.root, "log", "-1", "--format=%s")).toBe("Chuyển sổ Excel thành YAML: 00123 (Phường Hòa Bình)\n");
    expect(git(fx.root, "show", "--name-status", "--format=", "HEAD").trim().split("\n").sort()).toEqual([`D\tdata/inbox/00123.xlsx`, `M\tdata/${FILES.commune}`]);
    expect(git(remote, "rev-parse", "cap-nhat-hoa-binh")).toBe(git(fx.root, "rev-parse", "HEAD"));
    expect(git(fx.root, "status", "--porcelain")).toBe("?? summary.md\n");
    expect(fx.read(FILES.commune)).toContain(`ho_dan_cu: {baseline: 1200, y2016: 1210, y2017: ${oldValue + 5}, mid2018: 1234}`);
  });

  it("leaves the refused file in data/inbox/ and explains it in the job summary", () => {
    expect(existsSync(join(fx.data, "inbox/00126.xlsx"))).toBe(true);
    expect(summary).toContain("## Sổ Excel tải lên (data/inbox/)");
    expect(summary).toContain("- ✔ `data/inbox/00123.xlsx` → `data/reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml` (Phường Hòa Bình, mã 00123).");
    expect(summary).toContain("- ✖ `data/inbox/00126.xlsx`: không đọc được, chưa ghi gì vào số liệu (1 lỗi).");
    expect(summary).toContain("XLSX_NOT_XLSX");
  });

  it("check then fails on the refused workbook only; diff shows the converted value", () => {
    const result = fx.check();
    expectAt(result, { code: "INBOX_WORKBOOK", severity: "error", file: "data/inbox/00126.xlsx", line: 0, column: 0 });
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["INBOX_WORKBOOK"]);
    const diff = runScript("diff", ["--base", "main", "--data", "data"], fx.root);
    expect(diff.status, diff.stderr).toBe(0);
    const vi = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
    expect(diff.stdout).toContain(`Phường Hòa Bình — Tổng số hộ dân cư cuối năm 2017: ${vi(oldValue)} → ${vi(oldValue + 5)} (`);
  });

  it("does nothing when the pull request uploads no workbook", () => {
    const r = runScript("convert-inbox", ["--base", "HEAD", "--data", "data"], fx.root);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
  });
});
