// DOCX packing, in-process or over a pool of worker threads (same bytes either way).
//
// The pool is lazy: requests made in the same turn of the event loop are gathered, and when they
// are few (a rebuild after one edit packs one to three documents) they are packed in this thread,
// which has docx loaded already; the worker threads (each loading tsx and docx: about a second of
// CPU) start only when a batch is large enough to pay for them.
import { Worker } from "node:worker_threads";
import type { DocModel } from "../../model/document.js";
import { buildDocx } from "./build-docx.js";
import { packDocx } from "./pack-docx.js";

export interface DocxPacker {
  pack(model: DocModel): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A batch of at most this many documents is packed in-process when no worker has started. */
export const IN_PROCESS_MAX = 4;

export function inProcessPacker(): DocxPacker {
  return { pack: (m) => packDocx(buildDocx(m), m.created), close: async () => {} };
}

interface Pending {
  resolve: (b: Uint8Array) => void;
  reject: (e: Error) => void;
}

/** `size` worker threads; each job goes to the least busy worker. */
function startWorkers(size: number): DocxPacker {
  const ts = import.meta.url.endsWith(".ts");
  const url = new URL(ts ? "./docx-worker-boot.mjs" : "./docx-worker.js", import.meta.url);
  const pending = new Map<number, Pending>();
  const load = new Array<number>(size).fill(0);
  const workers = Array.from({ length: size }, (_, i) => {
    const w = new Worker(url);
    w.on("message", (msg: { id: number; bytes?: Uint8Array; error?: string }) => {
      load[i]!--;
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error !== undefined || !msg.bytes) p?.reject(new Error(`DOCX worker: ${msg.error}`));
      else p?.resolve(msg.bytes);
    });
    w.on("error", (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
    return w;
  });
  let next = 0;
  return {
    pack(model) {
      const id = next++;
      const i = load.indexOf(Math.min(...load));
      load[i]!++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[i]!.postMessage({ id, model });
      });
    },
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}

/** A pool of `size` workers, started on the first batch of more than `IN_PROCESS_MAX` requests
 *  (`start` is replaceable for tests). */
export function workerPacker(size: number, start: (size: number) => DocxPacker = startWorkers): DocxPacker {
  const local = inProcessPacker();
  let pool: DocxPacker | null = null;
  let batch: { model: DocModel; done: Pending }[] = [];
  // Once closed (a build done or failed), nothing starts a pool: requests still gathered are refused.
  let closed = false;
  const refused = () => new Error("docx: the packer was closed before this document was packed");
  const flush = () => {
    const jobs = batch;
    batch = [];
    if (closed) return void jobs.forEach(({ done }) => done.reject(refused()));
    if (!pool && jobs.length > IN_PROCESS_MAX) pool = start(size);
    const packer = pool ?? local;
    for (const { model, done } of jobs) packer.pack(model).then(done.resolve, done.reject);
  };
  return {
    pack(model) {
      if (closed) return Promise.reject(refused());
      if (pool) return pool.pack(model);
      if (batch.length === 0) setImmediate(flush);
      return new Promise((resolve, reject) => batch.push({ model, done: { resolve, reject } }));
    },
    close: async () => {
      closed = true;
      await pool?.close();
    },
  };
}
