// One test per cross-file rule, each from the valid other-province fixture with one thing broken:
// the diagnostic's code, severity, file, line and column, and what its message or hint names.
// Warnings (over plan, late, roll-up) leave the data valid: the CLI exits 0.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FILES, expectAt, makeFixture, only, type Fixture } from "./fixture.js";

const C = FILES.commune;
let fx: Fixture;
beforeEach(() => {
  fx = makeFixture();
});
afterEach(() => fx.cleanup());

const at = (code: string, severity: "error" | "warning", rel: string, line: number, column: number) => ({ code: code as never, severity, file: fx.shown(rel), line, column });

describe("the unit tree", () => {
  it("UNIT_DUPLICATE_CODE: a code declared twice, at the second, naming the first", () => {
    fx.edit("units.yaml", 'code: "00126"', 'code: "00123"');
    const d = expectAt(fx.check(), at("UNIT_DUPLICATE_CODE", "error", "units.yaml", 36, 11));
    expect(d.message).toContain("Phường Hòa Bình");
  });

  it("UNIT_DUPLICATE_CODE: a department reusing a commune's code", () => {
    fx.edit("departments.yaml", "code: ban-dan-toc", 'code: "00123"');
    expect(expectAt(fx.check(), at("UNIT_DUPLICATE_CODE", "error", "departments.yaml", 12, 11)).message).toContain("data/units.yaml");
  });

  it("UNIT_UNKNOWN_POLICY: a department keeping a policy the catalogue does not have, at the misspelt code", () => {
    fx.edit("departments.yaml", "    chairs: [DA2]\n", "    chairs: [DA2]\n    source_of: [tin_dung, tin-dung]\n");
    const d = expectAt(fx.check(), at("UNIT_UNKNOWN_POLICY", "error", "departments.yaml", 20, 27));
    expect(d.message).toContain('"tin-dung"');
    expect(d.hint).toContain("tin_dung");
    expect(only(fx.check(), "UNIT_UNKNOWN_POLICY")).toHaveLength(1);
  });

  it("UNIT_UNKNOWN_PARENT: a parent that does not exist (and no folder advice for its report)", () => {
    fx.edit("units.yaml", 'parent: "902"\n    area: thanh_thi', 'parent: "903"\n    area: thanh_thi');
    const r = fx.check();
    expect(expectAt(r, at("UNIT_UNKNOWN_PARENT", "error", "units.yaml", 48, 13)).message).toContain('"903"');
    expect(only(r, "REPORT_WRONG_FOLDER")).toEqual([]);
  });

  it("UNIT_CYCLE: a district whose parent is its own commune; the check still ends (CLI exit 1)", () => {
    fx.edit("units.yaml", /(code: "901"[\s\S]*?)parent: "99"/, '$1parent: "00123"');
    const d = expectAt(fx.check(), at("UNIT_CYCLE", "error", "units.yaml", 18, 13));
    expect(d.message).toContain("901 → 00123 → 901");
    expect(fx.cli("json").status).toBe(1);
  });
});

describe("report files", () => {
  it("REPORT_UNKNOWN_UNIT: an unknown code, with a did-you-mean", () => {
    fx.edit(C, 'unit: "00123"', 'unit: "00132"');
    expect(expectAt(fx.check(), at("REPORT_UNKNOWN_UNIT", "error", C, 2, 7)).hint).toContain('"00130"');
  });

  it("REPORT_WRONG_FOLDER: filed under another district, pointing to the right path", () => {
    const moved = "reports/902-huyen-son-khe/00123-phuong-hoa-binh.yaml";
    fx.write(moved, fx.read(C));
    fx.remove(C);
    const d = expectAt(fx.check(), at("REPORT_WRONG_FOLDER", "error", moved, 2, 7));
    expect(d.hint).toBe(`Chuyển tệp tới ${fx.shown(C)}.`);
  });

  it("REPORT_FILE_NAME: a file named for another unit", () => {
    const renamed = "reports/901-thanh-pho-binh-an/00129-phuong-hoa-binh.yaml";
    fx.write(renamed, fx.read(C));
    fx.remove(C);
    const d = expectAt(fx.check(), at("REPORT_FILE_NAME", "error", renamed, 2, 7));
    expect(d.message).toContain('"00129"');
    expect(d.hint).toContain("00123-phuong-hoa-binh.yaml");
  });
});

