// Progress of long work (check, build) on stderr. On a terminal: one line redrawn in place —
// phase, done/total, elapsed, estimated time left — erased when the phase ends. In CI logs
// (CI=true) or when stderr is not a terminal: no redrawing and no escape codes; a phase of many
// items (LONG_PHASE_ITEMS, a nation) that took long (LONG_PHASE_MS) leaves one plain line when it
// ends; anything smaller (a province, however slow the machine) leaves nothing.
/** Phase names of check and build (Vietnamese: the user reads them). */
export const PHASES = { read: "Đọc tệp báo cáo", documents: "Tạo văn bản (đơn vị)", site: "Tạo trang web" } as const;

export interface ProgressReporter {
  /** `done` of `total` items of `phase`; a new phase name ends the previous phase. */
  update(phase: string, done: number, total: number): void;
  /** Ends the current phase. */
  finish(): void;
}

export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** A phase that takes at least this long is summed up in one line in CI logs. */
export const LONG_PHASE_MS = 10_000;
export const LONG_PHASE_ITEMS = 1000;
const REDRAW_MS = 200;

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

/** "12 giây", "2 phút 05 giây". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} giây` : `${Math.floor(s / 60)} phút ${String(s % 60).padStart(2, "0")} giây`;
}

export function progressReporter(out: ProgressOutput, env: NodeJS.ProcessEnv = process.env, clock: () => number = () => performance.now()): ProgressReporter {
  const live = out.isTTY === true && !isCi(env);
  let phase: string | null = null;
  let started = 0;
  let drawn = -Infinity;
  let done = 0;
  let total = 0;
  const end = () => {
    if (phase === null) return;
    const elapsed = clock() - started;
    if (live) out.write("\r\x1b[2K");
    else if (elapsed >= LONG_PHASE_MS && total >= LONG_PHASE_ITEMS) out.write(`${phase}: ${done}/${total}, ${duration(elapsed)}.\n`);
    phase = null;
  };
  return {
    update(p, d, t) {
      const now = clock();
      if (p !== phase) {
        end();
        phase = p;
        started = now;
        drawn = -Infinity;
      }
      done = d;
      total = t;
      if (!live || (now - drawn < REDRAW_MS && d < t)) return;
      drawn = now;
      const elapsed = now - started;
      const pct = t > 0 ? Math.floor((100 * d) / t) : 100;
      const eta = d > 0 && d < t ? `, còn khoảng ${duration((elapsed / d) * (t - d))}` : "";
      out.write(`\r\x1b[2K${p}: ${d}/${t} (${pct}%), ${duration(elapsed)}${eta}`);
    },
    finish: end,
  };
}
