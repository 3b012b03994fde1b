// Aggregation up the tree on a hand-made province with known totals: counts sum, rates are
// recomputed from the summed counts (not averaged), weighted means weigh, flagged units count,
// draft reports do not feed their parent, and the provincial total follows its districts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollUp, type Tree } from "../../scripts/lib/aggregate/roll-up.js";
import { loadDataset } from "../../scripts/lib/dataset/load-dataset.js";
import type { Dataset } from "../../scripts/lib/model/dataset.js";
import type { ReportFile } from "../../scripts/lib/model/types.js";
import { formContext, formTable } from "../../scripts/lib/render/view/form-table.js";
import { SCHEMAS, makeFixture, type Fixture } from "../check/fixture.js";

let fx: Fixture;
let ds: Dataset;
let tree: Tree;

const set = (code: string, values: ReportFile["values"], status: ReportFile["status"] = "da_nop") => {
  const r = ds.reports.find((x) => x.report.unit === code)!.report;
  r.values = values;
  r.status = status;
};

beforeAll(() => {
  fx = makeFixture();
  ds = loadDataset(fx.data, SCHEMAS, fx.root).dataset!;
  // District 901: a ward of 1.000 households with 100 poor (10%) and a commune of 100 households with 50 poor (50%).
  set("00123", { ho_dan_cu: { baseline: 1000 }, ho_ngheo: { baseline: 100 }, nhan_khau_ho_ngheo: { baseline: 300 }, thu_nhap_bq_ho_ngheo: { baseline: 600 } });
  set("00126", { ho_dan_cu: { baseline: 100 }, ho_ngheo: { baseline: 50 }, nhan_khau_ho_ngheo: { baseline: 100 }, thu_nhap_bq_ho_ngheo: { baseline: 400 } });
  // The district declares nothing itself; district 902's only report is a draft.
  set("901", {});
  set("00130", { ho_dan_cu: { baseline: 5000 }, ho_ngheo: { baseline: 4000 } }, "dang_soan");
  ds.units.get("00126")!.flags = ["xa_dbkk"];
  tree = rollUp(ds);
}, 60_000);
afterAll(() => fx.cleanup());

describe("rollUp(dataset)", () => {
  it("sums counts from the children", () => {
    const d = tree.figures.get("901")!;
    expect(d.effective.ho_dan_cu?.baseline).toBe(1100);
    expect(d.effective.ho_ngheo?.baseline).toBe(150);
  });

  it("recomputes a rate from summed counts, which differs from the average of the children's rates", () => {
    const rate = tree.figures.get("901")!.effective.ty_le_ho_ngheo?.baseline;
    expect(tree.figures.get("00123")!.effective.ty_le_ho_ngheo?.baseline).toBeCloseTo(10, 10);
    expect(tree.figures.get("00126")!.effective.ty_le_ho_ngheo?.baseline).toBeCloseTo(50, 10);
    expect(rate).toBeCloseTo((150 / 1100) * 100, 10); // 13,64%
    expect(rate).not.toBeCloseTo(30, 1); // the average of 10% and 50%
  });

  it("weighs a mean by its weight indicator", () => {
    // (600 × 300 + 400 × 100) / 400 = 550, not the plain average 500
    expect(tree.figures.get("901")!.effective.thu_nhap_bq_ho_ngheo?.baseline).toBeCloseTo(550, 10);
  });

  it("counts flagged units, never sums a reported number", () => {
    expect(tree.figures.get("901")!.effective.so_xa_dbkk?.mid2018).toBe(1);
    expect(tree.figures.get("99")!.effective.so_xa_dbkk?.mid2018).toBe(1);
    expect(tree.figures.get("00123")!.effective.so_xa_dbkk?.mid2018).toBe(0);
  });

  it("leaves a draft out of its parent's roll-up and marks the parent incomplete", () => {
    const d = tree.figures.get("902")!;
    expect(d.rolled?.ho_dan_cu?.baseline).toBeUndefined();
    expect(d.coverage.complete).toBe(false);
    expect(d.coverage.missing).toContain("00130");
  });

  it("rolls the province up from its districts, not from its departments", () => {
    const p = tree.figures.get("99")!;
    expect(p.rolled?.ho_dan_cu?.baseline).toBe(1100);
    expect(p.rolled?.ty_le_ho_ngheo?.baseline).toBeCloseTo((150 / 1100) * 100, 10);
  });

  it("prints the recomputed rate in the district's Biểu 02 total row", () => {
    const form = ds.forms.find((f) => f.layout === "children")!;
    const fig = tree.figures.get("901")!;
    const table = formTable(
      form,
      formContext(ds, fig, (tree.children.get("901") ?? []).map((c) => tree.figures.get(c)!), (k) => k.report?.status === "da_nop" || k.report?.status === "da_duyet"),
    );
    const total = table.rows.at(-1)!;
    expect(total.cells[1]).toBe("Tổng cộng");
    expect(total.bold).toBe(true);
    const col = table.headerPaths.findIndex((p) => p[0]!.startsWith("Hộ nghèo cuối năm 2015") && p.at(-1) === "Tỷ lệ %");
    expect(total.cells[col]).toBe("13,64");
    expect(table.rows.map((r) => r.cells[1])).toEqual(["Khu vực thành thị", "Phường Hòa Bình", "Khu vực nông thôn", "Xã Đồng Tâm", "Tổng cộng"]);
  });
});
