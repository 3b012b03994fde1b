// The build's thread pool (render/worker-threads.ts): jobs answered in the order given (one asked
// for first before those waiting), a job given as a function made only when a thread is free for it, the main thread taking the last queued job
// when it has nothing else to do, and closing refusing what is still queued.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { threadPool } from "../../scripts/lib/render/worker-threads.js";

// A worker that doubles its number (slowly enough that jobs queue up), fails on a negative one, and
// crashes (an uncaught error: the thread ends) on 999, and ends without an error on 998.
const dir = mkdtempSync(join(tmpdir(), "worker-threads-"));
const url = pathToFileURL(join(dir, "double.mjs"));
writeFileSync(
  url,
  `import { parentPort } from "node:worker_threads";
parentPort.on("message", ({ id, job }) => {
  const until = Date.now() + 20;
  while (Date.now() < until);
  if (job === 999) throw new Error("crash");
  if (job === 998) process.exit(0);
  if (job < 0) parentPort.postMessage({ id, error: "negative " + job });
  else parentPort.postMessage({ id, out: job * 2 });
});`,
);

describe("threadPool", () => {
  const pools: { close(): Promise<void> }[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it("answers every job, each with its own result, over two threads", async () => {
    const pool = threadPool(url, 2, "test");
    pools.push(pool);
    expect(pool.started).toBe(false);
    const out = await Promise.all(Array.from({ length: 12 }, (_, i) => pool.run<number>(i)));
    expect(pool.started).toBe(true);
    expect(out).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
  });

  it("rejects a failed job with the worker's message, and goes on with the others", async () => {
    const pool = threadPool(url, 1, "test");
    pools.push(pool);
    const [bad, good] = await Promise.allSettled([pool.run<number>(-1), pool.run<number>(4)]);
    expect(bad).toMatchObject({ status: "rejected", reason: { message: expect.stringMatching(/^test worker: negative -1/) } });
    expect(good).toEqual({ status: "fulfilled", value: 8 });
  });

  it("a thread that crashes takes no more jobs: the others finish them, and with none left every queued job fails instead of waiting forever", async () => {
    const two = threadPool(url, 2, "test");
    const one = threadPool(url, 1, "test");
    pools.push(two, one);
    const [crashed, ...rest] = await Promise.allSettled([two.run<number>(999), ...Array.from({ length: 8 }, (_, i) => two.run<number>(i))]);
    expect(crashed).toMatchObject({ status: "rejected", reason: { message: "crash" } });
    // Jobs already handed to the crashed thread fail with it; every other one is answered.
    const answered = rest.filter((r) => r.status === "fulfilled");
    expect(answered.length).toBeGreaterThanOrEqual(8 - 2);
    for (const r of answered) expect((r as PromiseFulfilledResult<number>).value % 2).toBe(0);
    const alone = await Promise.allSettled([one.run<number>(999), ...Array.from({ length: 6 }, (_, i) => one.run<number>(i))]);
    expect(alone.every((r) => r.status === "rejected")).toBe(true);
    // A job given after every thread failed fails at once.
    await expect(one.run<number>(1)).rejects.toThrow("test: every thread has failed");
  });

  it("a thread that ends without an error (process.exit in it) counts as failed too", async () => {
    const one = threadPool(url, 1, "test");
    pools.push(one);
    const all = await Promise.allSettled([one.run<number>(998), one.run<number>(1)]);
    expect(all[0]).toMatchObject({ status: "rejected", reason: { message: "the thread ended (exit code 0)" } });
    expect(all[1]!.status).toBe("rejected");
  });

  it("makes a job given as a function only when a thread takes it; one that throws fails alone", async () => {
    const pool = threadPool(url, 1, "test");
    pools.push(pool);
    const made: number[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) => pool.run<number>(() => (made.push(i), i === 5 ? (() => { throw new Error("no layout"); })() : i)));
    // One thread holds at most three jobs: the others are not made yet.
    expect(made).toEqual([0, 1, 2]);
    const out = await Promise.allSettled(jobs);
    expect(made).toEqual([0, 1, 2, 3, 4, 5]);
    expect(out.slice(0, 5)).toEqual([0, 2, 4, 6, 8].map((value) => ({ status: "fulfilled", value })));
    expect(out[5]).toMatchObject({ status: "rejected", reason: { message: "no layout" } });
  });

  it("runs a job asked for first before every job waiting (the province workbook, which the site's pages wait for)", async () => {
    const pool = threadPool(url, 1, "test");
    pools.push(pool);
    const made: number[] = [];
    const job = (i: number) => () => (made.push(i), i);
    const jobs = Array.from({ length: 6 }, (_, i) => pool.run<number>(job(i)));
    const first = pool.run<number>(job(100), true);
    const out = await Promise.all([...jobs, first]);
    // Three were already on the thread; it came before the three still waiting.
    expect(made).toEqual([0, 1, 2, 100, 3, 4, 5]);
    expect(out).toEqual([0, 2, 4, 6, 8, 10, 200]);
  });

  it("hands the last queued job to a caller that runs it itself, and never sends it to a thread", async () => {
    const pool = threadPool(url, 1, "test");
    pools.push(pool);
    const sent: number[] = [];
    const jobs = Array.from({ length: 6 }, (_, i) => pool.run<number>(() => (sent.push(i), i)));
    const stolen = pool.steal()!;
    expect(stolen.job).toBe(5);
    stolen.done(Promise.resolve(-5));
    expect(await Promise.all(jobs)).toEqual([0, 2, 4, 6, 8, -5]);
    expect(sent).toEqual([0, 1, 2, 5, 3, 4]);
    expect(pool.steal()).toBeUndefined();
  });

  it("refuses the jobs still queued when closed, and any later one", async () => {
    const pool = threadPool(url, 1, "test");
    const jobs = Array.from({ length: 5 }, (_, i) => pool.run<number>(i));
    const settled = Promise.allSettled(jobs);
    await pool.close();
    const out = await settled;
    expect(out.map((o) => o.status)).toEqual(jobs.map(() => "rejected"));
    await expect(pool.run(1)).rejects.toThrow(/closed/);
  });
});
