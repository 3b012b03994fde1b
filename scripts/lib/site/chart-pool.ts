// The unit pages' charts drawn on worker threads while this thread renders and writes the pages:
// drawing (ECharts' SSR renderer) is most of a page's CPU; the build's threads (render-pool.ts)
// have packed its documents and workbooks by then. A page still prints `{{{svg}}}` (ChartSvg.toString); a chart the pool has drawn is
// printed as drawn, one it has not is drawn on this thread. Same bytes either way: the threads
// run the same drawing code on the same spec (charts.ts drawSpec).
import { ChartSvg, type ChartSpec } from "./charts.js";
import { renderPool } from "./render-pool.js";

export interface ChartPool {
  /** Draws every chart of a page's view (its `charts`, each with its `svg`) not yet drawn; resolves when all are. */
  draw(view: object): Promise<void>;
  close(): Promise<void>;
}

/** The first pages' charts are left to this thread (a rebuild after one edit renders a few pages:
 *  not worth starting threads that load the drawing code); the threads start with the next page. */
export const PAGES_IN_PROCESS = 4;

/** Charts drawn on threads from the first chart of the page after the first PAGES_IN_PROCESS: the
 *  build's shared threads (`drawOn`: site/render-pool.ts, which the build closes), or `size` threads
 *  of this pool's own. */
export function chartPool(drawOn: number | ((spec: ChartSpec) => Promise<string>)): ChartPool {
  const own = typeof drawOn === "number" ? renderPool(drawOn) : null;
  const drawOne = own ? own.chart : (drawOn as (spec: ChartSpec) => Promise<string>);
  let pages = 0;
  return {
    async draw(view) {
      if (++pages <= PAGES_IN_PROCESS) return; // drawn on this thread when the page is printed
      const charts: unknown[] = "charts" in view && Array.isArray(view.charts) ? view.charts : [];
      const svgs = charts.map((c) => (c as { svg?: unknown } | null)?.svg).filter((s): s is ChartSvg => s instanceof ChartSvg && !s.drawn);
      await Promise.all(svgs.map(async (svg) => svg.setSvg(await drawOne(svg.spec))));
    },
    close: async () => own?.close(),
  };
}
