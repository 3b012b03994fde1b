// Forms that add up: the renderer computes sum rows from the rows they add (Biểu 04: 1, 2, I and
// the grand total I+II+III+IV, with III taken from Biểu 07's lending), a table never mixes a
// unit's declared total with its children's parts, and the build-time audit reads every printed
// table back and names the document, form, row and column of any cell that does not add up.
// Small hand-made cases on the other-province fixture, then every table of the bundled data.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rollUp } from "../../scripts/lib/aggregate/roll-up.js";
import { AuditError, auditEnv, auditTables, readCell, type AuditedTable } from "../../scripts/lib/audit/audit-tables.js";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import type { Dataset } from "../../scripts/lib/model/dataset.js";
import { reportView, type FormView } from "../../scripts/lib/render/view/report-view.js";
import { FILES, REPO, SCHEMAS, makeFixture, type Fixture } from "../check/fixture.js";

let fx: Fixture;
beforeEach(() => {
  fx = makeFixture();
});
afterEach(() => fx.cleanup());

function views(data: string): { ds: Dataset; forms: (code: string) => FormView[] } {
  const r = runCheck({ dataDir: data, schemaDir: SCHEMAS, cwd: REPO });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const ds = r.dataset!;
  const tree = rollUp(ds);
  return { ds, forms: (code) => reportView(ds, tree, ds.units.get(code)!).forms };
}
const form = (forms: FormView[], label: string) => forms.find((f) => f.label === label)!;
const row = (f: FormView, number: string, label?: RegExp) => f.table.rows.find((r) => r.cells[0] === number && (!label || label.test(r.cells[1] ?? "")))!;
const col = (f: FormView, header: string) => f.table.headerPaths.findIndex((p) => p.join(" › ") === header);
const audited = (document: string, f: FormView): AuditedTable => ({ document, form: f.label, table: f.table });
const LAST_VALUE = "  ho_can_ngheo_phat_sinh: {y2016: 8, y2017: 9, mid2018: 3}\n";
/** Adds value lines to the commune's report, after its last value. */
const addValues = (...lines: string[]) => fx.edit(FILES.commune, LAST_VALUE, LAST_VALUE + lines.map((l) => `  ${l}\n`).join(""));

describe("sum rows are computed from their rows", () => {
  beforeEach(() => {
    // The ward also gets central recurrent capital and reports the policy bank's lending (Biểu 07).
    fx.edit(FILES.commune, "finance:\n", "finance:\n  - {component: DA4.TDA1, source: nstw_sn, period: y2016, plan: 80, disbursed: 60}\n");
    fx.edit(FILES.commune, "  ho_can_ngheo_phat_sinh: {y2016: 8, y2017: 9, mid2018: 3}\n", "  ho_can_ngheo_phat_sinh: {y2016: 8, y2017: 9, mid2018: 3}\n  doanh_so_cho_vay: {y2016: 900, y2017: 1100, mid2018: 400}\n");
  });

  it("Biểu 04: 1 and 2 add their sources, I adds 1 + 2 + 3, III is Biểu 07's lending, the total adds I + II + III + IV", () => {
    const b04 = form(views(fx.data).forms("00123"), "Biểu số 04");
    const plan16 = col(b04, "Năm 2016 › Kế hoạch");
    const done = col(b04, "Tổng 2016 - 6/2018 › Thực hiện (giải ngân)");
    const rate = col(b04, "Tỷ lệ giải ngân %");
    expect(row(b04, "1").cells[plan16]).toBe("80"); // central budget: only nstw_sn
    expect(row(b04, "2").cells[plan16]).toBe("120"); // local budget: ndp_sn
    expect(row(b04, "I").cells[plan16]).toBe("200");
    expect(row(b04, "I").cells[done]).toBe("300"); // 60 + 100 + 140
    expect(row(b04, "I").cells[rate]).toBe("85,71"); // 300 / 350
    expect(row(b04, "III").cells[done]).toBe("2.400"); // the same lending as Biểu 07
    expect(row(b04, "III").cells[plan16]).toBe("-");
    expect(row(b04, "").cells[done]).toBe("2.700");
    expect(row(b04, "").cells[rate], "no rate over money that had no plan").toBe("-");
    const b07 = form(views(fx.data).forms("00123"), "Biểu số 07");
    expect(b07.table.rows.find((r) => r.indicator === "doanh_so_cho_vay")!.cells[col(b07, "Tổng 2016 - 6/2018")]).toBe("2.400");
    expect(auditTables([audited("xa.docx", b04)], auditEnv(views(fx.data).ds))).toEqual([]);
  });

  it("the audit names the document, form, row and column of a total that is not the sum of its rows", () => {
    const { ds, forms } = views(fx.data);
    const b04 = form(forms("00123"), "Biểu số 04");
    const plan16 = col(b04, "Năm 2016 › Kế hoạch");
    row(b04, "").cells[plan16] = "201"; // the printed I is 200
    const failures = auditTables([audited("documents/901/00123.docx", b04)], auditEnv(ds));
    expect(failures).toEqual([
      { document: "documents/901/00123.docx", form: "Biểu số 04", row: "TỔNG CỘNG (I+II+III+IV)", column: "Năm 2016 › Kế hoạch", message: expect.stringContaining("201 ≠ tổng các dòng I") },
    ]);
    const err = new AuditError(failures);
    expect(err.message).toContain('documents/901/00123.docx · Biểu số 04 · dòng "TỔNG CỘNG (I+II+III+IV)" · cột "Năm 2016 › Kế hoạch"');
  });

  it("a formula row (I = 1 + 2 + 3) and a disbursement rate that do not match are both named", () => {
    const { ds, forms } = views(fx.data);
    const b04 = form(forms("00123"), "Biểu số 04");
    row(b04, "I").cells[col(b04, "Năm 2016 › Kế hoạch")] = "180";
    row(b04, "2").cells[col(b04, "Tỷ lệ giải ngân %")] = "95,00";
    const failures = auditTables([audited("x", b04)], auditEnv(ds));
    expect(failures.map((f) => [f.row, f.column])).toEqual(
      expect.arrayContaining([
        ["I Vốn thực hiện Chương trình MTQG Giảm nghèo bền vững", "Năm 2016 › Kế hoạch"],
        ["2 Ngân sách địa phương (tỉnh, huyện, xã)", "Tỷ lệ giải ngân %"],
      ]),
    );
  });
});

