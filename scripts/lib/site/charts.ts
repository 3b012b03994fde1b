// Charts rendered at build time with ECharts' server-side SVG renderer: no chart library reaches
// the browser. Each chart comes with a table holding the same numbers (the accessible version and
// the one that prints); the SVG itself is hidden from assistive technology by the partial.

import { createRequire } from "node:module";
import type * as echarts from "echarts";
import { viAxis } from "./format.js";

/** ECharts, loaded at the first chart drawn (a page kept or copied from a previous output draws
 *  none; a thread that never draws never loads it). A CommonJS build, synchronously, since a page's
 *  template prints a chart by `toString`: the "common" one (line, bar, grid, legend, the SVG renderer
 *  and a few more), the same code as the whole bundle and the same SVG bytes, with fewer chart types
 *  and components registered, which each chart's option walks through (README, Performance). */
let library: typeof echarts | undefined;
const drawing = (): typeof echarts => (library ??= createRequire(import.meta.url)("echarts/dist/echarts.common.js") as typeof echarts);

export interface ChartTable {
  head: string[];
  rows: { label: string; cells: string[] }[];
}

export interface ChartView {
  id: string;
  title: string;
  svg: ChartSvg;
  table: ChartTable;
  note: string | null;
}

export interface ChartSeries {
  name: string;
  color: string;
  values: (number | null)[];
  dashed?: boolean;
}

/**
 * Chart width in SVG units, and its text size: drawn small and lettered large, so that scaled to a
 * 390 px phone (about 358 px of chart) the text stays at 12 px or more (15 × 358 ÷ 420 ≈ 12,8).
 */
const W = 420;
const FS = 15;
const FONT = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif";
const TEXT = "#1f2933";
const GRID_LINE = "#d9dee4";

export const COLORS = {
  poor: "#b2182b",
  nearPoor: "#d6604d",
  target: "#1f2933",
  baseline: "#92c5de",
  latest: "#2166ac",
  escaped: "#1b7837",
  relapsed: "#e08214",
  newPoor: "#762a83",
  planned: "#9ecae1",
  disbursed: "#08519c",
  deprived: "#8c510a",
  deprivedEarlier: "#dfc27d",
} as const;

/** What a chart is drawn from, as plain data (it crosses to the drawing threads: chart-pool.ts). */
export interface ChartSpec {
  kind: "line" | "column" | "bar";
  categories: string[];
  series: ChartSeries[];
  /** Appended to axis values ("%", ""). */
  unit: string;
}

/**
 * A chart's picture: its ECharts option, drawn to SVG the first time it is printed (`toString`,
 * which the page template's `{{{svg}}}` calls), or beforehand on a drawing thread (`drawCharts`,
 * chart-pool.ts). A site page's content address hashes the option (`toJSON`), not the drawing, so
 * a page reused from the previous output never draws its charts.
 */
export class ChartSvg {
  #svg: string | undefined;
  readonly option: echarts.EChartsCoreOption;
  readonly width: number;
  readonly height: number;
  constructor(readonly spec: ChartSpec) {
    ({ option: this.option, width: this.width, height: this.height } = chartOption(spec));
  }
  get drawn(): boolean {
    return this.#svg !== undefined;
  }
  /** The picture drawn elsewhere from this chart's spec (the same bytes `toString` would draw). */
  setSvg(svg: string): void {
    this.#svg = svg;
  }
  toString(): string {
    return (this.#svg ??= renderSvg(this.option, this.width, this.height));
  }
  /** What the picture is drawn from (an axis formatter, a function, is code: the code version covers it). */
  toJSON(): object {
    return { option: this.option, width: this.width, height: this.height };
  }
}

/** A chart's SVG from its spec. */
export function drawSpec(spec: ChartSpec): string {
  const { option, width, height } = chartOption(spec);
  return renderSvg(option, width, height);
}

/** Render one option to an SVG string, and free the instance (an undisposed one keeps Node alive). */
function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = drawing().init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, color: TEXT }, ...option });
    // The hover styles ECharts appends make a static picture look clickable: drop them.
    return stableIds(chart.renderToSVGString().replace(/<style\b[\s\S]*?<\/style>/g, ""));
  } finally {
    chart.dispose();
  }
}

/**
 * zrender names classes and ids from process-wide counters ("zr26-cls-116"), so the same chart
 * drawn later in the same process gets other names. Renumber them per chart, in order of first
 * appearance, so the same input gives the same bytes.
 */
