// The targets a unit is judged against and the mid-term verdicts, on small hand-made cases: the
// cells of Biểu 01 (target, verdict) as an officer reads them.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { UnitFigures, Values } from "../../scripts/lib/aggregate/roll-up.js";
import { povertyFacts } from "../../scripts/lib/render/view/facts.js";
import { incomeOf, leavingOf, reductionOf } from "../../scripts/lib/render/view/unit-view.js";
import { incomeTarget, minorityTarget, povertyTarget, verdictOf } from "../../scripts/lib/model/targets.js";
import type { Indicator, IndicatorCatalogue, Period, Project, Unit } from "../../scripts/lib/model/types.js";
import { targetCells, type TargetEnv } from "../../scripts/lib/render/view/targets-view.js";

const periods: Period[] = [
  { id: "baseline", date: "2015-12-31", stock_label: "Cuối năm 2015", flow_label: null, years: 0 },
  { id: "y2016", date: "2016-12-31", stock_label: "Cuối năm 2016", flow_label: "Năm 2016", years: 1 },
  { id: "y2017", date: "2017-12-31", stock_label: "Cuối năm 2017", flow_label: "Năm 2017", years: 1 },
  { id: "mid2018", date: "2018-06-30", stock_label: "30/6/2018", flow_label: "6 tháng đầu năm 2018", years: 0.5 },
];

const project = {
  root: "1",
  targets: {
    source: "QĐ 1722",
    horizon_years: 5,
    poverty_reduction: [1, 1.5],
    poor_area_reduction: 4,
    poor_area_flag: "xa_dbkk",
    below_rate_ok: 2,
    ethnic_minority_reduction: [3, 4],
    income_multiple: 1.5,
    poor_area_income_multiple: 2,
    leaving: [{ indicator: "so_xa_thoat_dbkk", of: "so_xa_dbkk", share: [20, 30] }],
    province: { poverty_reduction: [1.5, 2], source: "KH của tỉnh", illustrative: true },
    units: { "11": { poverty_reduction: [3, 4], source: "KH của tỉnh giao huyện" } },
  },
} as unknown as Project;

const unit = (code: string, parent: string | null, flags?: string[]): Unit => ({ code, name: `Xã ${code}`, type: "xã", level: "x", parent, ...(flags ? { flags } : {}) }) as Unit;
const units = new Map<string, Unit>([
  ["1", unit("1", null)],
  ["10", unit("10", "1")],
  ["11", unit("11", "1")],
  ["101", unit("101", "10")],
  ["102", unit("102", "10", ["xa_dbkk"])],
  ["111", unit("111", "11")],
]);
/** The bundled catalogue's roles: which indicator is the poverty rate, the poor's income … */
const catalogue = parse(readFileSync("data/catalogue/indicators.yaml", "utf8")) as IndicatorCatalogue;
const { roles } = catalogue;
const labels = catalogue.verdicts.labels;
const env: TargetEnv = {
  project,
  periods,
  units,
  roles,
  labels,
  indicators: new Map([
    ["so_xa_dbkk", { id: "so_xa_dbkk", name: "Số xã đặc biệt khó khăn", aggregate: { rule: "count_flagged", flag: "xa_dbkk", left_flag: "xa_thoat_dbkk" } }],
    ["so_xa_thoat_dbkk", { id: "so_xa_thoat_dbkk", name: "Số xã thoát khỏi tình trạng đặc biệt khó khăn", aggregate: { rule: "count_flagged", flag: "xa_thoat_dbkk" } }],
  ] as unknown as [string, Indicator][]),
};
/** The rates' reductions as the unit's view derives them from `values` (unit-view.ts), which Biểu 01's cells and the sentences read. */
const derivedFor = (code: string, values: Values, verdictLabels = labels) => ({
  reduction: reductionOf(values, roles.poverty_rate, povertyTarget(units.get(code)!, project, units), periods, verdictLabels),
  minorityReduction: reductionOf(values, roles.minority_poverty_rate, minorityTarget(project), periods, verdictLabels),
  income: incomeOf(values, roles.poor_income, incomeTarget(units.get(code)!, project, periods), periods, verdictLabels),
  leaving: project.targets.leaving.map((l) => leavingOf(units.get(code)!, values, l, { project, periods, indicators: env.indicators, labels: verdictLabels })),
});
/** Biểu 01's target and verdict cells of a unit's row of `id`, from `values`. */
const cellsOf = (id: string, u: Unit, values: Values) => targetCells(id, u, env, derivedFor(u.code, values));
/** A rate falling from `from` to `to` over the 2,5 years. */
const rate = (id: string, from: number, to: number): Values => ({ [id]: { baseline: from, mid2018: to } });

