// Money in the forms is shown in whole units of the money unit (triệu đồng), like every other
// money figure: "288.401", never "288.401,0" beside a whole number in the next column.
import { describe, expect, it } from "vitest";
import type { Indicator } from "../../scripts/lib/model/types.js";
import { evaluate, type EvalEnv, type RowContext } from "../../scripts/lib/render/view/evaluate.js";
import { financeFacts, type FactEnv } from "../../scripts/lib/render/view/facts.js";
import { moneyOf, type Derived } from "../../scripts/lib/render/view/unit-view.js";

const credit: Indicator = { id: "doanh_so_cho_vay", name: "Doanh số cho vay", unit: "triệu đồng", kind: "money", aggregate: { rule: "sum" }, periods: ["y2016"], group: "chinh_sach", decimals: 1 };
const env: EvalEnv = { indicators: new Map([[credit.id, credit]]), periods: [], sourceGroup: new Map([["nstw_sn", "I"]]) };
const row = (over: Partial<RowContext>): RowContext => ({ number: "1", label: "x", indicator: null, values: {}, finance: [], heading: false, ...over });

describe("money cells of the forms", () => {
  it("an indicator of kind money: whole units, even when the catalogue asks for a decimal", () => {
    expect(evaluate("value:y2016", row({ indicator: credit, values: { doanh_so_cho_vay: { y2016: 288401.04 } } }), env).text).toBe("288.401");
    expect(evaluate("value:y2016", row({ indicator: credit, values: { doanh_so_cho_vay: { y2016: 1234.6 } } }), env).text).toBe("1.235");
  });

  it("plan and disbursement sums: whole units, each record rounded first so a printed total equals its printed parts; the rate keeps its two decimals", () => {
    const finance = [
      { component: "DA3", source: "nstw_sn", period: "y2016", plan: 1000.4, disbursed: 600.3 },
      { component: "DA3", source: "nstw_sn", period: "y2017", plan: 500.4, disbursed: 150.4 },
    ];
    expect(evaluate("plan:all:I", row({ finance }), env).text).toBe("1.500");
    expect(evaluate("disbursed:all", row({ finance }), env).text).toBe("750");
    expect(evaluate("disbursed_rate:all", row({ finance }), env).text).toBe("50,00"); // 750 / 1.500, as printed
  });

  it("a cell adds only the records of its period and its source or source group; money with no plan counts as disbursed only without a filter", () => {
    const groups: EvalEnv = { ...env, sourceGroup: new Map([["nstw_sn", "I"], ["nstw_dt", "I"], ["dia_phuong", "II"]]) };
    const finance = [
      { component: "DA1", source: "nstw_sn", period: "y2016", plan: 100.5, disbursed: 80.5 }, // rounded: 101, 81
      { component: "DA1", source: "nstw_dt", period: "y2016", plan: 200, disbursed: 150 },
      { component: "DA1", source: "dia_phuong", period: "y2016", plan: 40, disbursed: 40 },
      { component: "DA2", source: "nstw_sn", period: "y2017", plan: 300.4, disbursed: 100.4 }, // 300, 100
      { component: "DA2", source: "nstw_sn", period: "y2016", plan: 0.5, disbursed: 0.4 }, // 1, 0
    ];
    const cell = (expr: string, over: Partial<RowContext> = {}) => evaluate(expr, row({ finance, ...over }), groups).text;
    expect(cell("plan:y2016")).toBe("342"); // 101 + 200 + 40 + 1
    expect(cell("plan:y2016:I")).toBe("302"); // a group: both of its sources
    expect(cell("plan:y2016:nstw_sn")).toBe("102"); // one source
    expect(cell("disbursed:y2017:II")).toBe("-"); // no record: a dash, not 0
    expect(cell("disbursed:all")).toBe("371"); // 81 + 150 + 40 + 100 + 0
    const unplanned = [{ period: "y2016", disbursed: 9.6 }, { period: "y2017", disbursed: 5 }];
    expect(cell("disbursed:y2016", { unplanned })).toBe("281"); // 271 + 10
    expect(cell("disbursed:y2016:I", { unplanned })).toBe("231"); // a filter leaves the unplanned money out
    expect(cell("disbursed:y2017", { finance: [], unplanned })).toBe("5");
    expect(cell("disbursed_rate:y2016", { unplanned })).toBe("-"); // a rate over money without a plan means nothing
    expect(cell("disbursed_rate:y2017")).toBe("33,33"); // 100 / 300
  });
});

describe("the report's sentence on money", () => {
  // Only what the sentence reads: the window's label and the money unit.
  const factEnv = { project: { window_label: "2016 - 2018" }, moneyUnit: "triệu đồng" } as unknown as FactEnv;
  const derived = (records: { plan: number; disbursed: number }[]): Pick<Derived, "money"> => ({ money: moneyOf(records) });

  it("quotes the disbursement rate of a plan, with two decimals", () => {
    expect(financeFacts(factEnv, derived([{ plan: 1500, disbursed: 750 }]))).toEqual([
      "Tổng kế hoạch vốn được giao giai đoạn 2016 - 2018 là 1.500 triệu đồng; đã giải ngân 750 triệu đồng, đạt 50,00% kế hoạch.",
    ]);
  });

  it("money disbursed without a plan: no rate (as Biểu 05 leaves the cell empty), never \"đạt 0,00%\"", () => {
    const [text] = financeFacts(factEnv, derived([{ plan: 0, disbursed: 120 }]));
    expect(text).toContain("đã giải ngân 120 triệu đồng");
    expect(text).toContain("không tính tỷ lệ giải ngân");
    expect(text).not.toMatch(/đạt [\d,]+% kế hoạch/);
  });
});
