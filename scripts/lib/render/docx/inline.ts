// A block's inline runs (model/document.ts) → runs to write (bold / italic / line breaks).

import type { InlineRun } from "../../model/document.js";
import { run, type RunSpec, type RunStyle } from "./text.js";

/** Runs on top of a base style (a note's italics, a bold row); an item's marker first. Unset emphasis is the paragraph style's. */
export function runSpecs(runs: readonly InlineRun[], base: RunStyle, prefix = ""): RunSpec[] {
  const out: RunSpec[] = prefix ? [run(prefix, base)] : [];
  for (const r of runs) {
    if (r.kind === "break") out.push({ ...run("", base), break: true });
    else if (r.text) out.push(run(r.text, { ...base, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) }));
  }
  return out;
}
