// Writes what a workbook holds into the unit's report file through the yaml Document API, so the
// file keeps its comments, key order, modeline and styles; only values that differ are touched,
// and a workbook that changes nothing gives back the file's text byte for byte. An empty input
// cell clears a value the file had (a count or date becomes absent/null, a text "").
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";
import type { Dataset } from "../model/dataset.js";
import type { FinanceRecord, ReportFile, Unit } from "../model/types.js";
import { newReportYaml, type SchemaNode } from "../workflow/new-report.js";
import type { InfoField } from "./sheet.js";
import type { ReadInput, ReadValue } from "./read.js";

export const YAML_OUT = { lineWidth: 0, blockQuote: "literal", flowCollectionPadding: false } as const;

type Path = (string | number)[];

class Editor {
  changed = false;
  constructor(readonly doc: Document, readonly periodOrder: string[]) {}

  node(path: Path): Node | undefined {
    return this.doc.getIn(path, true) as Node | undefined;
  }

  /** Sets a scalar, keeping the node (and its style, comment) when there is one. */
  set(path: Path, value: string | number | null, style?: Scalar.Type): void {
    const n = this.node(path);
    if (isScalar(n)) {
      if (n.value === value) return;
      n.value = value;
      if (style) n.type = style;
    } else {
      const s = new Scalar(value);
      if (style) s.type = style;
      this.blockParent(path);
      this.doc.setIn(path, s);
    }
    this.changed = true;
  }

  /** A key added to an empty flow map such as `narrative: {}` turns the map into a block. */
  private blockParent(path: Path): void {
    const parent = this.node(path.slice(0, -1));
    if (isMap(parent) && parent.flow && parent.items.length === 0) parent.flow = false;
  }

  remove(path: Path): void {
    if (!this.doc.hasIn(path)) return;
    this.doc.deleteIn(path);
    this.changed = true;
  }

  map(path: Path, flow: boolean): YAMLMap {
    const n = this.node(path);
    if (isMap(n)) return n;
    const m = new YAMLMap();
    m.flow = flow;
    this.doc.setIn(path, m);
    this.changed = true;
    return m;
  }

  /** A period key inserted where the project's period order puts it. */
  setPeriod(indicator: string, period: string, value: number, comment: string | undefined): void {
    if (this.doc.hasIn(["values", indicator, period])) return this.set(["values", indicator, period], value);
    const values = this.map(["values"], false);
    const fresh = !values.has(indicator);
    if (fresh) this.blockParent(["values", indicator]);
    const m = this.map(["values", indicator], true);
    if (fresh && comment) m.comment = comment;
    const rank = (p: unknown) => this.periodOrder.indexOf(String(isScalar(p) ? p.value : p));
    const at = m.items.findIndex((it) => rank(it.key) > rank(period));
    const pair = this.doc.createPair(period, value);
    if (at < 0) m.items.push(pair);
    else m.items.splice(at, 0, pair);
    this.changed = true;
  }
}

const norm = (t: string | null | undefined) => (t ?? "").replace(/\s+$/, "");

