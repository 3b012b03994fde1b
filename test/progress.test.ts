// Progress of check and build: redrawn in place on a terminal, plain and quiet in CI logs and
// when stderr is not a terminal (a pipe, a file).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { duration, progressReporter, type ProgressOutput } from "../scripts/lib/progress.js";
import { RUN_MJS, makeFixture } from "./check/fixture.js";

function capture(isTTY: boolean): ProgressOutput & { text: string } {
  const out = { isTTY, text: "", write: (s: string) => (out.text += s) };
  return out;
}

/** Runs 1 000 items over `ms` of a fake clock, then a second phase of 3 items. */
function run(out: ProgressOutput, env: NodeJS.ProcessEnv, ms: number): void {
  let now = 0;
  const p = progressReporter(out, env, () => now);
  for (let i = 1; i <= 1000; i++) {
    now = (ms * i) / 1000;
    p.update("Đọc tệp báo cáo", i, 1000);
  }
  p.update("Tạo văn bản (đơn vị)", 3, 3);
  p.finish();
}

describe("progress", () => {
  it("without a terminal: no redrawing, no escape codes, one line for a long phase of many items and none for a short or small one", () => {
    const out = capture(false);
    run(out, {}, 42_000);
    expect(out.text).toBe("Đọc tệp báo cáo: 1000/1000, 42 giây.\n");
    // A province's 300 files on a slow machine: nothing (a check's stderr stays empty).
    const small = capture(false);
    let now = 0;
    const p = progressReporter(small, {}, () => now);
    for (let i = 1; i <= 300; i++) p.update("Đọc tệp báo cáo", i, 300), (now += 100);
    p.finish();
    expect(small.text).toBe("");
  });

  it("in CI (CI=true), even on a terminal: the same plain lines", () => {
    const out = capture(true);
    run(out, { CI: "true" }, 42_000);
    expect(out.text).toBe("Đọc tệp báo cáo: 1000/1000, 42 giây.\n");
    const quick = capture(true);
    run(quick, { CI: "true" }, 3_000);
    expect(quick.text).toBe("");
  });

  it("on a terminal: one line redrawn in place with done/total, elapsed and time left, erased at the end", () => {
    const out = capture(true);
    run(out, { CI: "false" }, 42_000);
    const frames = out.text.split("\r\x1b[2K").filter(Boolean);
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.length).toBeLessThan(1000 / 2); // redrawn at most every 200 ms, not per item
    expect(frames.filter((f) => /^Đọc tệp báo cáo: 50\d\/1000 \(50%\), 21 giây, còn khoảng 21 giây$/.test(f))).not.toEqual([]);
    expect(out.text.endsWith("\r\x1b[2K")).toBe(true);
    expect(out.text).not.toContain("\n");
  });

  it("writes durations in Vietnamese", () => {
    expect(duration(4_400)).toBe("4 giây");
    expect(duration(125_000)).toBe("2 phút 05 giây");
  });

  it("check through a pipe (as in CI) writes nothing on stderr for a quick check", () => {
    const fx = makeFixture();
    try {
      const r = spawnSync(process.execPath, [RUN_MJS, "check", "--data", "data"], { cwd: fx.root, encoding: "utf8", env: { ...process.env, CI: "" } });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).not.toContain("\r");
    } finally {
      fx.cleanup();
    }
  });
});
