// Worker thread of chart-pool.ts: a chart's spec in, its SVG out.
import { parentPort } from "node:worker_threads";
import { drawSpec, type ChartSpec } from "./charts.js";

parentPort?.on("message", ({ id, spec }: { id: number; spec: ChartSpec }) => {
  try {
    parentPort!.postMessage({ id, svg: drawSpec(spec) });
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
