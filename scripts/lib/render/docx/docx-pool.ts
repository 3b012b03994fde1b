// DOCX packing, in-process or over a pool of worker threads (same bytes either way).
//
// The pool is lazy: requests made in the same turn of the event loop are gathered, and when they
// are few (a rebuild after one edit packs one to three documents) they are packed in this thread
// (loading docx for them); the worker threads (each loading docx: about a second of CPU) start
// only when a batch is large enough to pay for them, or when the build starts them beforehand.
import type { DocModel } from "../../model/document.js";
import { threadPool } from "../worker-threads.js";

export interface DocxPacker {
  pack(model: DocModel): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A batch of at most this many documents is packed in-process when no worker has started. */
export const IN_PROCESS_MAX = 4;

/** Packs in this thread; docx is loaded at the first document (a build whose documents are all
 *  packed on threads, or kept, never loads it here). */
export function inProcessPacker(): DocxPacker {
  return {
    pack: async (m) => {
      const [{ buildDocx }, { packDocx }] = await Promise.all([import("./build-docx.js"), import("./pack-docx.js")]);
      return packDocx(buildDocx(m), m.created);
    },
    close: async () => {},
  };
}

interface Pending {
  resolve: (b: Uint8Array) => void;
  reject: (e: Error) => void;
}

/** `size` worker threads packing DOCX only (the build shares its threads: site/render-pool.ts). */
function startWorkers(size: number): DocxPacker {
  const ts = import.meta.url.endsWith(".ts");
  const pool = threadPool(new URL(ts ? "./docx-worker-boot.mjs" : "./docx-worker.js", import.meta.url), size, "DOCX");
  return { pack: (model) => pool.run<Uint8Array>(model), close: () => pool.close() };
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