describe("breakdowns and trong đó groups", () => {
  it("an exhaustive breakdown (types of new works) that does not add up, and a trong đó part above its total", () => {
    addValues("cong_trinh_ha_tang_moi: {y2016: 4}", "cong_trinh_giao_thong: {y2016: 2}", "cong_trinh_thuy_loi: {y2016: 1}", "cong_trinh_truong_lop: {y2016: 1}", "cong_trinh_tram_y_te: {y2016: 0}", "cong_trinh_nha_sinh_hoat_cong_dong: {y2016: 0}", "cong_trinh_dien: {y2016: 0}", "cong_trinh_nuoc_sinh_hoat: {y2016: 0}", "cong_trinh_khac: {y2016: 0}", "luot_ho_vay_von: {y2016: 30}", "luot_ho_ngheo_vay_von: {y2016: 12}");
    const { ds, forms } = views(fx.data);
    const b06 = form(forms("00123"), "Biểu số 06");
    const b07 = form(forms("00123"), "Biểu số 07");
    expect(auditTables([audited("x", b06), audited("x", b07)], auditEnv(ds))).toEqual([]);
    const y2016 = col(b06, "Năm 2016");
    b06.table.rows.find((r) => r.indicator === "cong_trinh_thuy_loi")!.cells[y2016] = "2";
    b07.table.rows.find((r) => r.indicator === "luot_ho_ngheo_vay_von")!.cells[col(b07, "Năm 2016")] = "31";
    const failures = auditTables([audited("x", b06), audited("x", b07)], auditEnv(ds));
    expect(failures).toContainEqual(expect.objectContaining({ form: "Biểu số 06", row: "1.1 Số công trình cơ sở hạ tầng được đầu tư mới", column: "Năm 2016", message: expect.stringContaining("phân tổ đầy đủ: 4 ≠") }));
    expect(failures).toContainEqual(expect.objectContaining({ form: "Biểu số 07", row: "- Trong đó: hộ nghèo", column: "Năm 2016", message: expect.stringContaining("lớn hơn dòng tổng") }));
  });
});

describe("disjoint trong đó groups", () => {
  it("poor, near-poor and newly-out-of-poverty borrowers adding up to more than the loans are named, each part alone under the total", () => {
    addValues("luot_ho_vay_von: {y2016: 30}", "luot_ho_ngheo_vay_von: {y2016: 12}", "luot_ho_can_ngheo_vay_von: {y2016: 10}", "luot_ho_moi_thoat_ngheo_vay_von: {y2016: 8}");
    const { ds, forms } = views(fx.data);
    const b07 = form(forms("00123"), "Biểu số 07");
    expect(auditTables([audited("x", b07)], auditEnv(ds))).toEqual([]); // 12 + 10 + 8 = 30
    b07.table.rows.find((r) => r.indicator === "luot_ho_can_ngheo_vay_von")!.cells[col(b07, "Năm 2016")] = "16";
    const failures = auditTables([audited("x", b07)], auditEnv(ds));
    expect(failures).toEqual([
      expect.objectContaining({ form: "Biểu số 07", row: "1 Số lượt hộ được vay vốn tín dụng ưu đãi", column: "Năm 2016", message: expect.stringContaining("= 36 lớn hơn dòng tổng (30)") }),
    ]);
  });
});