describe("whose target a unit is judged against", () => {
  it("the province its plan's, a district with its own target that, a commune its district's or else the province's", () => {
    expect(povertyTarget(units.get("1")!, project, units)).toMatchObject({ min: 1.5, max: 2, illustrative: true, source: "KH của tỉnh" });
    expect(povertyTarget(units.get("11")!, project, units)).toMatchObject({ min: 3, max: 4, source: "KH của tỉnh giao huyện" });
    expect(povertyTarget(units.get("111")!, project, units)).toMatchObject({ min: 3, max: 4 });
    expect(povertyTarget(units.get("101")!, project, units)).toMatchObject({ min: 1.5, max: 2 });
  });

  it("a flagged (ĐBKK) commune the poor-area pace of 4 points a year, whatever its district's", () => {
    const t = povertyTarget(units.get("102")!, project, units);
    expect(t).toMatchObject({ min: 4, max: null, poorArea: true });
    // 3,5 points a year meets the general target but not the poor-area one.
    expect(cellsOf("ty_le_ho_ngheo", units.get("102")!, rate("ty_le_ho_ngheo", 30, 21.25))).toEqual({ target: "Giảm từ 4 điểm %/năm", verdict: "Chưa đạt (3,50 điểm %/năm)" });
    expect(cellsOf("ty_le_ho_ngheo", units.get("101")!, rate("ty_le_ho_ngheo", 30, 21.25))!.verdict).toBe("Vượt (3,50 điểm %/năm)");
  });
});

describe("the poverty-rate verdict", () => {
  it("a unit already under the low-rate threshold is not 'chưa đạt' but 'đã ở mức thấp'", () => {
    // A town at 2,26 % → 1,76 %: 0,2 points a year, below the 1,5 - 2 target, at 1,76 % ≤ 2 %.
    const cells = cellsOf("ty_le_ho_ngheo", units.get("101")!, rate("ty_le_ho_ngheo", 2.26, 1.76))!;
    expect(cells).toEqual({ target: "Giảm 1,5 - 2 điểm %/năm (tạm dùng, chưa có chỉ tiêu riêng)", verdict: "Đã ở mức thấp (0,20 điểm %/năm)" });
    // The same pace at 2,5 % is behind.
    expect(cellsOf("ty_le_ho_ngheo", units.get("101")!, rate("ty_le_ho_ngheo", 3, 2.5))!.verdict).toBe("Chưa đạt (0,20 điểm %/năm)");
  });

  it("within the range 'đạt', above it 'vượt', below 'chưa đạt'", () => {
    const t = povertyTarget(units.get("101")!, project, units);
    expect([verdictOf(1.5, t, 10), verdictOf(2, t, 10), verdictOf(2.01, t, 10), verdictOf(1.49, t, 10)]).toEqual(["dat", "dat", "vuot", "khong_dat"]);
  });
});

