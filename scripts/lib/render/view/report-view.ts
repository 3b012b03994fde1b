// The view model of one unit's report: every string final (formatted, plain text), and the body as
// the document tree (blocks): outline sections as headings of their depth, the sentences quoting
// the figures as paragraphs, the unit's narrative Markdown (data) parsed once under its heading.
import type { Tree, UnitFigures, Values } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../model/dataset.js";

import { shortDate } from "../../model/dates.js";
import { chairsComponent, chairsIndicator } from "../../model/chairs.js";
import type { Block, InlineRun } from "../../model/document.js";
import type { FormRow, FormSpec, Indicator, OutlineSection, Unit } from "../../model/types.js";
import { isSubmitted } from "../../model/timeliness.js";
import { paragraph, parseBlocks, textRuns } from "./blocks.js";
import { formatNumber } from "../../text/format.js";
import { deprivationFacts, financeFacts, povertyFacts, type FactEnv } from "./facts.js";
import { childrenGap } from "./children-gap.js";
import { formContext, formIndicators, formTable, type TableModel } from "./form-table.js";
import { reportFrame, type ReportFrame } from "./frame.js";
import { lowerFirst, typesNoun } from "./names.js";
import { planCitationNote, planNumber } from "./plan-citation.js";
import { reportingAccount } from "./reporting-account.js";
import { coverageNote, formSourceNotes, tableSource } from "./sources.js";
import { derive, unitView, type UnitView } from "./unit-view.js";
import { indicatorsById } from "../../model/catalogue.js";

export interface SectionView {
  /** 0 for a Mục, 1 for a khoản, 2 and deeper for a điểm. */
  depth: number;
  /** "I. Đánh giá chung", plain text. */
  heading: string;
  /** The sentences quoting the figures, and the notes in italics. */
  facts: Block[];
  /** The unit's narrative parsed, or null when it wrote none. */
  narrative: Block[] | null;
}

export interface FormView {
  label: string;
  title: string;
  unitOfMeasure: string | null;
  orientation: "portrait" | "landscape";
  table: TableModel;
  footnotes: string[];
}

export interface ReportView {
  unit: Unit;
  frame: ReportFrame;
  /** Page-header band: "Dự thảo", "Số liệu minh họa", both, or null. */
  notice: string | null;
  /** Why the document is only a draft (null once submitted). */
  draft: string | null;
  illustrative: boolean;
  opening: string;
  /** Which parts of the plan's citation are illustrative, or null. */
  citationNote: string | null;
  reporting: string | null;
  sections: SectionView[];
  closing: string;
  /** The report's body as laid out: the notes, the opening, the sections, the closing. */
  body: Block[];
  forms: FormView[];
}

export const ILLUSTRATIVE_NOTICE = "Số liệu minh họa";

