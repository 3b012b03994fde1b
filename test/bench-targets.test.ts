import { describe, expect, it } from "vitest";
import { verdictTable, verdicts, type TargetFigures } from "../scripts/lib/bench-targets.js";

const figures = (over: Partial<TargetFigures>): TargetFigures => ({
  check_s: null,
  build_cold_s: null,
  build_noop_s: null,
  build_one_edit_s: null,
  peak_rss_mb: null,
  floor_parse_s: 0,
  floor_docx_s: null,
  ...over,
});

describe("bench targets (issue 11)", () => {
  it("judges each measured figure against its limit, a figure at the limit meeting it", () => {
    const province = figures({ build_cold_s: 23.8, build_noop_s: 0.24, build_one_edit_s: 3 });
    const nation = figures({ check_s: 13.5, build_cold_s: 533, build_one_edit_s: 12.9, peak_rss_mb: 2724, floor_parse_s: 97, floor_docx_s: 700 });
    const rows = verdicts(province, nation, true);
    expect(rows.map((r) => [r.label, r.met])).toEqual([
      ["tỉnh: build lần đầu", false],
      ["tỉnh: build không đổi gì", true],
      ["tỉnh: build sau khi sửa một xã", true],
      ["toàn quốc: check", true],
      ["toàn quốc: build lần đầu", false],
      ["toàn quốc: bộ nhớ đỉnh", true],
      ["toàn quốc: build sau khi sửa một xã", false],
      ["toàn quốc: build lần đầu ≤ 3 × sàn đọc YAML + sàn đóng gói DOCX", true],
    ]);
    // 3 × 97 + 700
    expect(rows.at(-1)!.limit).toBe(991);
  });

  it("reads 3 GB strictly: 2 900 MB of resident memory is over it", () => {
    const nation = figures({ build_cold_s: 200, peak_rss_mb: 2900 });
    expect(verdicts(undefined, nation, true).find((r) => r.unit === "MB")).toMatchObject({ met: false, limit: 3e9 / 2 ** 20 });
  });

  it("leaves out what was not measured, and the nation's absolute targets for a smaller nation", () => {
    const nation = figures({ check_s: 5, build_cold_s: 40, peak_rss_mb: 900, floor_parse_s: 4, floor_docx_s: 20 });
    expect(verdicts(figures({ build_noop_s: 0.5 }), nation, false).map((r) => r.label)).toEqual(["tỉnh: build không đổi gì", "toàn quốc: build lần đầu ≤ 3 × sàn đọc YAML + sàn đóng gói DOCX"]);
    // --no-build: a check's memory is not the build's target
    expect(verdicts(undefined, figures({ check_s: 13, peak_rss_mb: 900 }), true).map((r) => r.label)).toEqual(["toàn quốc: check"]);
  });

  it("prints a table with decimal commas and the unmet targets in bold", () => {
    const table = verdictTable(verdicts(figures({ build_cold_s: 23.84, build_noop_s: 0.24 }), undefined, true));
    expect(table).toBe(
      "| mục tiêu | đo được | giới hạn | |\n| --- | ---: | ---: | --- |\n" +
        "| tỉnh: build lần đầu | 23,8 giây | ≤ 15,0 giây | **chưa đạt** |\n" +
        "| tỉnh: build không đổi gì | 0,2 giây | ≤ 2,0 giây | đạt |\n",
    );
  });
});
