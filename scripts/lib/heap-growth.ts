// How far V8 lets the heap grow between full collections: after each one, by default, up to four
// times what survived it (capped halfway to the heap limit). scripts/run.mjs limits that to a
// quarter for every command, for memory: a nation's cold build holds 1,2–1,4 GB live on its main
// thread and its garbage took it to 4,1–4,2 GB of resident memory (README, Performance). A rebuild
// that makes few files has little garbage, and there the limit only costs collections: on a
// nation's one edit, ≈ 1,8 s of 14,8 s, for 1,5 → 1,7 GB at its peak. So a rebuild of an output made
// by the same code lifts it (pipeline.ts; not a merge, which makes the whole site), and sets it
// again once it finds that it has many files to make; the check, which makes none, lifts it too
// (scripts/check.ts).
// A flag given to node itself (`node --heap-growing-percent=N scripts/run.mjs …`) wins over both.
import { setFlagsFromString } from "node:v8";

/** The limit scripts/run.mjs sets, in percent of what survived the last full collection. */
export const LIMITED_GROWTH = 25;

const givenToNode = (): boolean => process.execArgv.some((a) => a.replace(/_/g, "-").startsWith("--heap-growing-percent"));

/** Grow the heap by at most LIMITED_GROWTH % between full collections (every thread of the process). */
export function limitHeapGrowth(): void {
  if (!givenToNode()) setFlagsFromString(`--heap-growing-percent=${LIMITED_GROWTH}`);
}

/** Let V8 grow the heap as it would by itself (its flag's default, 0). */
export function freeHeapGrowth(): void {
  if (!givenToNode()) setFlagsFromString("--heap-growing-percent=0");
}