export function formLabel(form: FormSpec): string {
  return `Biểu số ${form.id.replace(/^\D+/, "")}`;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** The outline sections of a level, renumbered so that a level without some sections has no gaps. */
function sectionsFor(level: string, sections: readonly OutlineSection[], depth = 0, prefix = ""): { s: OutlineSection; depth: number }[] {
  return sections
    .filter((s) => s.levels.includes(level))
    .flatMap((s, i) => {
      const number = depth === 0 ? (ROMAN[i] ?? String(i + 1)) : depth === 1 ? String(i + 1) : `${prefix}.${i + 1}`;
      return [{ s: { ...s, number }, depth }, ...sectionsFor(level, s.children ?? [], depth + 1, depth === 0 ? "" : number)];
    });
}

/** `view`: the unit's view from the same tree (unitView), when the caller has it. */
export function reportView(ds: Dataset, tree: Tree, unit: Unit, view: UnitView = unitView(ds, tree.figures.get(unit.code)!)): ReportView {
  const fig = tree.figures.get(unit.code)!;
  const frame = reportFrame(ds, unit, fig.report);
  const indicators = indicatorsById(ds.catalogue);
  const agency = ds.levels.get(unit.level)?.kind === "agency";
  // A department reports on what it chairs: its forms keep only those rows, and drop out when none is left.
  const forms = ds.forms
    .filter((f) => f.levels.includes(unit.level))
    .map((f) => (agency ? chairedForm(f, unit, indicators) : f))
    .filter((f): f is FormSpec => f !== null);
  const sections = sectionViews(ds, tree, view, forms, indicators);
  const plan = ds.plan;
  const root = ds.units.get(ds.project.root)!;
  const planRef = `Kế hoạch số ${planNumber(ds)}${plan.date ? ` ngày ${shortDate(plan.date)}` : ""} của ${root.authority ?? root.name} về việc ${lowerFirst(plan.title)}`;
  const cites = [...(ds.levels.get(unit.level)?.cites ?? []), planRef];
  const illustrative = ds.project.illustrative;
  const draft = !isSubmitted(fig.report);
  const docDate = fig.report?.document.date && fig.report.document.date < ds.project.as_of ? fig.report.document.date : ds.project.as_of;
  const parts = {
    draft: draft ? draftReason(tree, fig) : null,
    illustrative,
    opening: `Thực hiện ${cites.join("; ")}, ${frame.authority} báo cáo kết quả như sau:`,
    citationNote: planCitationNote(ds),
    reporting: reportingAccount(ds, tree, unit, docDate),
    sections,
    closing: `Trên đây là báo cáo ${lowerFirst(ds.project.title)} của ${frame.authority}./.`,
  };
  return {
    unit,
    frame,
    notice: [draft ? "Dự thảo" : null, illustrative ? ILLUSTRATIVE_NOTICE : null].filter(Boolean).join(" · ") || null,
    ...parts,
    body: reportBody(parts),
    forms: formViews(ds, tree, view, forms, indicators, docDate),
  };
}

/** The body in reading order: why a draft, the illustrative-data notice and the citation's note
 *  (notes), the opening, the reporting account, each section's heading, figures and narrative, the closing. */
function reportBody(v: Pick<ReportView, "draft" | "illustrative" | "citationNote" | "opening" | "reporting" | "sections" | "closing">): Block[] {
  const note = (runs: InlineRun[]): Block => ({ kind: "note", runs });
  const notes: Block[] = [
    ...(v.draft ? [note(textRuns(v.draft, { bold: true }))] : []),
    ...(v.illustrative ? [note([...textRuns(`${ILLUSTRATIVE_NOTICE}.`, { bold: true }), { kind: "text", text: " Các số liệu trong báo cáo này là số liệu minh họa, không phải số liệu chính thức." }])] : []),
    ...(v.citationNote ? [note(textRuns(v.citationNote))] : []),
  ];
  return [
    ...notes,
    paragraph(v.opening),
    ...(v.reporting ? [paragraph(v.reporting)] : []),
    ...v.sections.flatMap((s): Block[] => [{ kind: "heading", level: s.depth === 0 ? 1 : s.depth === 1 ? 2 : 3, runs: textRuns(s.heading) }, ...s.facts, ...(s.narrative ?? [])]),
    paragraph(v.closing),
  ];
}

/** Why a report not yet submitted is only a draft. */
function draftReason(tree: Tree, fig: UnitFigures): string {
  if (fig.report) return "Dự thảo: đơn vị chưa nộp báo cáo này; văn bản được tạo từ số liệu đơn vị đang soạn.";
  return (tree.children.get(fig.unit.code)?.length ?? 0) > 0
    ? "Dự thảo: đơn vị chưa có báo cáo; văn bản chỉ gồm số liệu tổng hợp từ các đơn vị cấp dưới đã báo cáo."
    : "Dự thảo: đơn vị chưa có báo cáo; văn bản là khung đề cương và biểu mẫu để trống.";
}

/** The outline's sections of the unit's level: each heading with the sentences quoting its forms' figures and the unit's narrative. */
function sectionViews(ds: Dataset, tree: Tree, view: UnitView, forms: readonly FormSpec[], indicators: ReadonlyMap<string, Indicator>): SectionView[] {
  const { unit, figures: fig } = view;
  const formIds = new Set(forms.map((f) => f.id));
  const roles = ds.catalogue.roles;
  const env: FactEnv = { project: ds.project, periods: ds.project.periods, indicators, units: ds.units, roles, labels: ds.catalogue.verdicts.labels, moneyUnit: ds.project.money_unit };
  const used = new Set<string>();
  const factsFor = (s: OutlineSection): Block[] => {
    const out: Block[] = [];
    for (const id of s.forms) {
      const form = ds.forms.find((f) => f.id === id);
      if (!form) continue;
      const kinds = [
        form.rows.some((r) => r.indicator === roles.poverty_rate || r.indicator === roles.poor) ? "poverty" : null,
        form.rows.some((r) => r.indicator && indicators.get(r.indicator)?.group === roles.deprivation_group) ? "deprivation" : null,
        form.layout.startsWith("finance") ? "finance" : null,
      ];
      for (const k of kinds) {
        if (!k || used.has(k)) continue;
        used.add(k);
        // The sentences quote the same source as the form they introduce.
        const shown = { ...fig, effective: tableSource(ds, fig, formIndicators(form, { indicators, sourceGroups: ds.programme.source_groups })).values };
        const d = shown.effective === fig.effective ? view.derived : derive(ds, unit, shown.effective, fig.finance);
        out.push(...(k === "poverty" ? povertyFacts(shown, env, d) : k === "deprivation" ? deprivationFacts(shown, env, d) : financeFacts(env, d)).map((t) => paragraph(t)));
      }
    }
    const attached = s.forms.filter((id) => formIds.has(id)).map((id) => formLabel(ds.forms.find((f) => f.id === id)!));
    if (attached.length) out.push(paragraph(`(Chi tiết tại ${attached.join(", ")} kèm theo.)`));
    return out;
  };
  const sections = sectionsFor(unit.level, ds.outline.sections).map(({ s, depth }): SectionView => {
    const narrative = s.narrative ? fig.report?.narrative[s.narrative]?.trim() : undefined;
    return { depth, heading: `${s.number}. ${s.title}`, facts: factsFor(s), narrative: narrative ? parseBlocks(narrative) : null };
  });
  // A section followed directly by a deeper one is a parent section: it needs no text of its own.
  sections.forEach((s, i) => {
    if (s.narrative === null && s.facts.length === 0 && !((sections[i + 1]?.depth ?? -1) > s.depth)) s.facts.push(paragraph("(Đơn vị chưa viết nội dung phần này.)", { italic: true }));
  });
  if (fig.coverage.total > 0 && !fig.coverage.complete && sections[0]) sections[0].facts.push(paragraph(coverageNote(ds, tree, unit), { italic: true }));
  return sections;
}

/** The annex forms as printed: each table with its notes (source, children not yet in it, balances, the form's own). */
function formViews(ds: Dataset, tree: Tree, view: UnitView, forms: readonly FormSpec[], indicators: ReadonlyMap<string, Indicator>, docDate: string): FormView[] {
  const { unit, figures: fig } = view;
  const ctx = formContext(
    ds,
    fig,
    (tree.children.get(unit.code) ?? []).map((c) => tree.figures.get(c)!).filter((k) => ds.levels.get(k.unit.level)?.kind === "territory"),
    // A child's figures are in this report only when its own report was received by this
    // report's date; each row shows what the child's own report shows (one figure, one source).
    (k) => tree.received(k.report, unit.code),
    view,
  );
  ctx.valuesFor = (ids) => tableSource(ds, fig, ids);
  ctx.childValuesFor = (k, ids) => tableSource(ds, k, ids).values;
  // The unit's own figures, as its indicators form (Biểu 01) shows them: what a children table's total is read against.
  const ownForm = forms.find((f) => f.layout === "indicators" && f.rows.some((r) => r.indicator === ds.catalogue.roles.poor)) ?? null;
  const ownValues = ownForm ? tableSource(ds, fig, formIndicators(ownForm, { indicators, sourceGroups: ds.programme.source_groups })).values : fig.effective;
  const childLevel = ds.levels.get(ctx.children[0]?.unit.level ?? "");
  return forms.map((f) => ({
    label: formLabel(f),
    title: f.title,
    unitOfMeasure: f.unit_of_measure,
    orientation: f.orientation,
    ...(() => {
      const table = formTable(f, ctx);
      const gap = childrenGap(ds, f, { table, own: ownValues, ownForm: ownForm ? formLabel(ownForm) : null, children: ctx.children, submitted: ctx.submitted, at: docDate, noun: typesNoun(ctx.children.map((c) => c.unit), childLevel?.unit_types, childLevel?.unit_noun ?? "đơn vị"), unitType: unit.type ?? "đơn vị" });
      const balances = balanceNote(ds, f, table, tableSource(ds, fig, formIndicators(f, { indicators, sourceGroups: ds.programme.source_groups })).values);
      return { table, footnotes: [...formSourceNotes(ds, tree, fig, f, table.source ?? null), ...(gap ? [gap] : []), ...(balances ? [balances] : []), ...(f.footnotes ?? [])] };
    })(),
  }));
}

/** A policy's balances (money at a date, not summed over the years, such as the outstanding
 *  preferential loans) are not rows of a form of flows: the form states them in a note, from the
 *  unit's data, when it prints rows of that policy; nothing when it prints none or has no figure. */
function balanceNote(ds: Dataset, form: FormSpec, table: TableModel, values: Values): string | null {
  if (form.layout !== "indicators") return null;
  const byId = indicatorsById(ds.catalogue);
  const printed = new Set(table.rows.flatMap((r) => (r.indicator ? [r.indicator] : [])));
  const policies = new Set([...printed].flatMap((id) => (byId.get(id)?.policy ? [byId.get(id)!.policy!] : [])));
  const first = ds.project.periods[0]!.id;
  const notes = ds.catalogue.indicators
    .filter((i) => i.policy && policies.has(i.policy) && !printed.has(i.id) && i.kind === "money" && i.periods.includes(first))
    .flatMap((i) => {
      const at = ds.project.periods.filter((p) => values[i.id]?.[p.id] !== undefined);
      if (!at.length) return [];
      const list = at.map((p) => `${p.stock_label.replace(/^Cuối/, "cuối")}: ${formatNumber(values[i.id]![p.id]!)}`).join("; ");
      return [`${i.name} (số dư tại thời điểm, không cộng qua các năm), ${i.unit}: ${list}.`];
    });
  return notes.length ? notes.join(" ") : null;
}

function chairedForm(form: FormSpec, unit: Unit, indicators: ReadonlyMap<string, Indicator>): FormSpec | null {
  if (form.layout === "finance_sources") return form;
  const keep = (r: FormRow) => (r.indicator ? chairsIndicator(unit, indicators.get(r.indicator)!) : r.component ? chairsComponent(unit, r.component) : !!r.total);
  const rows: FormRow[] = [];
  let heading: FormRow | null = null;
  let groups = 0;
  for (const r of form.rows) {
    if (r.heading) heading = r;
    else if (keep(r)) {
      if (heading) rows.push({ ...heading, number: ROMAN[groups++] ?? heading.number });
      heading = null;
      rows.push(r);
    }
  }
  return rows.some((r) => !r.heading && !r.total) ? { ...form, rows } : null;
}
