// The pure part of `npm run diff`: cases the golden repository does not show (a removed report,
// a file that no longer parses, configuration changes, a unit code not in the tree, zero bases).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixture, type Fixture } from "../check/fixture.js";
import type { Dataset } from "../../scripts/lib/model/dataset.js";
import { looseReport, periodPhrase, relativeChange, summarizeDiff, type DiffInput } from "../../scripts/lib/review/summarize-diff.js";

describe("summarizeDiff", () => {
  let fx: Fixture;
  let ds: Dataset;
  beforeAll(() => {
    fx = makeFixture();
    ds = fx.check().dataset!;
  });
  afterAll(() => fx.cleanup());

  const input = (over: Partial<DiffInput>): DiffInput => ({ base: "origin/main", ctx: ds, reports: [], others: [], newDiagnostics: [], resolved: 0, ...over });
  const report = (unit: string, values: Record<string, Record<string, number | null>>, extra: Record<string, unknown> = {}) =>
    looseReport({ unit, status: "dang_soan", submitted_on: null, approved_on: null, document: { signer: {} }, values, finance: [], narrative: {}, ...extra })!;

  it("formats relative changes and period phrases in Vietnamese", () => {
    expect(relativeChange(112, 98)).toBe("−12,5%");
    expect(relativeChange(40, 50)).toBe("+25,0%");
    expect(relativeChange(0, 5)).toBeNull();
    const ind = (id: string) => ds.catalogue.indicators.find((i) => i.id === id);
    expect(periodPhrase(ind("ho_ngheo"), "baseline", ds.project.periods)).toBe("cuối năm 2015");
    expect(periodPhrase(ind("ho_ngheo"), "mid2018", ds.project.periods)).toBe("tại 30/6/2018");
    expect(periodPhrase(ind("ho_thoat_ngheo"), "mid2018", ds.project.periods)).toBe("6 tháng đầu năm 2018");
  });

  it("says when nothing in the data folder changed", () => {
    expect(summarizeDiff(input({}))).toBe("## Thay đổi số liệu so với `origin/main`\n\nKhông có thay đổi nào trong thư mục số liệu.\n");
  });

  it("reports a removed report, an unreadable one, an unknown unit, a zero base, and configuration changes", () => {
    const md = summarizeDiff(
      input({
        reports: [
          { shown: "data/reports/902-huyen-son-khe/00130-thi-tran-son-khe.yaml", change: "removed", before: report("00130", {}, { status: "da_nop", submitted_on: "2018-07-20" }), after: null },
          { shown: "data/reports/902-huyen-son-khe/902-huyen-son-khe.yaml", change: "modified", before: report("902", {}), after: null, afterUnreadable: true },
          { shown: "data/reports/901-thanh-pho-binh-an/00999-xa-moi.yaml", change: "modified", before: report("00999", { ho_ngheo: { y2017: 0 } }), after: report("00999", { ho_ngheo: { y2017: 4 } }) },
        ],
        others: [
          { shown: "data/catalogue/indicators.yaml", rel: "catalogue/indicators.yaml", change: "modified" },
          { shown: "data/geo/districts.geojson", rel: "geo/districts.geojson", change: "modified" },
        ],
      }),
    );
    expect(md).toContain("2 báo cáo sửa, 0 báo cáo thêm mới, 1 báo cáo bị xóa; 2 tệp số liệu khác.");
    expect(md).toContain("**Trạng thái trước khi xóa:** Đã nộp; ngày nộp 20/7/2018");
    expect(md).toContain("Tệp hiện không đọc được (sai cú pháp YAML): xem lỗi bên dưới.");
    expect(md).toContain('### Mã đơn vị "00999" (không có trong danh sách đơn vị)');
    expect(md).toContain('- "00999" — Số hộ nghèo cuối năm 2017: 0 → 4\n');
    expect(md).toContain("- đã xóa: `data/reports/902-huyen-son-khe/00130-thi-tran-son-khe.yaml` — Thị trấn Sơn Khê (mã 00130)");
    expect(md).toContain("- Mọi văn bản, kể cả kế hoạch `documents/ke-hoach.{docx,html,md}`: tệp cấu hình, danh mục thay đổi (`data/catalogue/indicators.yaml`).");
    expect(md).toContain("- sửa: `data/geo/districts.geojson`");
    expect(md).toContain("- `documents/902-huyen-son-khe/00130-thi-tran-son-khe.{docx,html,md}` — Thị trấn Sơn Khê (báo cáo của đơn vị)");
    expect(md).toContain("- `documents/99-tinh-mau.{docx,html,md}` — Tỉnh Mẫu (tổng hợp từ đơn vị cấp dưới)");
  });

  it("escapes Markdown in data strings", () => {
    const md = summarizeDiff(
      input({
        reports: [
          {
            shown: "data/reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml",
            change: "modified",
            before: report("00123", {}, { document: { signer: { name: "A" } } }),
            after: report("00123", {}, { document: { signer: { name: "<b>*B*</b>" } } }),
          },
        ],
      }),
    );
    expect(md).toContain('- Họ và tên người ký: "A" → "\\<b\\>\\*B\\*\\</b\\>"');
  });
});
