// A rebuild of its own output starts a thread that takes the snapshot of the output's stats while the
// data is checked (stat-snapshot.ts). The build that started it stops it on every way out: a build
// whose check fails does not wait for the thread, and leaves none behind.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { build, type BuildOptions } from "../../scripts/lib/pipeline.js";
import type { StatSnapshotTask } from "../../scripts/lib/write/stat-snapshot.js";
import { FILES, SCHEMAS } from "../check/fixture.js";
import { TEMPLATES, makeFixture } from "./build-fixture.js";

const started: { task: StatSnapshotTask; cancelled: boolean }[] = [];
vi.mock("../../scripts/lib/write/stat-snapshot.js", async (original) => {
  const real = await original<typeof import("../../scripts/lib/write/stat-snapshot.js")>();
  return {
    ...real,
    statSnapshot: (...args: Parameters<typeof real.statSnapshot>) => {
      const task = real.statSnapshot(...args);
      const entry = { task, cancelled: false };
      started.push(entry);
      return { result: task.result, cancel: () => ((entry.cancelled = true), task.cancel()) };
    },
  };
});

const fx = makeFixture();
afterAll(() => fx.cleanup());

describe("the stat snapshot's thread", () => {
  it("is stopped by the build that started it, whether its check fails or it builds", async () => {
    const root = mkdtempSync(join(tmpdir(), "snapshot-cancel-"));
    const opts: BuildOptions = { dataDir: fx.data, outDir: join(root, "out"), cacheDir: join(root, "cache"), schemaDir: SCHEMAS, templateDir: TEMPLATES, workers: 0, load: { workers: 0 }, site: false };
    expect((await build(opts)).built).toBe(true);
    expect(started).toHaveLength(0); // a cold build: no previous output to take the stats of

    fx.edit(FILES.commune, /status: \w+/, "status: gui_roi");
    const failed = await build(opts);
    expect(failed.built).toBe(false);
    expect(started).toHaveLength(1);
    expect(started[0]!.cancelled).toBe(true);
    await started[0]!.task.result; // settled: nothing left waiting on the thread

    fx.edit(FILES.commune, "status: gui_roi", "status: da_nop");
    fx.edit(FILES.commune, /number: "?(\d+)"?/, 'number: "999"');
    const rebuilt = await build(opts);
    expect(rebuilt.built).toBe(true);
    expect(rebuilt.upToDate).toBe(false);
    expect(started).toHaveLength(2);
    expect(started[1]!.cancelled).toBe(true);
    expect(await started[1]!.task.result).not.toBeNull(); // the rebuild had its answer
  }, 300_000);
});