describe("the ethnic-minority target (3 - 4 points a year)", () => {
  it("judges the ethnic-minority poor rate's fall by it, for every unit", () => {
    expect(cellsOf("ty_le_ho_ngheo_dtts", units.get("111")!, rate("ty_le_ho_ngheo_dtts", 40, 32))).toEqual({ target: "Giảm 3 - 4 điểm %/năm", verdict: "Đạt (3,20 điểm %/năm)" });
    expect(cellsOf("ty_le_ho_ngheo_dtts", units.get("111")!, rate("ty_le_ho_ngheo_dtts", 40, 35))!.verdict).toBe("Chưa đạt (2,00 điểm %/năm)");
    expect(cellsOf("ty_le_ho_ngheo_dtts", units.get("111")!, {})!.verdict).toBe("-");
  });
});

describe("the income target (× 1,5 by 2020; × 2 in poor areas), on the pro-rata path", () => {
  const income = (from: number, to: number): Values => ({ thu_nhap_bq_ho_ngheo: { baseline: from, mid2018: to } });
  it("× 1,5 over 5 years is × 1,25 after 2,5", () => {
    const c = cellsOf("thu_nhap_bq_ho_ngheo", units.get("101")!, income(600, 756))!;
    expect(c.target).toBe("Gấp 1,5 lần đầu kỳ vào cuối giai đoạn (lộ trình: 1,25 lần)");
    expect(c.verdict).toBe("Đạt (gấp 1,26 lần)");
    expect(cellsOf("thu_nhap_bq_ho_ngheo", units.get("101")!, income(600, 740))!.verdict).toBe("Chưa đạt (gấp 1,23 lần)");
  });
  it("a flagged commune must reach × 1,5 by mid-term (× 2 by 2020)", () => {
    const c = cellsOf("thu_nhap_bq_ho_ngheo", units.get("102")!, income(600, 756))!;
    expect(c.target).toContain("Gấp 2 lần");
    expect(c.verdict).toBe("Chưa đạt (gấp 1,26 lần)");
  });
});

describe("areas leaving ĐBKK status (20 - 30 % by 2020, 10 - 15 % at mid-term)", () => {
  const counts = (start: number, left: number): Values => ({ so_xa_dbkk: { baseline: start, mid2018: start - left }, so_xa_thoat_dbkk: { mid2018: left } });
  it("judges the share that left against the path; no verdict where there were none", () => {
    expect(cellsOf("so_xa_thoat_dbkk", units.get("1")!, counts(20, 3))!.verdict).toBe("Đạt (15,00%; lộ trình 10 - 15%)");
    expect(cellsOf("so_xa_thoat_dbkk", units.get("1")!, counts(20, 1))!.verdict).toBe("Chưa đạt (5,00%; lộ trình 10 - 15%)");
    expect(cellsOf("so_xa_thoat_dbkk", units.get("1")!, counts(20, 4))!.verdict).toBe("Vượt (20,00%; lộ trình 10 - 15%)");
    expect(cellsOf("so_xa_thoat_dbkk", units.get("1")!, counts(0, 0))!.verdict).toBe("Không có địa bàn thuộc diện");
    expect(cellsOf("so_xa_thoat_dbkk", units.get("1")!, {})!.verdict).toBe("-");
  });
  it("a flagged commune's own row says whether it has left, not a share of itself", () => {
    expect(cellsOf("so_xa_thoat_dbkk", units.get("102")!, counts(1, 1))!.verdict).toBe("Đã thoát");
    expect(cellsOf("so_xa_thoat_dbkk", units.get("102")!, counts(1, 0))!.verdict).toBe("Chưa thoát");
  });
  it("rows without a target get empty cells", () => {
    expect(cellsOf("ho_ngheo", units.get("1")!, {})).toBeNull();
  });
});

