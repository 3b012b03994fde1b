// The notes under a rolled-up report's forms say exactly what the figures add: the money forms
// (Biểu 04, 05) the unit's own money, the departments' and the reporting children's; a policy a
// department keeps for the whole province (units.yaml `source_of`, the policy bank's loans) comes
// from that department's report, not from the districts' sum, and the note says so. Hand-made:
// the fixture province "99" (no report of its own), the city 901 with two reporting communes, the
// district 902 not reported, the department so-ldtbxh with programme money of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollUp } from "../../scripts/lib/aggregate/roll-up.js";
import { loadDataset, type Dataset } from "../../scripts/lib/dataset/load-dataset.js";
import type { ReportFile } from "../../scripts/lib/model/types.js";
import { reportView, type FormView } from "../../scripts/lib/render/view/report-view.js";
import { SCHEMAS, makeFixture, type Fixture } from "../check/fixture.js";

let fx: Fixture;
let ds: Dataset;

const report = (code: string) => ds.reports.find((x) => x.report.unit === code)!.report;
const form = (code: string, label: string): FormView | undefined => reportView(ds, rollUp(ds), ds.units.get(code)!).forms.find((f) => f.label === label);
const num = (s: string | undefined) => (!s || s === "-" ? 0 : Number(s.replace(/\./g, "")));
const cell = (f: FormView, row: (r: { indicator?: string; cells: string[] }) => boolean, column: string) => f.table.rows.find(row)!.cells[f.table.columns.indexOf(column)];
const planOf = (list: ReportFile["finance"]) => list.reduce((t, f) => t + f.plan, 0);
const loans = (y2016: number): ReportFile["values"] => ({ luot_ho_vay_von: { y2016 }, luot_ho_ngheo_vay_von: { y2016: 1 }, doanh_so_cho_vay: { y2016: y2016 * 30 } });

beforeAll(() => {
  fx = makeFixture();
  // The department keeps the province's lending figures, as the policy bank does.
  fx.edit("departments.yaml", "    chairs: [DA3, ho_ngheo]\n", "    chairs: [DA3, ho_ngheo, tin_dung]\n    source_of: [tin_dung]\n");
  const loaded = loadDataset(fx.data, SCHEMAS, fx.root);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  ds = loaded.dataset!;
  report("00123").values = { ...report("00123").values, ...loans(10) };
  report("00126").values = { ...report("00126").values, ...loans(5) };
  report("so-ldtbxh").values = loans(40);
}, 60_000);
afterAll(() => fx.cleanup());

describe("the money forms' note", () => {
  it("names the department's money and the reporting districts' in the province's Biểu 05, as its total adds them", () => {
    report("so-ldtbxh").status = "da_nop";
    const b05 = form("99", "Biểu số 05")!;
    const total = num(cell(b05, (r) => r.cells[1] === "TỔNG CỘNG", "plan:all:I"));
    const city = [report("901"), report("00123"), report("00126")].flatMap((r) => r.finance);
    expect(total).toBe(planOf(report("so-ldtbxh").finance) + planOf(city));
    const note = b05.footnotes.find((n) => n.startsWith("Số liệu vốn"))!;
    expect(note).toMatch(/^Số liệu vốn gồm vốn do 1 sở, ngành quản lý và vốn của 1\/2 [^ ]+.* đã nộp báo cáo/);
    // The province has no money of its own here, so the note does not claim any.
    expect(note).not.toContain("trực tiếp quản lý");
    expect(b05.footnotes.some((n) => n.startsWith("Số liệu tổng hợp từ"))).toBe(false);
  });

  it("drops the department when its report is not in hand, and its money with it", () => {
    report("so-ldtbxh").status = "dang_soan";
    const b05 = form("99", "Biểu số 05")!;
    expect(num(cell(b05, (r) => r.cells[1] === "TỔNG CỘNG", "plan:all:I"))).toBe(planOf([report("901"), report("00123"), report("00126")].flatMap((r) => r.finance)));
    expect(b05.footnotes.find((n) => n.startsWith("Số liệu vốn"))).not.toContain("sở, ngành");
    report("so-ldtbxh").status = "da_nop";
  });

  it("says in Biểu 04 which rows are money and where the rows from Biểu 07 come from", () => {
    const notes = form("99", "Biểu số 04")!.footnotes;
    expect(notes.find((n) => n.startsWith("Số liệu vốn"))).toMatch(/^Số liệu vốn \(dòng I, II\) gồm /);
    expect(notes.find((n) => n.startsWith("Dòng IV"))).toMatch(/^Dòng IV: số liệu tổng hợp từ 1\/2 .* đã nộp báo cáo\.$/);
    expect(notes.find((n) => n.startsWith("Dòng III"))).toMatch(/^Dòng III: số liệu theo báo cáo của Sở Lao động - Thương binh và Xã hội ngày 25\/8\/2018/);
    // Row III is the department's lending (40 × 30), not the city's (15 × 30).
    expect(cell(form("99", "Biểu số 04")!, (r) => r.cells[0] === "III", "disbursed:y2016")).toBe("1.200");
  });

  it("names the city's communes in the city's note, and none in a commune's", () => {
    expect(form("901", "Biểu số 05")!.footnotes.find((n) => n.startsWith("Số liệu vốn"))).toMatch(/^Số liệu vốn gồm vốn của 2\/2 .* đã nộp báo cáo\.$/);
    expect(form("00123", "Biểu số 05")!.footnotes.some((n) => n.startsWith("Số liệu vốn"))).toBe(false);
  });
});

