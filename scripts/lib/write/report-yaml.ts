// A report as the YAML file an officer edits: schema modeline, a header comment, each indicator
// on one line in flow style with its Vietnamese name and unit as a trailing comment, narrative
// as literal blocks (|).
import { Document, isMap, isPair, isScalar, isSeq, type YAMLMap } from "yaml";
import type { Indicator, ReportFile } from "../model/types.js";

export interface ReportYamlOptions {
  schemaRel: string;
  header: string;
  indicators: ReadonlyMap<string, Indicator>;
  illustrative: boolean;
  /** Comments placed before top-level keys. */
  keyComments?: Record<string, string>;
}

export function reportToYaml(report: ReportFile, opts: ReportYamlOptions): string {
  const body: Record<string, unknown> = { unit: report.unit, round: report.round };
  if (opts.illustrative) body.illustrative = true;
  Object.assign(body, {
    status: report.status,
    submitted_on: report.submitted_on,
    approved_on: report.approved_on,
    document: report.document,
    values: report.values,
    finance: report.finance,
    narrative: report.narrative,
  });
  const doc = new Document(body, { version: "1.2" });
  const root = doc.contents as YAMLMap;
  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const note = opts.keyComments?.[key];
    if (note) pair.key.commentBefore = note.split("\n").map((l) => ` ${l}`).join("\n");
    if (key === "values" && isMap(pair.value)) {
      for (const ind of pair.value.items) {
        if (!isPair(ind) || !isScalar(ind.key) || !isMap(ind.value)) continue;
        ind.value.flow = true;
        const meta = opts.indicators.get(String(ind.key.value));
        if (meta) ind.value.comment = ` ${meta.name} (${meta.unit})`;
      }
    }
    if (key === "finance" && isSeq(pair.value)) {
      for (const rec of pair.value.items) if (isMap(rec)) rec.flow = true;
    }
    if (key === "document" && isMap(pair.value)) {
      for (const p of pair.value.items) if (isPair(p) && isScalar(p.key) && p.key.value === "signer" && isMap(p.value)) p.value.flow = false;
    }
  }
  const head = [`# yaml-language-server: $schema=${opts.schemaRel}`, ...opts.header.split("\n").map((l) => (l ? `# ${l}` : "#"))].join("\n");
  return (head + "\n" + doc.toString({ lineWidth: 0, blockQuote: "literal", flowCollectionPadding: false })).normalize("NFC");
}
