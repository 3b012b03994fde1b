// Biểu 07 states a policy's balance (outstanding preferential loans: a figure at a date, not a
// flow) in its note, from the unit's data, only when the unit's form prints that policy's rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollUp } from "../../scripts/lib/aggregate/roll-up.js";
import { loadDataset, type Dataset } from "../../scripts/lib/dataset/load-dataset.js";
import { reportView } from "../../scripts/lib/render/view/report-view.js";
import { SCHEMAS, makeFixture, type Fixture } from "../check/fixture.js";

let fx: Fixture;
let ds: Dataset;

const notes = (code: string) => reportView(ds, rollUp(ds), ds.units.get(code)!).forms.find((f) => f.label === "Biểu số 07")?.footnotes ?? [];

beforeAll(() => {
  fx = makeFixture();
  ds = loadDataset(fx.data, SCHEMAS, fx.root).dataset!;
  const r = ds.reports.find((x) => x.report.unit === "00123")!.report;
  r.values = { ...r.values, luot_ho_vay_von: { y2016: 12 }, du_no_cho_vay: { baseline: 1500, mid2018: 1834 } };
}, 60_000);
afterAll(() => fx.cleanup());

describe("the loan balance in Biểu 07's note", () => {
  it("states the commune's own balance at each date it has one", () => {
    const note = notes("00123").find((n) => n.startsWith("Dư nợ"));
    expect(note).toBe("Dư nợ cho vay tín dụng ưu đãi (số dư tại thời điểm, không cộng qua các năm), triệu đồng: cuối năm 2015: 1.500; 30/6/2018: 1.834.");
  });

  it("is absent for a unit with no balance, and never promises one elsewhere", () => {
    for (const code of ["00126", "so-ldtbxh"]) expect(notes(code).join(" "), code).not.toMatch(/Dư nợ|thuyết minh/);
  });
});