describe("status and dates", () => {
  it("STATUS_DATE_MISSING: submitted without a submission date", () => {
    fx.edit(C, "submitted_on: 2018-07-25", "submitted_on: null");
    expect(expectAt(fx.check(), at("STATUS_DATE_MISSING", "error", C, 5, 15)).message).toContain("submitted_on");
  });

  it("STATUS_DATE_ORDER: approved before it was submitted", () => {
    fx.edit(FILES.commune2, "approved_on: 2018-07-30", "approved_on: 2018-07-10");
    const d = expectAt(fx.check(), at("STATUS_DATE_ORDER", "error", FILES.commune2, 6, 14));
    expect(d.message).toContain("10/7/2018");
    expect(d.message).toContain("20/7/2018");
  });

  it("STATUS_LATE: submitted after the commune deadline is a warning (CLI exit 0)", () => {
    fx.edit(C, "submitted_on: 2018-07-25", "submitted_on: 2018-08-03");
    const r = fx.check();
    expect(expectAt(r, at("STATUS_LATE", "warning", C, 5, 15)).message).toContain("chậm 3 ngày");
    expect(r.ok).toBe(true);
    expect(fx.cli("json").status).toBe(0);
  });
});

describe("values", () => {
  it("VALUE_STOCK_FLOW: closing ≠ opening − out + back + new", () => {
    fx.edit(C, "ho_ngheo: {baseline: 150, y2016: 130", "ho_ngheo: {baseline: 150, y2016: 131");
    const d = expectAt(fx.check(), at("VALUE_STOCK_FLOW", "error", C, 19, 36));
    expect(d.message).toBe("Số hộ nghèo cuối năm 2016 là 131, nhưng đầu kỳ 150 − 30 + 10 = 130.");
  });

  it("VALUE_PART_EXCEEDS: poor minority households above all poor households", () => {
    fx.edit(C, "ho_ngheo_dtts: {baseline: 40", "ho_ngheo_dtts: {baseline: 400");
    const d = expectAt(fx.check(), at("VALUE_PART_EXCEEDS", "error", C, 23, 29));
    expect(d.message).toContain("(400)");
    expect(d.message).toContain("(150)");
  });

  it("VALUE_RATE_RANGE: more poor households than households (no part_of between them)", () => {
    fx.edit(C, "ho_dan_cu: {baseline: 1200", "ho_dan_cu: {baseline: 120");
    const r = fx.check();
    expect(r.dataset!.catalogue.indicators.find((i) => i.id === "ho_ngheo")!.part_of).toBeUndefined();
    expect(expectAt(r, at("VALUE_RATE_RANGE", "error", C, 19, 24)).message).toContain("125,00%");
    expect(only(r, "VALUE_PART_EXCEEDS")).toEqual([]);
  });

  it("VALUE_COMPUTED_INDICATOR: a rate typed in by hand", () => {
    fx.edit(C, "  ho_thoat_ngheo:", "  ty_le_ho_ngheo: {baseline: 12.5}\n  ho_thoat_ngheo:");
    expect(expectAt(fx.check(), at("VALUE_COMPUTED_INDICATOR", "error", C, 20, 3)).message).toContain("Tỷ lệ hộ nghèo");
  });

  it("VALUE_UNKNOWN_INDICATOR: a misspelt indicator id, with a suggestion", () => {
    fx.edit(C, "  ho_tai_ngheo:", "  ho_tai_ngeo:");
    expect(expectAt(fx.check(), at("VALUE_UNKNOWN_INDICATOR", "error", C, 21, 3)).hint).toContain('"ho_tai_ngheo"');
  });

  it("FINANCE_OVER_PLAN: disbursed above plan is a warning (CLI exit 0)", () => {
    fx.edit(C, "plan: 150, disbursed: 140", "plan: 150, disbursed: 160");
    const r = fx.check();
    const d = expectAt(r, at("FINANCE_OVER_PLAN", "warning", C, 31, 80));
    expect(d.message).toContain("160");
    expect(r.ok).toBe(true);
    expect(fx.cli("json").status).toBe(0);
  });
});

