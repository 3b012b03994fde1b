// A pool of worker threads running one worker file, shared by whatever the build hands them (DOCX
// packing, input workbooks, charts: site/render-pool.ts). The threads start at the first job (or
// `start()`, so that they load while this thread still prepares the jobs). Jobs wait here in one
// queue, in the order given, and each thread is handed the next one as it finishes one (at most
// IN_FLIGHT at a time, so it never waits for a message): a thread that drew a small chart takes
// the next job instead of queueing behind a large document, and no job is copied to a thread
// before one is free for it.
import { parentPort, Worker } from "node:worker_threads";

/** Jobs a thread holds at once: the one it runs and the next ones, already sent (it does not wait
 *  for this thread, busy with its own work, to hand it the next). */
const IN_FLIGHT = 3;

export interface ThreadPool {
  /** Runs `job` on the next free thread; resolves with what the worker's handler returned. A
   *  function is called when a thread is free, and what it returns is the job: a job made only when
   *  it can run is not held in memory meanwhile. `first`: before every job waiting (one long job
   *  that the end of the build waits for). */
  run<T>(job: unknown, first?: boolean): Promise<T>;
  /** Takes the last job not yet sent to a thread, for the caller to run itself (this thread has
   *  nothing else to do): `job` is the job made (a function's result), `done` settles its promise. */
  steal(): { job: unknown; done: (out: Promise<unknown>) => void } | undefined;
  /** Starts the threads now (no-op when started or closed). */
  start(): void;
  readonly started: boolean;
  close(): Promise<void>;
}

interface Queued {
  id: number;
  job: unknown;
  resolve: (out: never) => void;
  reject: (e: Error) => void;
}

type Reply = { id: number; out?: unknown; error?: string };

/** A worker thread, its replies and its end handed to the pool: an error, a message that cannot be
 *  read, or its end without one (a `process.exit` in it; `terminate()` by close() ends it too). */
function thread(url: URL, onReply: (reply: Reply) => void, onError: (err: Error) => void): Worker {
  const w = new Worker(url);
  w.on("message", onReply);
  w.on("error", onError);
  w.on("messageerror", onError);
  w.on("exit", (code) => onError(new Error(`the thread ended (exit code ${code})`)));
  return w;
}

/** The job to send: a function's result (when it throws, the job fails: undefined). */
function made(q: Queued): { job: unknown } | undefined {
  try {
    return { job: typeof q.job === "function" ? (q.job as () => unknown)() : q.job };
  } catch (err) {
    q.reject(err instanceof Error ? err : new Error(String(err)));
    return undefined;
  }
}

/** A thread that failed (a crash, not a job's error) takes no more jobs, and its jobs fail; when
 *  no thread is left, the jobs still queued fail too (instead of waiting for ever). */
function failThread(i: number, err: Error, busy: number[], running: Map<number, Queued & { thread: number }>, queue: Queued[]): void {
  busy[i] = Number.POSITIVE_INFINITY;
  for (const [id, r] of [...running]) if (r.thread === i) (running.delete(id), r.reject(err));
  if (busy.every((b) => b === Number.POSITIVE_INFINITY)) for (const q of queue.splice(0)) q.reject(err);
}

export function threadPool(url: URL, size: number, label: string): ThreadPool {
  const queue: Queued[] = [];
  const running = new Map<number, Queued & { thread: number }>();
  const busy = new Array<number>(size).fill(0);
  let threads: Worker[] | null = null;
  let closed = false;
  let next = 0;
  const dispatch = () => {
    if (!threads) return;
    for (let i = busy.indexOf(Math.min(...busy)); queue.length && busy[i]! < IN_FLIGHT; i = busy.indexOf(Math.min(...busy))) {
      const q = queue.shift()!;
      const m = made(q);
      if (!m) continue;
      busy[i]!++;
      running.set(q.id, { ...q, thread: i });
      threads[i]!.postMessage({ id: q.id, job: m.job });
    }
  };
  const fail = (i: number, err: Error) => failThread(i, err, busy, running, queue);
  const spawn = (i: number) =>
    thread(url, (reply) => {
      busy[i]!--;
      const r = running.get(reply.id);
      running.delete(reply.id);
      if (reply.error !== undefined) r?.reject(new Error(`${label} worker: ${reply.error}`));
      else r?.resolve(reply.out as never);
      dispatch();
    }, (err) => closed || busy[i] === Number.POSITIVE_INFINITY || fail(i, err));
  const start = () => void (threads ??= closed ? null : Array.from({ length: size }, (_, i) => spawn(i)));
  return {
    run<T>(job: unknown, first = false) {
      if (closed) return Promise.reject(new Error(`${label}: the pool was closed before this job was done`));
      start();
      if (busy.every((b) => b === Number.POSITIVE_INFINITY)) return Promise.reject(new Error(`${label}: every thread has failed`));
      return new Promise<T>((resolve, reject) => {
        queue[first ? "unshift" : "push"]({ id: next++, job, resolve: resolve as (out: never) => void, reject });
        dispatch();
      });
    },
    steal() {
      for (let q = queue.pop(); q; q = queue.pop()) {
        const m = made(q);
        const { resolve, reject } = q;
        if (m) return { job: m.job, done: (out) => void out.then(resolve as (x: unknown) => void, reject) };
      }
      return undefined;
    },
    start,
    get started() {
      return threads !== null;
    },
    async close() {
      closed = true;
      for (const q of [...queue.splice(0), ...running.values()]) q.reject(new Error(`${label}: the pool was closed before this job was done`));
      running.clear();
      await Promise.all((threads ?? []).map((w) => w.terminate()));
      threads = null;
    },
  };
}

/** Bytes that own their whole buffer can be moved to the other thread instead of copied (a pooled
 *  Buffer shares its buffer with others: copied). */
const movable = (out: unknown): ArrayBuffer[] =>
  out instanceof Uint8Array && out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? [out.buffer as ArrayBuffer] : [];

/** The worker's side: each job through `handle`; bytes are moved back, not copied. */
export function serveJobs(handle: (job: never) => unknown): void {
  parentPort?.on("message", async ({ id, job }: { id: number; job: never }) => {
    try {
      const out = await handle(job);
      parentPort!.postMessage({ id, out }, movable(out));
    } catch (err) {
      parentPort!.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}
