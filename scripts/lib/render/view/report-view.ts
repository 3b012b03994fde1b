// The view model of one unit's report: every string final (formatted, escaped for Markdown),
// so the template only lays it out.
import type { Tree, UnitFigures } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../load/load-dataset.js";

import { shortDate } from "../../model/dates.js";
import { deadlineOf } from "../../model/deadlines.js";
import { chairsComponent, chairsIndicator } from "../../model/chairs.js";
import type { FormRow, FormSpec, Indicator, OutlineSection, Unit } from "../../model/types.js";
import { isSubmitted, timelinessOf } from "../../model/timeliness.js";
import { mdInline, mdText } from "../markdown-escape.js";
import { deprivationFacts, financeFacts, povertyFacts, type FactEnv } from "./facts.js";
import { formContext, formTable, type TableModel } from "./form-table.js";
import { reportFrame, type ReportFrame } from "./frame.js";
import { lowerFirst } from "./names.js";

export interface SectionView {
  heading: string;
  facts: string[];
  narrative: string | null;
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
  notice: string | null;
  opening: string;
  reporting: string | null;
  sections: SectionView[];
  closing: string;
  forms: FormView[];
}

export const ILLUSTRATIVE_NOTICE = "Số liệu minh họa";

export function formLabel(form: FormSpec): string {
  return `Biểu số ${form.id.replace(/^\D+/, "")}`;
}

function sectionsFor(level: string, sections: readonly OutlineSection[], depth = 0): { s: OutlineSection; depth: number }[] {
  return sections.filter((s) => s.levels.includes(level)).flatMap((s) => [{ s, depth }, ...sectionsFor(level, s.children ?? [], depth + 1)]);
}

function reportingAccount(ds: Dataset, tree: Tree, unit: Unit): string | null {
  const kids = (tree.children.get(unit.code) ?? []).map((c) => tree.figures.get(c)!);
  if (!kids.length) return null;
  const byLevel = new Map<string, UnitFigures[]>();
  for (const k of kids) byLevel.set(k.unit.level, [...(byLevel.get(k.unit.level) ?? []), k]);
  const parts = [...byLevel.entries()].map(([levelId, list]) => {
    const level = ds.levels.get(levelId)!;
    const deadline = deadlineOf(level, ds.plan);
    const t = list.map((k) => timelinessOf(k.report, deadline, ds.project.as_of));
    const done = t.filter((x) => x === "on_time" || x === "late").length;
    const late = t.filter((x) => x === "late").length;
    const missing = list.filter((k) => !isSubmitted(k.report)).map((k) => mdInline(k.unit.name));
    return `${done}/${list.length} ${level.unit_noun} đã nộp báo cáo (${done - late} đúng hạn, ${late} nộp muộn${deadline ? ` so với thời hạn ${shortDate(deadline)}` : ""})${missing.length ? `; ${missing.length} đơn vị chưa nộp: ${missing.join(", ")}` : ""}`;
  });
  return `Đến ngày ${shortDate(ds.project.as_of)}, ${parts.join("; ")}.`;
}

