// A file the build means to keep from a previous output (or the --cache folder) removed while the
// build runs: the build stops with the writer's message as bad input (InputError: exit 1, no stack
// trace), not as a bug, and leaves no output behind.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { InputError } from "../../scripts/lib/diagnostics/input-error.js";
import { build, type BuildOptions } from "../../scripts/lib/pipeline.js";
import { SCHEMAS } from "../check/fixture.js";
import { TEMPLATES, makeFixture } from "./build-fixture.js";

const state = { gone: false };
vi.mock("../../scripts/lib/write/previous-output.js", async (original) => {
  const real = await original<typeof import("../../scripts/lib/write/previous-output.js")>();
  return {
    ...real,
    // Every file to keep has vanished once `state.gone` is set: what linkOrCopy finds then.
    linkOrCopy: (from: string, to: string) => (state.gone ? real.linkOrCopy(`${from}.gone`, to) : real.linkOrCopy(from, to)),
  };
});

const fx = makeFixture();
afterAll(() => fx.cleanup());

describe("a file to keep removed during the build", () => {
  it("stops the build as bad input with the file's name, and no output is made", async () => {
    const root = mkdtempSync(join(tmpdir(), "output-changed-"));
    const opts = (out: string): BuildOptions => ({ dataDir: fx.data, outDir: join(root, out), cacheDir: join(root, "cache"), schemaDir: SCHEMAS, templateDir: TEMPLATES, workers: 0, load: { workers: 0 }, site: false });
    expect((await build(opts("first"))).built).toBe(true);
    state.gone = true;
    // A second output from the same data: its files are kept from the cache folder's copy.
    const failed = build(opts("second"));
    await expect(failed).rejects.toBeInstanceOf(InputError);
    await expect(failed).rejects.toThrow(/\.gone: tệp đã bị xóa trong khi lệnh đang chạy/);
    expect(existsSync(join(root, "second"))).toBe(false);
  }, 300_000);
});