describe("the narrative's verdict sentences agree with Biểu 01", () => {
  const fig = (code: string, effective: Values) => ({ unit: units.get(code)!, effective }) as unknown as UnitFigures;
  const facts = (code: string, effective: Values) =>
    povertyFacts(fig(code, effective), { project: { ...project, window_label: "2016 - 6/2018" } as Project, periods, units, indicators: env.indicators, roles, labels, moneyUnit: "triệu đồng" }, derivedFor(code, effective));

  it("the income sentence uses the catalogue's label that Biểu 01's verdict column prints", () => {
    const base = { ...rate("ty_le_ho_ngheo", 12, 8), ho_ngheo: { baseline: 120, mid2018: 80 }, ho_dan_cu: { baseline: 1000, mid2018: 1000 } };
    for (const to of [740, 756, 900]) {
      const values = { ...base, thu_nhap_bq_ho_ngheo: { baseline: 600, mid2018: to } };
      const cell = cellsOf("thu_nhap_bq_ho_ngheo", units.get("101")!, values)!.verdict;
      const label = cell.replace(/ \(.*$/, "");
      expect(Object.values(labels)).toContain(label);
      expect(facts("101", values).join(" ")).toContain(`, ${label.toLocaleLowerCase("vi")} lộ trình gấp 1,25 lần`);
    }
  });
  it("a flagged commune's own row prints the catalogue's labels", () => {
    const counts = (left: number): Values => ({ so_xa_dbkk: { baseline: 1, mid2018: 1 - left }, so_xa_thoat_dbkk: { mid2018: left } });
    expect(targetCells("so_xa_thoat_dbkk", units.get("102")!, env, derivedFor("102", counts(1), { ...labels, da_thoat: "Ra khỏi diện" }))!.verdict).toBe("Ra khỏi diện");
  });

  it("a town already under 2 % says 'đã ở mức thấp', not 'chưa đạt'", () => {
    const text = facts("101", { ...rate("ty_le_ho_ngheo", 2.26, 1.76), ho_ngheo: { baseline: 45, mid2018: 37 }, ho_dan_cu: { baseline: 1991, mid2018: 2102 } }).join(" ");
    expect(text).toContain("đã ở mức thấp (1,76%, không quá 2%)");
    expect(text).not.toContain("chưa đạt");
  });

  it("a flagged commune: poor-area pace, income against × 2, and its own ĐBKK status", () => {
    const text = facts("102", {
      ...rate("ty_le_ho_ngheo", 30, 21.25),
      thu_nhap_bq_ho_ngheo: { baseline: 600, mid2018: 756 },
      so_xa_dbkk: { baseline: 1, mid2018: 0 },
      so_xa_thoat_dbkk: { mid2018: 1 },
    }).join(" ");
    expect(text).toContain("chưa đạt mục tiêu giảm 4 điểm %/năm của địa bàn đặc biệt khó khăn");
    expect(text).toContain("gấp 1,26 lần, chưa đạt lộ trình gấp 1,5 lần đến 30/6/2018 (mục tiêu gấp 2 lần");
    expect(text).toContain("Đầu kỳ, xã 102 thuộc diện xã đặc biệt khó khăn; đến 30/6/2018 đã thoát khỏi tình trạng đặc biệt khó khăn.");
  });
});

describe("the narrative quotes Biểu 01's figures to the digit", () => {
  const fig = (code: string, effective: Values) => ({ unit: units.get(code)!, effective }) as unknown as UnitFigures;
  const facts = (code: string, effective: Values) =>
    povertyFacts(fig(code, effective), { project: { ...project, window_label: "2016 - 6/2018" } as Project, periods, units, indicators: env.indicators, roles, labels, moneyUnit: "triệu đồng" }, derivedFor(code, effective)).join(" ");

  it("the reduction is the difference of the two rates as printed, as in the table's change column", () => {
    // Raw difference 5,592 rounds to 5,59; printed 13,32 − 7,72 = 5,60: the text must say what the table says.
    const text = facts("10", { ...rate("ty_le_ho_ngheo", 13.316, 7.724), ho_ngheo: { baseline: 1332, mid2018: 772 }, ho_dan_cu: { baseline: 10000, mid2018: 10000 } });
    expect(text).toContain("Tỷ lệ hộ nghèo giảm 5,60 điểm %");
    expect(text).toContain("(13,32%)");
    expect(text).toContain("(7,72%)");
  });

  it("a province target standing in for its own plan's is called a stand-in in the table, and the text names its source without calling the pace illustrative", () => {
    expect(cellsOf("ty_le_ho_ngheo", units.get("1")!, rate("ty_le_ho_ngheo", 10, 5))?.target).toBe("Giảm 1,5 - 2 điểm %/năm (tạm dùng, chưa có chỉ tiêu riêng)");
    const text = facts("1", { ...rate("ty_le_ho_ngheo", 10, 5), ho_ngheo: { baseline: 100, mid2018: 50 }, ho_dan_cu: { baseline: 1000, mid2018: 1000 } });
    expect(text).toContain("mục tiêu giảm 1,5 - 2 điểm %/năm của KH của tỉnh.");
    expect(text).not.toContain("minh họa");
  });
});

describe("the income and leaving verdicts, derived once per unit (unit-view.ts)", () => {
  const income = (code: string, to: number | undefined) =>
    derivedFor(code, { thu_nhap_bq_ho_ngheo: { baseline: 600, ...(to === undefined ? {} : { mid2018: to }) } }).income;
  it("judges the poor's income multiple against the pro-rata path (× 1,25 by mid-2018) and the whole multiple (× 1,5)", () => {
    expect([income("101", 740).verdict, income("101", 756).verdict, income("101", 900).verdict]).toEqual(["khong_dat", "dat", "vuot"]);
    expect(income("101", 756)).toMatchObject({ multiple: { value: 1.26, text: "1,26" }, label: labels.dat, targetText: { multiple: "1,5", path: "1,25" } });
  });
  it("holds a flagged commune to × 2 (path × 1,5), and gives no verdict without the last figure", () => {
    expect(income("102", 756)).toMatchObject({ verdict: "khong_dat", targetText: { multiple: "2", path: "1,5" } });
    expect(income("101", undefined)).toMatchObject({ verdict: "chua_du_so_lieu", multiple: { value: null, text: "—" } });
  });
  const leaving = (code: string, atStart: number | undefined, left: number) =>
    derivedFor(code, { ...(atStart === undefined ? {} : { so_xa_dbkk: { baseline: atStart } }), so_xa_thoat_dbkk: { mid2018: left } }).leaving[0]!;
  it("counts the communes that left the ĐBKK list against the path (10 - 15 % by mid-2018)", () => {
    expect(leaving("10", 4, 1)).toMatchObject({ own: false, share: { text: "25,00%" }, pathText: "10 - 15%", targetText: "20 - 30%", verdict: "vuot", label: labels.vuot });
    expect(leaving("10", 10, 1)).toMatchObject({ verdict: "dat", share: { text: "10,00%" } });
    expect(leaving("10", 10, 0)).toMatchObject({ verdict: "khong_dat", label: labels.khong_dat });
    expect(leaving("10", 0, 0)).toMatchObject({ verdict: null, label: null, share: { value: null } });
    expect(cellsOf("so_xa_thoat_dbkk", units.get("10")!, { so_xa_dbkk: { baseline: 0 } })!.verdict).toBe("Không có địa bàn thuộc diện");
    expect(cellsOf("so_xa_thoat_dbkk", units.get("10")!, {})!.verdict).toBe("-");
  });
  it("judges a flagged commune by its own status: đã thoát / chưa thoát", () => {
    expect(leaving("102", 1, 1)).toMatchObject({ own: true, verdict: "da_thoat", label: labels.da_thoat });
    expect(leaving("102", 1, 0)).toMatchObject({ own: true, verdict: "chua_thoat", label: labels.chua_thoat });
    expect(cellsOf("so_xa_thoat_dbkk", units.get("10")!, { so_xa_dbkk: { baseline: 4 }, so_xa_thoat_dbkk: { mid2018: 1 } })!.verdict).toBe(`${labels.vuot} (25,00%; lộ trình 10 - 15%)`);
  });
});
