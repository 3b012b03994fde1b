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
