// The rules that keep a report's figures possible under the programme: exhaustive breakdowns,
// parts given with their totals, counts that need another count (trainees need classes), money
// only from the sources a component may use and, for Chương trình 135, only where a 135
// commune is managed; a compiling unit's document not dated before its children's deadline; and
// a form's sum rows naming rows that exist. Each from the valid other-province fixture with one
// thing broken: code, severity, file, line, column and what the message or hint says.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FILES, expectAt, makeFixture, only, type Fixture } from "./fixture.js";

const C = FILES.commune;
const LAST_VALUE = "  ho_can_ngheo_phat_sinh: {y2016: 8, y2017: 9, mid2018: 3}\n";
let fx: Fixture;
beforeEach(() => {
  fx = makeFixture();
});
afterEach(() => fx.cleanup());

const at = (code: string, severity: "error" | "warning", rel: string, line: number, column: number) => ({ code: code as never, severity, file: fx.shown(rel), line, column });
/** Adds lines to the commune's values, right after its last value line (line 28), so they start at line 29. */
const addValues = (...lines: string[]) => fx.edit(C, LAST_VALUE, LAST_VALUE + lines.map((l) => `  ${l}\n`).join(""));

describe("breakdowns and parts", () => {
  it("VALUE_BREAKDOWN_SUM: the types of new infrastructure works do not add up to the works", () => {
    addValues(
      "cong_trinh_ha_tang_moi: {y2016: 3}",
      "cong_trinh_giao_thong: {y2016: 2}",
      "cong_trinh_thuy_loi: {y2016: 1}",
      "cong_trinh_truong_lop: {y2016: 1}",
      "cong_trinh_tram_y_te: {y2016: 0}",
      "cong_trinh_nha_sinh_hoat_cong_dong: {y2016: 0}",
      "cong_trinh_dien: {y2016: 0}",
      "cong_trinh_nuoc_sinh_hoat: {y2016: 0}",
      "cong_trinh_khac: {y2016: 0}",
    );
    const d = expectAt(fx.check(), at("VALUE_BREAKDOWN_SUM", "error", C, 30, 34));
    expect(d.message).toContain("cộng lại bằng 4");
    expect(d.message).toContain("số công trình cơ sở hạ tầng được đầu tư mới (3)");
  });

  it("VALUE_PARTS_SUM_EXCEEDS: 59 loans, of which poor 29 + near-poor 25 + newly out of poverty 16 = 70", () => {
    addValues("luot_ho_vay_von: {y2016: 59}", "luot_ho_ngheo_vay_von: {y2016: 29}", "luot_ho_can_ngheo_vay_von: {y2016: 25}", "luot_ho_moi_thoat_ngheo_vay_von: {y2016: 16}");
    const r = fx.check();
    const d = expectAt(r, at("VALUE_PARTS_SUM_EXCEEDS", "error", C, 30, 34));
    expect(d.message).toContain("cộng lại bằng 70");
    expect(d.message).toContain("(59)");
    expect(d.hint).toContain("loại trừ nhau");
    expect(only(r, "VALUE_PART_EXCEEDS")).toHaveLength(0); // each part alone is within the total
  });

  it("VALUE_PARTS_SUM_EXCEEDS leaves out the ethnic-minority row, which overlaps the three groups", () => {
    addValues("ho_duoc_ho_tro_sinh_ke_da3: {y2016: 20}", "ho_ngheo_duoc_ho_tro_sinh_ke_da3: {y2016: 10}", "ho_can_ngheo_duoc_ho_tro_sinh_ke_da3: {y2016: 6}", "ho_moi_thoat_ngheo_duoc_ho_tro_sinh_ke_da3: {y2016: 4}", "ho_dtts_duoc_ho_tro_sinh_ke_da3: {y2016: 15}");
    expect(only(fx.check(), "VALUE_PARTS_SUM_EXCEEDS")).toHaveLength(0);
  });

  it("REPORT_INCOMPLETE: new works given without their types, in a submitted report", () => {
    addValues("cong_trinh_ha_tang_moi: {y2016: 3}");
    expect(expectAt(fx.check(), at("REPORT_INCOMPLETE", "error", C, 17, 1)).message).toContain("cong_trinh_giao_thong.y2016");
  });

  it("VALUE_PART_WITHOUT_TOTAL: supported poor households given, the supported households left out", () => {
    addValues("ho_ngheo_duoc_ho_tro_sinh_ke: {y2016: 5}");
    const d = expectAt(fx.check(), at("VALUE_PART_WITHOUT_TOTAL", "error", C, 29, 41));
    expect(d.message).toContain("để trống");
    expect(d.hint).toContain("ho_duoc_ho_tro_sinh_ke");
  });

  it("VALUE_REQUIRES: 92 trainees in a year with 0 training classes", () => {
    addValues("lop_tap_huan: {y2016: 0, y2017: 2}", "luot_nguoi_tap_huan: {y2016: 92, y2017: 50}");
    const r = fx.check();
    const d = expectAt(r, at("VALUE_REQUIRES", "error", C, 30, 32));
    expect(d.message).toContain("92");
    expect(d.message).toContain("số lớp tập huấn");
    expect(only(r, "VALUE_REQUIRES")).toHaveLength(1); // 2017 has classes
  });
});

