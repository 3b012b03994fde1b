// The unit pages' charts drawn on worker threads while this thread renders and writes the pages:
// drawing (ECharts' SSR renderer) is most of a page's CPU, and during the site the DOCX threads
// are idle. A page still prints `{{{svg}}}` (ChartSvg.toString); a chart the pool has drawn is
// printed as drawn, one it has not is drawn on this thread. Same bytes either way: the threads
// run the same drawing code on the same spec (charts.ts drawSpec).
import { Worker } from "node:worker_threads";
import { ChartSvg, type ChartSpec } from "./charts.js";

export interface ChartPool {
  /** Draws every chart of a page's view (its `charts`, each with its `svg`) not yet drawn; resolves when all are. */
  draw(view: object): Promise<void>;
  close(): Promise<void>;
}

type Reply = { id: number; svg?: string; error?: string };

/** The first pages' charts are left to this thread (a rebuild after one edit renders a few pages:
 *  not worth starting threads that load the drawing code); the threads start with the next page. */
export const PAGES_IN_PROCESS = 4;

/** `size` drawing threads, started at the first chart of the page after the first PAGES_IN_PROCESS;
 *  each chart goes to the least busy one. */
export function chartPool(size: number): ChartPool {
  const ts = import.meta.url.endsWith(".ts");
  const url = new URL(ts ? "./chart-worker-boot.mjs" : "./chart-worker.js", import.meta.url);
  const pending = new Map<number, { resolve: (svg: string) => void; reject: (e: Error) => void }>();
  const load = new Array<number>(size).fill(0);
  let workers: Worker[] | null = null;
  const start = (): Worker[] =>
    Array.from({ length: size }, (_, i) => {
      const w = new Worker(url);
      w.on("message", ({ id, svg, error }: Reply) => {
        load[i]!--;
        const p = pending.get(id);
        pending.delete(id);
        if (svg === undefined) p?.reject(new Error(`chart worker: ${error}`));
        else p?.resolve(svg);
      });
      w.on("error", (err) => {
        for (const p of pending.values()) p.reject(err);
        pending.clear();
      });
      return w;
    });
  let next = 0;
  let pages = 0;
  const drawOne = (spec: ChartSpec): Promise<string> => {
    workers ??= start();
    const id = next++;
    const i = load.indexOf(Math.min(...load));
    load[i]!++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      workers![i]!.postMessage({ id, spec });
    });
  };
  return {
    async draw(view) {
      if (++pages <= PAGES_IN_PROCESS) return; // drawn on this thread when the page is printed
      const charts: unknown[] = "charts" in view && Array.isArray(view.charts) ? view.charts : [];
      const svgs = charts.map((c) => (c as { svg?: unknown } | null)?.svg).filter((s): s is ChartSvg => s instanceof ChartSvg && !s.drawn);
      await Promise.all(svgs.map(async (svg) => svg.setSvg(await drawOne(svg.spec))));
    },
    async close() {
      await Promise.all((workers ?? []).map((w) => w.terminate()));
      workers = null;
    },
  };
}
