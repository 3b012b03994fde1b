// Charts drawn on the pool's threads are the bytes this thread draws, and a page prints them.
import { afterAll, describe, expect, it } from "vitest";
import { chartPool, PAGES_IN_PROCESS } from "../../scripts/lib/site/chart-pool.js";
import { barChart, COLORS, columnChart, lineChart, type ChartSvg } from "../../scripts/lib/site/charts.js";

const charts = (): ChartSvg[] => [
  lineChart(["2015", "2016", "2017"], [{ name: "Tỷ lệ hộ nghèo", color: COLORS.poor, values: [12.5, 10.1, null] }, { name: "Mục tiêu", color: COLORS.target, values: [12.5, 11, 9.5], dashed: true }], "%"),
  columnChart(["Năm 2016", "Năm 2017"], [{ name: "Thoát nghèo", color: COLORS.escaped, values: [1234, 987] }], ""),
  barChart(["Xã A", "Xã Bờ rất dài tên để xuống dòng"], [{ name: "Kế hoạch", color: COLORS.planned, values: [1500.5, 200] }, { name: "Giải ngân", color: COLORS.disbursed, values: [1200, 0] }], ""),
];

describe("chart pool", () => {
  const pool = chartPool(2);
  afterAll(() => pool.close());

  it("leaves the first pages' charts to this thread (a rebuild of a few pages starts no thread)", async () => {
    for (let i = 0; i < PAGES_IN_PROCESS; i++) {
      const view = { charts: charts().map((svg) => ({ svg })) };
      await pool.draw(view);
      expect(view.charts.some((c) => c.svg.drawn)).toBe(false);
    }
  });

  it("draws every chart of a later page's view on its threads, byte for byte as this thread draws it", async () => {
    const view = { title: "x", charts: charts().map((svg, i) => ({ id: `c${i}`, svg })) };
    expect(view.charts.every((c) => !c.svg.drawn)).toBe(true);
    await pool.draw(view);
    expect(view.charts.every((c) => c.svg.drawn)).toBe(true);
    const here = charts().map((c) => c.toString());
    expect(view.charts.map((c) => String(c.svg))).toEqual(here);
    expect(here[0]).toMatch(/^<svg[\s\S]*Tỷ lệ hộ nghèo[\s\S]*<\/svg>$/);
  });

  it("leaves a view without charts alone and does not draw a chart twice", async () => {
    await pool.draw({ title: "no charts" });
    const [drawn] = charts();
    drawn!.setSvg("<svg>already</svg>");
    await pool.draw({ charts: [{ svg: drawn }] });
    expect(String(drawn)).toBe("<svg>already</svg>");
  });
});