describe("a policy the department keeps for the whole province", () => {
  const loansRow = (r: { indicator?: string }) => r.indicator === "luot_ho_vay_von";

  it("comes from the department's report in the province's Biểu 07, with a note naming it", () => {
    report("so-ldtbxh").status = "da_nop";
    const b07 = form("99", "Biểu số 07")!;
    expect(cell(b07, loansRow, "value:y2016")).toBe("40");
    expect(b07.footnotes[0]).toMatch(/^Mục I \(tín dụng ưu đãi\): số liệu theo báo cáo của Sở Lao động - Thương binh và Xã hội ngày 25\/8\/2018/);
    expect(b07.footnotes[1]).toMatch(/^Các mục khác: số liệu tổng hợp từ 1\/2 /);
    // The city's own table still adds its communes.
    expect(cell(form("901", "Biểu số 07")!, loansRow, "value:y2016")).toBe("15");
  });

  it("is the districts' sum, with no such note, while the department's report is not in hand", () => {
    report("so-ldtbxh").status = "dang_soan";
    const b07 = form("99", "Biểu số 07")!;
    expect(cell(b07, loansRow, "value:y2016")).toBe("15");
    expect(b07.footnotes.some((n) => n.includes("theo báo cáo của"))).toBe(false);
    report("so-ldtbxh").status = "da_nop";
  });
});

describe("the outputs form under a department's own project money", () => {
  const models = (r: { indicator?: string }) => r.indicator === "mo_hinh_sinh_ke_da3";
  const note = (f: FormView) => f.footnotes.find((n) => n.startsWith("Biểu không gồm kết quả"));

  it("adds the districts' outputs only and says that the department's own are in its report", () => {
    report("so-ldtbxh").status = "da_nop";
    const values = report("so-ldtbxh").values;
    report("so-ldtbxh").values = { ...values, mo_hinh_sinh_ke_da3: { y2016: 9 } };
    const b06 = form("99", "Biểu số 06")!;
    // The department's 9 models stay in its own report: the province shows the city's.
    expect(cell(b06, models, "value:y2016")).toBe(cell(form("901", "Biểu số 06")!, models, "value:y2016"));
    expect(note(b06)).toBe("Biểu không gồm kết quả các dự án, tiểu dự án do 1 sở, ngành (Sở LĐTBXH) trực tiếp quản lý vốn: các kết quả đó nêu trong báo cáo của từng sở, ngành; vốn của các dự án đó đã tính trong các biểu nguồn vốn.");
    // The money form adds that department's money, as the note says.
    expect(form("99", "Biểu số 05")!.footnotes.find((n) => n.startsWith("Số liệu vốn"))).toContain("vốn do 1 sở, ngành quản lý");
    report("so-ldtbxh").values = values;
  });

  it("has no such note when the department's report is not in hand, nor in a district's report", () => {
    report("so-ldtbxh").status = "dang_soan";
    expect(note(form("99", "Biểu số 06")!)).toBeUndefined();
    report("so-ldtbxh").status = "da_nop";
    expect(note(form("901", "Biểu số 06")!)).toBeUndefined();
  });
});

describe("Biểu 05's mobilised money, which has no column", () => {
  it("is stated under the form, so the total row adds up on the page", () => {
    const records = report("00123").finance;
    report("00123").finance = [...records, { component: "DA3", source: "huy_dong", period: "y2016", plan: 30, disbursed: 20 }];
    for (const code of ["00123", "901"]) {
      const b05 = form(code, "Biểu số 05")!;
      const total = (r: { cells: string[] }) => r.cells[1] === "TỔNG CỘNG";
      const budgets = ["nstw_dtpt", "nstw_sn", "ndp_dtpt", "ndp_sn"].reduce((t, s) => t + num(cell(b05, total, `plan:all:${s}`)), 0);
      expect(num(cell(b05, total, "plan:all:I")) - budgets).toBe(30);
      expect(b05.footnotes).toContain("Vốn huy động hợp pháp khác trong cột “Tổng số”: kế hoạch vốn giao 30, giải ngân 20.");
    }
    report("00123").finance = records;
    expect(form("00123", "Biểu số 05")!.footnotes.some((n) => n.startsWith("Vốn huy động"))).toBe(false);
  });
});