export function reportView(ds: Dataset, tree: Tree, unit: Unit): ReportView {
  const fig = tree.figures.get(unit.code)!;
  const frame = reportFrame(ds, unit, fig.report);
  const indicators = new Map(ds.catalogue.indicators.map((i) => [i.id, i]));
  const agency = ds.levels.get(unit.level)?.kind === "agency";
  // A department reports on what it chairs: its forms keep only those rows, and drop out when none is left.
  const forms = ds.forms
    .filter((f) => f.levels.includes(unit.level))
    .map((f) => (agency ? chairedForm(f, unit, indicators) : f))
    .filter((f): f is FormSpec => f !== null);
  const formIds = new Set(forms.map((f) => f.id));
  const env: FactEnv = { project: ds.project, periods: ds.project.periods, indicators, moneyUnit: ds.project.money_unit };
  const used = new Set<string>();
  const factsFor = (s: OutlineSection): string[] => {
    const out: string[] = [];
    for (const id of s.forms) {
      const form = ds.forms.find((f) => f.id === id);
      if (!form) continue;
      const kinds = [
        form.rows.some((r) => r.indicator === "ty_le_ho_ngheo" || r.indicator === "ho_ngheo") ? "poverty" : null,
        form.rows.some((r) => r.indicator && indicators.get(r.indicator)?.group === "thieu_hut") ? "deprivation" : null,
        form.layout.startsWith("finance") ? "finance" : null,
      ];
      for (const k of kinds) {
        if (!k || used.has(k)) continue;
        used.add(k);
        out.push(...(k === "poverty" ? povertyFacts(fig, env) : k === "deprivation" ? deprivationFacts(fig, env) : financeFacts(fig, env)).map(mdText));
      }
    }
    const attached = s.forms.filter((id) => formIds.has(id)).map((id) => formLabel(ds.forms.find((f) => f.id === id)!));
    if (attached.length) out.push(`(Chi tiết tại ${attached.join(", ")} kèm theo.)`);
    return out;
  };
  const sections = sectionsFor(unit.level, ds.outline.sections).map(({ s, depth }) => ({
    heading: `${"#".repeat(depth + 2)} ${mdInline(`${s.number}. ${s.title}`)}`,
    facts: factsFor(s),
    narrative: s.narrative ? (fig.report?.narrative[s.narrative]?.trim() || null) : null,
  }));
  for (const s of sections) if (s.narrative === null && s.facts.length === 0 && !sectionHasChildren(s.heading, sections)) s.facts.push("*(Đơn vị chưa viết nội dung phần này.)*");
  const provisional = fig.coverage.total > 0 && !fig.coverage.complete;
  if (provisional && sections[0]) sections[0].facts.push(`*(Số liệu tổng hợp từ ${fig.coverage.reporting}/${fig.coverage.total} đơn vị cấp dưới đã báo cáo, chưa đầy đủ.)*`);
  const plan = ds.plan;
  const root = ds.units.get(ds.project.root)!;
  const planRef = `Kế hoạch số ${plan.number ?? "\u00a0".repeat(6)}/${plan.symbol}${plan.date ? ` ngày ${shortDate(plan.date)}` : ""} của ${root.authority ?? root.name} về việc ${lowerFirst(plan.title)}`;
  const illustrative = ds.project.illustrative;
  const ctx = formContext(
    ds,
    fig,
    (tree.children.get(unit.code) ?? []).map((c) => tree.figures.get(c)!).filter((k) => ds.levels.get(k.unit.level)?.kind === "territory"),
    (k) => isSubmitted(k.report) || (tree.children.get(k.unit.code)?.length ?? 0) > 0,
  );

  return {
    unit,
    frame,
    notice: illustrative ? ILLUSTRATIVE_NOTICE : null,
    opening: mdText(`Thực hiện ${planRef}, ${frame.authority} báo cáo kết quả như sau:`),
    reporting: reportingAccount(ds, tree, unit),
    sections,
    closing: mdText(`Trên đây là báo cáo ${lowerFirst(ds.project.title)} của ${frame.authority}./.`),
    forms: forms.map((f) => ({
      label: formLabel(f),
      title: f.title,
      unitOfMeasure: f.unit_of_measure,
      orientation: f.orientation,
      table: escapeTable(formTable(f, ctx)),
      footnotes: (f.footnotes ?? []).map(mdText),
    })),
  };
}

function chairedForm(form: FormSpec, unit: Unit, indicators: ReadonlyMap<string, Indicator>): FormSpec | null {
  if (form.layout === "finance_sources") return form;
  const keep = (r: FormRow) => (r.indicator ? chairsIndicator(unit, indicators.get(r.indicator)!) : r.component ? chairsComponent(unit, r.component) : !!r.total);
  const rows: FormRow[] = [];
  let heading: FormRow | null = null;
  for (const r of form.rows) {
    if (r.heading) heading = r;
    else if (keep(r)) {
      if (heading) rows.push(heading);
      heading = null;
      rows.push(r);
    }
  }
  return rows.some((r) => !r.heading && !r.total) ? { ...form, rows } : null;
}

/** A heading followed directly by a deeper heading is a parent section: it needs no text of its own. */
function sectionHasChildren(heading: string, sections: SectionView[]): boolean {
  const i = sections.findIndex((s) => s.heading === heading);
  const depth = (h: string) => /^#+/.exec(h)?.[0].length ?? 0;
  const next = sections[i + 1];
  return next !== undefined && depth(next.heading) > depth(heading);
}

function escapeTable(t: TableModel): TableModel {
  return { headers: t.headers.map((h) => h.split(" › ").map(mdInline).join(" › ")), align: t.align, rows: t.rows.map((r) => ({ bold: r.bold, cells: r.cells.map(mdInline) })) };
}


