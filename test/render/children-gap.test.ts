// The sentence under a table of a unit's children (Biểu 02) when its total row is not the unit's
// own figures (Biểu 01): which children are missing at the document's date and by how much.
import { describe, expect, it } from "vitest";
import type { UnitFigures } from "../../scripts/lib/aggregate/roll-up.js";
import type { Dataset } from "../../scripts/lib/dataset/load-dataset.js";
import type { FormSpec } from "../../scripts/lib/model/types.js";
import { childrenGap, type GapInput } from "../../scripts/lib/render/view/children-gap.js";
import type { TableModel } from "../../scripts/lib/render/view/form-table.js";

const ds = {
  project: { periods: [{ id: "baseline", stock_label: "Cuối năm 2015" }, { id: "mid2018", stock_label: "30/6/2018" }] },
  catalogue: {
    indicators: [
      { id: "ho_ngheo", name: "Số hộ nghèo", kind: "stock" },
      { id: "ty_le_ho_ngheo", name: "Tỷ lệ hộ nghèo", kind: "rate" },
    ],
  },
} as unknown as Dataset;
const form = { layout: "children" } as FormSpec;
const child = (name: string) => ({ unit: { name, type: "huyện" } }) as UnitFigures;
const table = (total: string[]): TableModel =>
  ({ columns: ["label", "value:baseline:ho_ngheo", "value:mid2018:ho_ngheo", "value:mid2018:ty_le_ho_ngheo"], rows: [{ cells: total, bold: true }] }) as unknown as TableModel;
const input = (over: Partial<GapInput>): GapInput => ({
  table: table(["Cộng", "1.000", "800", "8,00"]),
  own: { ho_ngheo: { baseline: 1200, mid2018: 950 }, ty_le_ho_ngheo: { mid2018: 9.5 } },
  ownForm: "Biểu số 01",
  children: [child("Huyện A"), child("Huyện B")],
  submitted: (c) => c.unit.name === "Huyện A",
  at: "2018-09-05",
  noun: "huyện",
  unitType: "tỉnh",
  ...over,
});

describe("a children table's total against the unit's own figures", () => {
  it("names the children not yet reported at the document's date and the gap in the last period's counts", () => {
    expect(childrenGap(ds, form, input({}))).toBe(
      "Dòng “Cộng các đơn vị đã báo cáo” chỉ gồm 1/2 huyện đã nộp báo cáo đến ngày 05/9/2018 (chưa có huyện B), nên khác số liệu do tỉnh báo cáo (Biểu số 01) tại thời điểm 30/6/2018: số hộ nghèo 950 (dòng cộng 800, chênh 150).",
    );
  });

  it("says nothing when the total is the unit's own figure, or the unit has no figures form", () => {
    expect(childrenGap(ds, form, input({ own: { ho_ngheo: { mid2018: 800 } } }))).toBeNull();
    expect(childrenGap(ds, form, input({ ownForm: null }))).toBeNull();
  });

  it("every child reported but the figures differ: asks for a cross-check", () => {
    expect(childrenGap(ds, form, input({ submitted: () => true }))).toMatch(/^Dòng “Tổng cộng” khác số liệu do tỉnh báo cáo \(Biểu số 01\) tại thời điểm 30\/6\/2018: số hộ nghèo 950 \(dòng cộng 800, chênh 150\); cần đối chiếu lại/);
  });
});