describe("one source per table", () => {
  it("while a commune is still drafting, the city's Biểu 01 shows its own declared figures, not its total beside the communes' parts, and says so", () => {
    fx.edit(FILES.commune2, "status: da_duyet\nsubmitted_on: 2018-07-20\napproved_on: 2018-07-30", "status: dang_soan\nsubmitted_on: null\napproved_on: null");
    const { ds, forms } = views(fx.data);
    const f = forms("901");
    const b01 = form(f, "Biểu số 01");
    const base = col(b01, "Cuối năm 2015 (đầu kỳ)");
    expect(row(b01, "2").cells[base]).toBe("350"); // the city's own figure
    expect(row(b01, "2.2").cells[base], "not the ward's 115 beside the city's 350").toBe("-");
    expect(b01.footnotes[0]).toContain("Số liệu do thành phố báo cáo");
    expect(b01.footnotes[0]).toContain("1/2 xã");
    expect(form(f, "Biểu số 05").footnotes[0] ?? "").not.toContain("Số liệu do");
    expect(auditTables(f.map((x) => audited("901", x)), auditEnv(ds))).toEqual([]);
  });
});

describe("as of the document's date", () => {
  it("the city's report, dated 20/8, leaves out a commune's report submitted on 25/8 and says it was not in hand", () => {
    fx.edit(FILES.commune2, "status: da_duyet\nsubmitted_on: 2018-07-20\napproved_on: 2018-07-30", "status: da_nop\nsubmitted_on: 2018-08-25\napproved_on: null");
    const r = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: REPO });
    const ds = r.dataset!;
    const tree = rollUp(ds);
    const city = ds.units.get("901")!;
    const view = reportView(ds, tree, city);
    const b02 = view.forms.find((f) => f.label === "Biểu số 02")!;
    expect(b02.table.rows.map((x) => x.cells[1])).toContain("Xã Đồng Tâm (chưa báo cáo)");
    expect(view.reporting).toContain("Đến ngày 20/8/2018, 1/2 xã, phường đã gửi báo cáo");
    expect(view.reporting).toContain("chưa gửi: xã Đồng Tâm");
    // The same data with the city's report dated after the commune's has both communes.
    ds.reports.find((x) => x.report.unit === "901")!.report.document.date = "2018-08-26";
    expect(reportView(ds, rollUp(ds), city).forms.find((f) => f.label === "Biểu số 02")!.table.rows.map((x) => x.cells[1])).toContain("Xã Đồng Tâm");
  });
});

describe("the printed numbers", () => {
  it("reads Vietnamese numbers back as printed, with the rounding they carry", () => {
    expect(readCell("28.667")).toEqual({ value: 28667, tol: 0 });
    expect(readCell("7,09")).toEqual({ value: 7.09, tol: 0.005 });
    expect(readCell("−1.321")).toEqual({ value: -1321, tol: 0 });
    expect(readCell("+12")).toEqual({ value: 12, tol: 0 });
    expect(readCell("-")).toBeNull();
  });

  it("names the row and column as printed: a backslash in a label stays", () => {
    const table = {
      headerPaths: [["STT"], ["Nội dung"], ["Năm 2016", "Kế hoạch"]],
      columns: ["number", "label", "plan:y2016"],
      align: ["center", "left", "right"] as ("left" | "center" | "right")[],
      rows: [
        { cells: ["1", "Vốn A\\B", "10"], bold: false },
        { cells: ["2", "Vốn C", "5"], bold: false },
        { cells: ["", "Tổng \\(1+2\\)", "16"], bold: true, sum: [0, 1] },
      ],
    };
    const failures = auditTables([{ document: "d.docx", form: "Biểu số 04", table }], { indicators: new Map(), flowPeriods: [] });
    expect(failures).toEqual([
      { document: "d.docx", form: "Biểu số 04", row: "Tổng \\(1+2\\)", column: "Năm 2016 › Kế hoạch", message: "dòng tổng: 16 ≠ tổng các dòng 1 Vốn A\\B + 2 Vốn C = 15" },
    ]);
  });
});

describe("the bundled data", () => {
  it("every form table of every unit's report adds up", () => {
    const { ds, forms } = views(`${REPO}/data`);
    const tables = [...ds.units.keys()].flatMap((code) => forms(code).map((f) => audited(code, f)));
    expect(tables.length).toBeGreaterThan(1500);
    expect(auditTables(tables, auditEnv(ds)).slice(0, 5)).toEqual([]);
  }, 120_000);
});