function applyInfo(ed: Editor, report: ReportFile, field: InfoField, v: ReadValue): void {
  const doc = report.document;
  switch (field) {
    case "status":
      if (typeof v === "string" && v !== report.status) ed.set(["status"], v);
      return;
    case "submitted_on":
    case "approved_on":
      if ((v ?? null) !== (report[field] ?? null)) ed.set([field], v);
      return;
    case "date":
      if ((v ?? null) !== (doc.date ?? null)) ed.set(["document", "date"], v);
      return;
    case "number": {
      const s = v === null ? null : String(v);
      if (s !== (doc.number || null)) ed.set(["document", "number"], s, s === null ? "PLAIN" : "QUOTE_DOUBLE");
      return;
    }
    case "deputy":
      if ((v === null ? null : String(v)) !== (doc.signer.deputy || null)) ed.set(["document", "signer", "deputy"], v === null ? null : String(v), "PLAIN");
      return;
    case "authority":
    case "position":
    case "name":
      if (String(v ?? "") !== (doc.signer[field] ?? "")) ed.set(["document", "signer", field], String(v ?? ""), v === null ? "QUOTE_DOUBLE" : "PLAIN");
      return;
    case "recipients": {
      const list = String(v ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
      if (list.join("\n") === doc.recipients.join("\n")) return;
      const seq = new YAMLSeq();
      for (const r of list) seq.items.push(new Scalar(r));
      ed.doc.setIn(["document", "recipients"], seq);
      ed.changed = true;
      return;
    }
  }
}

function applyFinance(ed: Editor, records: readonly FinanceRecord[], inputs: ReadInput[]): void {
  const rows = new Map<string, { component: string; source: string; period: string; plan: ReadValue; disbursed: ReadValue }>();
  for (const { cell, value } of inputs) {
    const b = cell.binding;
    if (b.kind !== "finance") continue;
    const key = `${b.component}|${b.source}|${b.period}`;
    const row = rows.get(key) ?? { component: b.component, source: b.source, period: b.period, plan: null, disbursed: null };
    row[b.field] = value;
    rows.set(key, row);
  }
  const drop: number[] = [];
  for (const r of rows.values()) {
    const i = records.findIndex((f) => f.component === r.component && f.source === r.source && f.period === r.period);
    if (r.plan === null && r.disbursed === null) {
      if (i >= 0) drop.push(i);
      continue;
    }
    const plan = Number(r.plan ?? 0);
    const disbursed = Number(r.disbursed ?? 0);
    if (i >= 0) {
      if (records[i]!.plan !== plan) ed.set(["finance", i, "plan"], plan);
      if (records[i]!.disbursed !== disbursed) ed.set(["finance", i, "disbursed"], disbursed);
      continue;
    }
    let seq = ed.node(["finance"]);
    if (!isSeq(seq)) {
      seq = new YAMLSeq();
      ed.doc.set("finance", seq);
    }
    (seq as YAMLSeq).flow = false;
    const rec = ed.doc.createNode({ component: r.component, source: r.source, period: r.period, plan, disbursed }) as YAMLMap;
    rec.flow = true;
    (seq as YAMLSeq).items.push(rec);
    ed.changed = true;
  }
  for (const i of drop.sort((a, b) => b - a)) ed.remove(["finance", i]);
}

export interface ApplyResult {
  text: string;
  changed: boolean;
}

/**
 * The report file's new text. `existing` is the file's text (null: the unit has no report yet,
 * and the empty report of `npm run new` is the starting point).
 */
export function applyWorkbook(ds: Dataset, unit: Unit, existing: string | null, inputs: ReadInput[], schema: SchemaNode): ApplyResult {
  const base = existing ?? newReportYaml(ds, unit, { schema });
  const doc = parseDocument(base, { version: "1.2" });
  const report = doc.toJS() as ReportFile;
  report.values ??= {};
  report.finance ??= [];
  report.narrative ??= {};
  const ed = new Editor(doc, ds.project.periods.map((p) => p.id));
  const names = new Map(ds.catalogue.indicators.map((i) => [i.id, ` ${i.name} (${i.unit})`]));
  for (const { cell, value } of inputs) {
    const b = cell.binding;
    if (b.kind === "value") {
      const cur = report.values[b.indicator]?.[b.period];
      if (value === null) {
        if (typeof cur === "number") ed.remove(["values", b.indicator, b.period]);
      } else if (cur !== value) ed.setPeriod(b.indicator, b.period, Number(value), names.get(b.indicator));
    } else if (b.kind === "narrative") {
      const cur = report.narrative[b.key];
      if (norm(cur) === norm(value === null ? "" : String(value))) continue;
      const text = value === null ? "" : `${String(value)}\n`;
      ed.set(["narrative", b.key], text, text ? "BLOCK_LITERAL" : "QUOTE_DOUBLE");
    } else if (b.kind === "info") applyInfo(ed, report, b.field, value);
  }
  applyFinance(ed, report.finance, inputs);
  // An indicator whose every period was cleared goes away rather than staying as {}.
  const values = ed.node(["values"]);
  if (isMap(values)) for (const p of [...values.items]) if (isMap(p.value) && p.value.items.length === 0 && ed.changed) values.delete(p.key);
  if (!ed.changed && existing !== null) return { text: existing, changed: false };
  return { text: doc.toString(YAML_OUT).normalize("NFC"), changed: true };
}