describe("money by the programme's rules", () => {
  it("FINANCE_SOURCE_NOT_ALLOWED: development-investment capital on Dự án 4 (recurrent capital only)", () => {
    fx.edit(C, "{component: DA4.TDA2, source: ndp_sn, period: y2016", "{component: DA4.TDA2, source: ndp_dtpt, period: y2016");
    const d = expectAt(fx.check(), at("FINANCE_SOURCE_NOT_ALLOWED", "error", C, 30, 35));
    expect(d.message).toContain("DA4.TDA2");
    expect(d.hint).toContain("Ngân sách địa phương - vốn sự nghiệp");
    expect(d.hint).not.toContain("đầu tư phát triển");
  });

  it("FINANCE_SOURCE_NOT_ALLOWED: credit written as finance, when Biểu 07's lending declares it once", () => {
    fx.edit(C, "{component: DA4.TDA2, source: ndp_sn, period: y2017", "{component: DA4.TDA2, source: tin_dung, period: y2017");
    const d = expectAt(fx.check(), at("FINANCE_SOURCE_NOT_ALLOWED", "error", C, 31, 35));
    expect(d.hint).toContain("doanh_so_cho_vay");
  });

  it("FINANCE_FLAG_REQUIRED: Chương trình 135 money in a ward that is not a 135 commune; accepted once it is flagged", () => {
    fx.edit(C, "{component: DA4.TDA2, source: ndp_sn, period: y2016", "{component: DA2.TDA2, source: ndp_sn, period: y2016");
    const d = expectAt(fx.check(), at("FINANCE_FLAG_REQUIRED", "error", C, 30, 17));
    expect(d.message).toContain("Phường Hòa Bình");
    expect(d.message).toContain("DA2.TDA2");
    fx.write("unit-flags.yaml", 'source: Kiểm thử\nillustrative: true\nlabels:\n  xa_135: Xã thuộc Chương trình 135\nflags:\n  xa_135: ["00123"]\n');
    expect(only(fx.check(), "FINANCE_FLAG_REQUIRED")).toEqual([]);
  });

  it("FINANCE_FLAG_REQUIRED: a district manages 135 money only when one of its communes is flagged", () => {
    fx.write("unit-flags.yaml", 'source: Kiểm thử\nillustrative: true\nflags:\n  xa_135: ["00130"]\n');
    fx.edit(C, "{component: DA4.TDA2, source: ndp_sn, period: y2016", "{component: DA2.TDA2, source: ndp_sn, period: y2016");
    // 00130 is in the other district: this ward's district (901) manages no 135 commune.
    expect(only(fx.check(), "FINANCE_FLAG_REQUIRED")).toHaveLength(1);
  });
});

describe("dates and forms", () => {
  it("DOCUMENT_BEFORE_DEADLINE: a district report dated before the communes' deadline (a warning: exit 0)", () => {
    fx.edit(FILES.district, "  date: 2018-08-20", "  date: 2018-07-20");
    const d = expectAt(fx.check(), at("DOCUMENT_BEFORE_DEADLINE", "warning", FILES.district, 9, 9));
    expect(d.message).toContain("20/7/2018");
    expect(d.message).toContain("31/7/2018");
    expect(fx.cli("json").status).toBe(0);
  });

  it("CATALOGUE_FORM_ROW_REF: a total row adding a row that the form does not have", () => {
    fx.edit("forms/B04.yaml", "sum: I+II+III+IV,", "sum: I+II+III+V,");
    const d = expectAt(fx.check(), at("CATALOGUE_FORM_ROW_REF", "error", "forms/B04.yaml", 38, 37));
    expect(d.message).toContain('"V"');
  });

  it("CATALOGUE_FORM_ROW_REF: a disjoint group leaving out a row that is not among its parts", () => {
    fx.edit("forms/B06.yaml", "except: [ho_dtts_duoc_ho_tro_sinh_ke]", "except: [ho_dtts_duoc_ho_tro]");
    const d = expectAt(fx.check(), at("CATALOGUE_FORM_ROW_REF", "error", "forms/B06.yaml", 42, 192));
    expect(d.message).toContain('"ho_dtts_duoc_ho_tro"');
  });
});
