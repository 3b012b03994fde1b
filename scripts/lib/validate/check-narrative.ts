// The narrative of each report: every section its level must write, present once submitted, not
// left empty, and no section the outline does not know.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import { suggest } from "../diagnostics/suggest.js";
import type { CatalogueIndex } from "../model/catalogue.js";
import type { Dataset, LoadedReport } from "../model/dataset.js";

export function checkNarrative(ds: Dataset, cat: CatalogueIndex, { file, report }: LoadedReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  const submitted = report.status === "da_nop" || report.status === "da_duyet";
  const level = ds.units.get(report.unit)?.level ?? "";
  if (submitted) {
    const absent = [...cat.narratives].filter(([key, section]) => section.levels.includes(level) && report.narrative[key] === undefined).map(([key]) => key);
    if (absent.length) out.push(diagnostic("NARRATIVE_MISSING", { count: absent.length, list: absent.slice(0, 5).join(", ") + (absent.length > 5 ? ", …" : "") }, { file, pointer: "/narrative", on: "key" }));
  }
  for (const [key, text] of Object.entries(report.narrative)) {
    const section = cat.narratives.get(key);
    if (!section) {
      out.push(diagnostic("NARRATIVE_UNKNOWN_SECTION", { id: key, suggestion: suggest(key, cat.narratives.keys()) ?? "", allowed: [...cat.narratives.keys()].join(", ") }, { file, pointer: pointerOf(["narrative", key]), on: "key" }));
    } else if (submitted && text.trim() === "") {
      out.push(diagnostic("NARRATIVE_EMPTY", { title: section.title }, { file, pointer: pointerOf(["narrative", key]) }));
    }
  }
  return out;
}
