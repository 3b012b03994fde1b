// DOCX packing, in-process or over a pool of worker threads (same bytes either way).
import { Worker } from "node:worker_threads";
import type { DocModel } from "../../model/document.js";
import { buildDocx } from "./build-docx.js";
import { packDocx } from "./pack-docx.js";

export interface DocxPacker {
  pack(model: DocModel): Promise<Uint8Array>;
  close(): Promise<void>;
}

export function inProcessPacker(): DocxPacker {
  return { pack: (m) => packDocx(buildDocx(m), m.created), close: async () => {} };
}

/** A pool of `size` workers; each job goes to the least busy worker. */
export function workerPacker(size: number): DocxPacker {
  const ts = import.meta.url.endsWith(".ts");
  const url = new URL(ts ? "./docx-worker-boot.mjs" : "./docx-worker.js", import.meta.url);
  const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
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
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
