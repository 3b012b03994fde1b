// A rolled-up report includes a child's figures only through the child's own report: when a
// district has not reported, none of its communes count in the province, in every form (outputs,
// money), though the communes themselves have reported. Hand-made: the fixture province "99",
// district 901 with two reporting communes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollUp } from "../../scripts/lib/aggregate/roll-up.js";
import { loadDataset, type Dataset } from "../../scripts/lib/dataset/load-dataset.js";
import type { ReportFile } from "../../scripts/lib/model/types.js";
import { reportView } from "../../scripts/lib/render/view/report-view.js";
import { SCHEMAS, makeFixture, type Fixture } from "../check/fixture.js";

let fx: Fixture;
let ds: Dataset;

const report = (code: string) => ds.reports.find((x) => x.report.unit === code)!.report;
const works = (n: number): ReportFile["values"] => ({ cong_trinh_ha_tang_moi: { y2016: n }, cong_trinh_giao_thong: { y2016: n } });
const money = (plan: number) => [{ component: "DA3", source: "ndp_sn", period: "y2016", plan, disbursed: plan - 10 }];

/** A cell of the province's form, by the row's indicator (or label) and the column's expression. */
function provinceCell(status: ReportFile["status"], form: string, row: (r: { indicator?: string; cells: string[] }) => boolean, column: string): string {
  report("901").status = status;
  const view = reportView(ds, rollUp(ds), ds.units.get("99")!);
  const table = view.forms.find((f) => f.label === form)!.table;
  return table.rows.find(row)!.cells[table.columns.indexOf(column)]!;
}

beforeAll(() => {
  fx = makeFixture();
  ds = loadDataset(fx.data, SCHEMAS, fx.root).dataset!;
  for (const [code, n] of [["00123", 3], ["00126", 4]] as const) {
    Object.assign(report(code), { status: "da_nop", submitted_on: "2018-07-20", values: works(n), finance: money(100 * n) });
  }
  Object.assign(report("901"), { values: {}, finance: money(50), submitted_on: "2018-08-20" });
  report("901").document.date = "2018-08-20";
}, 60_000);
afterAll(() => fx.cleanup());

describe("a district that has not reported", () => {
  it("brings none of its communes' outputs into the province's Biểu 06", () => {
    const works = (r: { indicator?: string }) => r.indicator === "cong_trinh_ha_tang_moi";
    expect(provinceCell("da_nop", "Biểu số 06", works, "value:y2016")).toBe("7");
    expect(provinceCell("dang_soan", "Biểu số 06", works, "value:y2016")).toBe("-");
  });

  it("brings none of its money (its own or its communes') into the province's Biểu 04", () => {
    const total = (r: { cells: string[] }) => r.cells.some((c) => c.includes("TỔNG CỘNG"));
    // The rest of the province's money (the departments' own) is there either way.
    const num = (s: string) => (s === "-" ? 0 : Number(s.replace(/\./g, "")));
    const filed = num(provinceCell("da_nop", "Biểu số 04", total, "plan:y2016"));
    const draft = num(provinceCell("dang_soan", "Biểu số 04", total, "plan:y2016"));
    expect(filed - draft).toBe(50 + 300 + 400);
    report("901").status = "dang_soan";
    const plans = rollUp(ds).figures.get("99")!.finance.map((f) => f.plan);
    expect(plans).not.toContain(50);
    expect(plans).not.toContain(300);
  });

  it("is counted as not reported, and the province's roll-up as incomplete", () => {
    report("901").status = "dang_soan";
    const p = rollUp(ds).figures.get("99")!;
    expect(p.coverage.missing).toContain("901");
    expect(p.coverage.complete).toBe(false);
    expect(p.rolled?.cong_trinh_ha_tang_moi?.y2016).toBeUndefined();
  });

  it("counts when the district reported on or before the province's date, not after", () => {
    report("901").status = "da_nop";
    report("901").submitted_on = "2018-08-20";
    expect(rollUp(ds, "2018-08-19").figures.get("99")!.rolled?.cong_trinh_ha_tang_moi?.y2016).toBeUndefined();
    expect(rollUp(ds, "2018-08-20").figures.get("99")!.rolled?.cong_trinh_ha_tang_moi?.y2016).toBe(7);
  });
});

describe("nested as-of: a commune received after its district's report", () => {
  // Đồng Tâm (00126) reaches the city (901) on 25/8, after the city's report of 20/8 but before the
  // province compiles: the province receives the city as the city reported, without Đồng Tâm.
  const late = () => {
    Object.assign(report("901"), { status: "da_nop", submitted_on: "2018-08-20" });
    report("901").document.date = "2018-08-20";
    report("00126").submitted_on = "2018-08-25";
  };
  afterAll(() => {
    report("00126").submitted_on = "2018-07-20";
  });

  it("is in neither the city's figures nor the province's, in outputs and money", () => {
    late();
    const tree = rollUp(ds);
    const city = tree.figures.get("901")!;
    const province = tree.figures.get("99")!;
    expect(city.rolled?.cong_trinh_ha_tang_moi?.y2016).toBe(3);
    expect(province.rolled?.cong_trinh_ha_tang_moi?.y2016).toBe(3);
    expect(province.finance.map((f) => f.plan)).toContain(300);
    expect(province.finance.map((f) => f.plan)).not.toContain(400);
    expect(tree.received(report("00126"), "901")).toBe(false);
    expect(tree.received(report("901"), "99")).toBe(true);
  });

  it("counts when the city's report is dated after the commune's", () => {
    late();
    report("901").document.date = "2018-08-26";
    report("901").submitted_on = "2018-08-26";
    expect(rollUp(ds).figures.get("99")!.rolled?.cong_trinh_ha_tang_moi?.y2016).toBe(7);
    report("901").document.date = "2018-08-20";
    report("901").submitted_on = "2018-08-20";
  });

  it("the province's document shows the city's figures and counts the commune as not received", () => {
    late();
    const view = reportView(ds, rollUp(ds), ds.units.get("99")!);
    const b06 = view.forms.find((f) => f.label === "Biểu số 06")!.table;
    const cell = b06.rows.find((r) => r.indicator === "cong_trinh_ha_tang_moi")!.cells[b06.columns.indexOf("value:y2016")];
    expect(cell).toBe("3");
    const texts = view.sections.flatMap((s) => s.facts).map((f) => (f.kind === "paragraph" ? f.runs.map((r) => (r.kind === "text" ? r.text : "")).join("") : ""));
    const note = texts.find((f) => f.includes("tổng hợp từ báo cáo của"));
    expect(note).toMatch(/của 1\/\d+ xã/);
  });
});