describe("policies several departments keep for the whole province", () => {
  // Ban Dân tộc keeps education support, the Sở production land and water (swapped on purpose: the
  // notes follow the form's rows, not the order the departments are listed in); the city alone
  // reports electricity support, which no department keeps.
  let fx2: Fixture;
  let ds2: Dataset;
  const form2 = (label: string) => reportView(ds2, rollUp(ds2), ds2.units.get("99")!).forms.find((f) => f.label === label)!;
  beforeAll(() => {
    fx2 = makeFixture();
    fx2.edit("departments.yaml", "    chairs: [DA3, ho_ngheo]\n", "    chairs: [DA3, ho_ngheo, dat_nuoc]\n    source_of: [dat_nuoc]\n");
    fx2.edit("departments.yaml", "    chairs: [DA2]\n", "    chairs: [DA2, giao_duc]\n    source_of: [giao_duc]\n");
    const loaded = loadDataset(fx2.data, SCHEMAS, fx2.root);
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    ds2 = loaded.dataset!;
    const entry = (code: string) => ds2.reports.find((x) => x.report.unit === code)!;
    const bdt = structuredClone(entry("so-ldtbxh"));
    bdt.report = { ...bdt.report, unit: "ban-dan-toc", submitted_on: "2018-08-20", document: { ...bdt.report.document, date: "2018-08-20" }, finance: [] };
    ds2.reports.push(bdt);
    entry("00123").report.values = { ...entry("00123").report.values, kinh_phi_giao_duc: { y2016: 10 }, kinh_phi_dat_nuoc: { y2016: 4 }, kinh_phi_tien_dien: { y2016: 7 } };
    entry("so-ldtbxh").report.values = { ho_ho_tro_nuoc_sinh_hoat: { y2016: 30 }, kinh_phi_dat_nuoc: { y2016: 50 } };
    bdt.report.values = { hs_mien_giam_hoc_phi: { y2016: 120 }, kinh_phi_giao_duc: { y2016: 100 } };
  }, 60_000);
  afterAll(() => fx2.cleanup());

  it("gives Biểu 04's row IV each department's policy money and the districts' for the rest, saying which", () => {
    const b04 = form2("Biểu số 04");
    // 100 (Ban Dân tộc's education) + 50 (the Sở's land and water) + 7 (the city's electricity).
    expect(cell(b04, (r) => r.cells[0] === "IV", "disbursed:y2016")).toBe("157");
    const iv = b04.footnotes.filter((n) => /^Dòng (III, dòng )?IV/.test(n));
    expect(iv).toEqual([
      "Dòng IV: số liệu theo báo cáo của Ban Dân tộc ngày 20/8/2018 và Sở LĐTBXH ngày 25/8/2018 (số liệu của các đơn vị trên toàn tỉnh), không cộng từ báo cáo của các huyện.",
      expect.stringMatching(/^Dòng III, dòng IV \(các khoản còn lại\): số liệu tổng hợp từ 1\/2 .* đã nộp báo cáo\.$/),
    ]);
  });

  it("notes Biểu 07's sections in the form's order, each naming its department", () => {
    const b07 = form2("Biểu số 07");
    expect(cell(b07, (r) => r.indicator === "kinh_phi_giao_duc", "value:y2016")).toBe("100");
    expect(cell(b07, (r) => r.indicator === "kinh_phi_dat_nuoc", "value:y2016")).toBe("50");
    expect(cell(b07, (r) => r.indicator === "kinh_phi_tien_dien", "value:y2016")).toBe("7");
    // One note for both, so that many departments' notes stay short enough to keep with the table.
    expect(b07.footnotes[0]).toBe("Số liệu theo báo cáo của các cơ quan nắm số liệu trên toàn tỉnh, không cộng từ báo cáo của các huyện: mục III (giáo dục) – Ban Dân tộc ngày 20/8/2018; mục VIII (đất sản xuất, nước sinh hoạt) – Sở LĐTBXH ngày 25/8/2018.");
    expect(b07.footnotes[1]).toMatch(/^Các mục khác: số liệu tổng hợp từ 1\/2 /);
  });
});