describe("roll-up", () => {
  it("ROLLUP_MISMATCH: a district total ≠ its fully-reported communes' sum, naming both numbers", () => {
    fx.edit(FILES.district, "mid2018: 2054}", "mid2018: 2060}");
    const r = fx.check();
    const d = expectAt(r, at("ROLLUP_MISMATCH", "warning", FILES.district, 18, 66));
    expect(d.message).toContain("2.060");
    expect(d.message).toContain("2.054");
    expect(d.hint).toContain("Phường Hòa Bình (1.234)");
    expect(r.diagnostics).toHaveLength(1);
    expect(r.ok).toBe(true);
  });

  it("ROLLUP_MISMATCH is not raised while a commune has not reported", () => {
    fx.edit(FILES.district, "mid2018: 2054}", "mid2018: 2060}");
    fx.edit(FILES.commune2, "status: da_duyet", "status: dang_soan");
    fx.edit(FILES.commune2, "submitted_on: 2018-07-20\napproved_on: 2018-07-30", "submitted_on: null\napproved_on: null");
    expect(only(fx.check(), "ROLLUP_MISMATCH")).toEqual([]);
  });
});

describe("levels are data", () => {
  it("CATALOGUE_UNKNOWN_REF: an outline section or a form switched on for a level project.yaml does not declare", () => {
    fx.edit("forms/B02.yaml", "levels: [district, province]", "levels: [district, province, region]");
    fx.edit("catalogue/outline.yaml", "    levels: [commune, district, province]\n    narrative: dac_diem_tinh_hinh", "    levels: [commune, region, province]\n    narrative: dac_diem_tinh_hinh");
    const r = fx.check();
    expect(expectAt(r, at("CATALOGUE_UNKNOWN_REF", "error", "forms/B02.yaml", 9, 30)).message).toContain('"region"');
    expectAt(r, at("CATALOGUE_UNKNOWN_REF", "error", "catalogue/outline.yaml", 14, 23));
    expect(r.ok).toBe(false);
  });

  it("accepts a level declared in project.yaml that the bundled data does not have", () => {
    fx.edit("project.yaml", "  - id: district\n", "  - id: region\n    name: Vùng\n    unit_noun: vùng\n    parent: province\n    kind: territory\n    deadline_item: cap_huyen\n    addressees: {parent_authority: true}\n  - id: district\n");
    fx.edit("forms/B02.yaml", "levels: [district, province]", "levels: [district, province, region]");
    expect(fx.check().diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("the catalogue's roles", () => {
  it("CATALOGUE_UNKNOWN_REF: a role, a key figure or a card of the unit page naming an indicator or a group the catalogue does not have, at the name", () => {
    fx.edit("catalogue/indicators.yaml", "  poverty_rate: ty_le_ho_ngheo\n", "  poverty_rate: ty_le_ngheo\n");
    fx.edit("catalogue/indicators.yaml", "key_groups: [dan_cu, ho_ngheo, ho_can_ngheo, thieu_hut]", "key_groups: [dan_cu, ho_ngheo, ho_can_ngheo, thieu_hut_dv]");
    fx.edit("catalogue/indicators.yaml", "ho_thoat_ngheo, ho_tai_ngheo, ho_ngheo_phat_sinh]", "ho_thoat_ngheo, ho_tai_ngheo_x, ho_ngheo_phat_sinh]");
    fx.edit("catalogue/indicators.yaml", "label: Hộ nghèo, rate: ty_le_ho_ngheo }", "label: Hộ nghèo, rate: ty_le_ngheo }");
    // Where each wrong name stands in the edited file (1-based line and column), found in its text.
    const lines = fx.read("catalogue/indicators.yaml").split("\n");
    const where = (lineText: string, name: string): [number, number] => {
      const k = lines.findIndex((l) => l.includes(lineText));
      expect(k, lineText).toBeGreaterThanOrEqual(0);
      return [k + 1, lines[k]!.indexOf(name) + 1];
    };
    const r = fx.check();
    const expectRef = ([line, column]: [number, number], name: string) => expect(expectAt(r, at("CATALOGUE_UNKNOWN_REF", "error", "catalogue/indicators.yaml", line, column)).message).toContain(`"${name}"`);
    expectRef(where("  poverty_rate: ty_le_ngheo", "ty_le_ngheo"), "ty_le_ngheo");
    expectRef(where("key_groups: [", "thieu_hut_dv"), "thieu_hut_dv");
    expectRef(where("ho_tai_ngheo_x, ", "ho_tai_ngheo_x"), "ho_tai_ngheo_x");
    expectRef(where("label: Hộ nghèo, rate: ty_le_ngheo", "ty_le_ngheo"), "ty_le_ngheo");
    // Today's file: the places are those of the hand-checked lines 17:17 and 27:48 (roles).
    expect(where("  poverty_rate: ty_le_ngheo", "ty_le_ngheo")).toEqual([17, 17]);
    expect(r.ok).toBe(false);
  });
});