export function stableIds(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/zr\d+-([a-z]+)-?(\d+)/g, (m, kind: string) => {
    let id = seen.get(m);
    if (!id) {
      id = `zr0-${kind}-${seen.size}`;
      seen.set(m, id);
    }
    return id;
  });
}

const legend = { bottom: 0, itemGap: 12, textStyle: { fontSize: FS, color: TEXT } };
/** Category labels wrap within their slot instead of running into the next one. */
const categoryLabels = (n: number, plotWidth: number) => ({ fontSize: FS, color: TEXT, interval: 0, width: Math.max(40, Math.floor(plotWidth / Math.max(1, n)) - 6), overflow: "break" as const });
const valueAxis = (unit: string) => ({
  type: "value" as const,
  splitNumber: 4,
  axisLabel: { fontSize: FS, color: TEXT, formatter: (v: number) => viAxis(v) + unit },
  splitLine: { lineStyle: { color: GRID_LINE } },
});

/** The series as plain data: only what is drawn crosses to a drawing thread. */
const plain = (series: ChartSeries[]): ChartSeries[] => series.map(({ name, color, values, dashed }) => ({ name, color, values, ...(dashed ? { dashed } : {}) }));

/** A spec's ECharts option and size. */
function chartOption({ kind, categories, series, unit }: ChartSpec): { option: echarts.EChartsCoreOption; width: number; height: number } {
  switch (kind) {
    case "line":
      return lineOption(categories, series, unit);
    case "column":
      return columnOption(categories, series, unit);
    case "bar":
      return barOption(categories, series, unit);
  }
}

/** Line chart over categories (periods). `unit` is appended to axis values ("%", ""). */
export function lineChart(categories: string[], series: ChartSeries[], unit: string): ChartSvg {
  return new ChartSvg({ kind: "line", categories, series: plain(series), unit });
}

/** Grouped vertical bars over categories. */
export function columnChart(categories: string[], series: ChartSeries[], unit: string): ChartSvg {
  return new ChartSvg({ kind: "column", categories, series: plain(series), unit });
}

/** Grouped horizontal bars, one row per category (long names wrap on the left). */
export function barChart(categories: string[], series: ChartSeries[], unit: string): ChartSvg {
  return new ChartSvg({ kind: "bar", categories, series: plain(series), unit });
}

function sized(option: echarts.EChartsCoreOption, width: number, height: number) {
  return { option, width, height };
}

function lineOption(categories: string[], series: ChartSeries[], unit: string) {
  return sized(
    {
      grid: { left: 56, right: 20, top: 24, bottom: 100 },
      legend,
      xAxis: { type: "category", data: categories, axisLabel: categoryLabels(categories.length, W - 76) },
      yAxis: valueAxis(unit),
      series: series.map((s) => ({
        type: "line",
        name: s.name,
        data: s.values,
        connectNulls: true,
        symbolSize: 7,
        itemStyle: { color: s.color },
        lineStyle: { color: s.color, width: 2.5, type: s.dashed ? "dashed" : "solid" },
      })),
    },
    W,
    340,
  );
}

function columnOption(categories: string[], series: ChartSeries[], unit: string) {
  return sized(
    {
      grid: { left: 64, right: 20, top: 24, bottom: 96 },
      legend,
      xAxis: { type: "category", data: categories, axisLabel: categoryLabels(categories.length, W - 84) },
      yAxis: valueAxis(unit),
      series: series.map((s) => ({ type: "bar", name: s.name, data: s.values, itemStyle: { color: s.color } })),
    },
    W,
    340,
  );
}

function barOption(categories: string[], series: ChartSeries[], unit: string) {
  const rowHeight = 18 + 12 * series.length;
  const height = Math.max(200, 96 + rowHeight * categories.length);
  return sized(
    {
      grid: { left: 150, right: 24, top: 16, bottom: 80 },
      legend,
      yAxis: {
        type: "category",
        inverse: true,
        data: categories,
        axisLabel: { fontSize: FS, color: TEXT, width: 140, overflow: "break", interval: 0 },
      },
      xAxis: valueAxis(unit),
      series: series.map((s) => ({
        type: "bar",
        name: s.name,
        data: s.values,
        barMaxWidth: 14,
        itemStyle: { color: s.color },
      })),
    },
    W,
    height,
  );
}
