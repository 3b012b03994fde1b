// The build's worker threads, shared by its costly outputs: DOCX packing, the input workbooks, the
// province-wide workbook and the unit pages' charts (render-job.ts). One pool, so that no core waits while another kind of
// work remains: the threads pack documents, then make workbooks, then draw charts, in the order the
// build hands them over (render/worker-threads.ts: one queue, a thread takes the next job when free).
//
// Like the DOCX packer (render/docx/docx-pool.ts), it is lazy: a few jobs asked for in one turn of
// the event loop (a rebuild after one edit: one workbook) are made in this thread, and the threads
// start only for more, or when the build starts them beforehand (`start`) because it knows that
// many documents are to be made.
import { IN_PROCESS_MAX, type DocxPacker } from "../render/docx/docx-pool.js";
import { threadPool } from "../render/worker-threads.js";
import type { ChartSpec } from "./charts.js";
import { renderJob, type RenderJob } from "./render-job.js";
import type { WorkbookSpec } from "./workbook.js";

export interface RenderPool {
  /** The DOCX packer's threads (docx-pool.ts `workerPacker`'s `start`): this pool's. */
  docx: (size: number) => DocxPacker;
  /** An input workbook from its layout and report, made when a thread is free for it (same bytes
   *  as xlsx/export.ts in this thread). */
  workbook(job: () => Omit<Extract<RenderJob, { kind: "workbook" }>, "kind">): Promise<Uint8Array>;
  /** The province-wide workbook from its sheets (site/workbook.ts), on a thread (or here, as workbooks are):
   *  before every job waiting, since the site's pages show its size (a nation's takes a thread
   *  ≈ 20 s; behind the documents and input workbooks, the build waited for it at their end). */
  sheets(spec: () => WorkbookSpec): Promise<Uint8Array>;
  /** A chart's SVG on a thread (the pool is started: the caller decides what is drawn here). */
  chart(spec: ChartSpec): Promise<string>;
  /** `p`, while this thread, with nothing else to do until it settles, runs the jobs still waiting
   *  for a thread itself, the last first (it has loaded the drawing code already; and a workbook left
   *  at the end of the queue is made sooner here than after the threads' documents). */
  helpUntil<T>(p: Promise<T>): Promise<T>;
  /** Starts the threads now, so that they load while this thread prepares the jobs. */
  start(): void;
  close(): Promise<void>;
}

export function renderPool(size: number): RenderPool {
  const ts = import.meta.url.endsWith(".ts");
  const threads = threadPool(new URL(ts ? "./render-worker-boot.mjs" : "./render-worker.js", import.meta.url), size, "render");
  let batch: { job: () => RenderJob; first: boolean; resolve: (out: never) => void; reject: (e: Error) => void }[] = [];
  const flush = () => {
    const jobs = batch;
    batch = [];
    const here = !threads.started && jobs.length <= IN_PROCESS_MAX;
    for (const { job, first, resolve, reject } of jobs) (here ? Promise.resolve().then(() => renderJob(job())) : threads.run(job, first)).then(resolve as (out: unknown) => void, reject);
  };
  /** Jobs asked for in one turn are gathered, then made here (few, no thread started) or on the threads. */
  const gathered = <T>(job: () => RenderJob, first = false): Promise<T> => {
    if (threads.started) return threads.run<T>(job, first);
    if (batch.length === 0) setImmediate(flush);
    return new Promise<T>((resolve, reject) => batch.push({ job, first, resolve: resolve as (out: never) => void, reject }));
  };
  const helpUntil = async <T>(p: Promise<T>): Promise<T> => {
    let settled = false;
    p.then(() => (settled = true), () => (settled = true));
    // One job at a time, letting the threads' replies (and the next jobs) through in between.
    for (let stolen = threads.steal(); stolen && !settled; stolen = settled ? undefined : threads.steal()) {
      const out = renderJob(stolen.job as RenderJob);
      stolen.done(out);
      await out.catch(() => {});
      await new Promise((r) => setImmediate(r));
    }
    return p;
  };
  return {
    helpUntil,
    docx: () => ({ pack: (model) => threads.run<Uint8Array>({ kind: "docx", model }), close: async () => {} }),
    workbook: (job) => gathered<Uint8Array>(() => ({ kind: "workbook", ...job() })),
    sheets: (spec) => gathered<Uint8Array>(() => ({ kind: "sheets", spec: spec() }), true),
    chart: (spec) => threads.run<string>({ kind: "chart", spec }),
    start: () => threads.start(),
    close: () => threads.close(),
  };
}
