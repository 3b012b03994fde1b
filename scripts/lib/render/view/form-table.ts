// A form spec laid out for one unit: header labels (nested groups joined by " › "), column
// alignment, and the rows its layout asks for — indicators, child units (grouped urban/rural
// with subtotals and a total), funding sources or programme components.
import type { FinanceRecord, FormColumn, FormRow, FormSpec, Indicator } from "../../model/types.js";
import { computeDerived, rollValues, type UnitFigures, type Values } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../load/load-dataset.js";
import { evaluate, type EvalEnv, type RowContext } from "./evaluate.js";

export interface TableModel {
  headers: string[];
  align: ("left" | "center" | "right")[];
  rows: { cells: string[]; bold: boolean }[];
}

export interface FormContext extends EvalEnv {
  figures: UnitFigures;
  /** Child units' figures, in tree order (children layout). */
  children: UnitFigures[];
  /** Child units that have not reported (children layout). */
  submitted: (f: UnitFigures) => boolean;
  components: readonly { id: string; name: string; parent: string | null }[];
  sources: readonly { id: string; name: string; group: string }[];
  sourceGroups: readonly { id: string; name: string }[];
  catalogueIndicators: readonly Indicator[];
  periodIds: string[];
  /** "thanh_thi" → "Khu vực thành thị". */
  areaLabels: Record<string, string>;
}

function leaves(cols: readonly FormColumn[], prefix: string[] = []): { path: string[]; value: string }[] {
  return cols.flatMap((c) => (c.children?.length ? leaves(c.children, [...prefix, c.label]) : [{ path: [...prefix, c.label], value: c.value ?? "note" }]));
}

export const AREA_LABELS: Record<string, string> = { thanh_thi: "Khu vực thành thị", nong_thon: "Khu vực nông thôn" };

/** The context a form is evaluated in, for one unit of a dataset. */
export function formContext(ds: Dataset, figures: UnitFigures, children: UnitFigures[], submitted: (f: UnitFigures) => boolean): FormContext {
  return {
    figures,
    children,
    submitted,
    indicators: new Map(ds.catalogue.indicators.map((i) => [i.id, i])),
    periods: ds.project.periods,
    sourceGroup: new Map(ds.programme.sources.map((s) => [s.id, s.group])),
    components: ds.programme.components,
    sources: ds.programme.sources,
    sourceGroups: ds.programme.source_groups,
    catalogueIndicators: ds.catalogue.indicators,
    periodIds: ds.project.periods.map((p) => p.id),
    areaLabels: AREA_LABELS,
  };
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

export function formTable(form: FormSpec, ctx: FormContext): TableModel {
  const cols = leaves(form.columns);
  const line = (row: RowContext, bold: boolean) => {
    const cells = cols.map((c) => evaluate(c.value, row, ctx));
    return { cells: cells.map((c) => c.text), bold };
  };
  const probe: RowContext = { number: "", label: "", indicator: null, values: {}, finance: [], heading: false };
  const align = cols.map((c) => evaluate(c.value, probe, ctx).align);
  const headers = cols.map((c) => c.path.join(" › "));
  const rows = (() => {
    switch (form.layout) {
      case "indicators":
        return form.rows.map((r) => line(indicatorRow(r, ctx), !!r.heading));
      case "children":
        return childRows(ctx).map((r) => line(r, r.number === "" || ROMAN.includes(r.number)));
      case "finance_sources":
        return form.rows.map((r) => line(financeRow(r, ctx, "source"), !!(r.total || r.source_group)));
      case "finance_components":
        return form.rows.map((r) => line(financeRow(r, ctx, "component"), !!(r.total || !r.component?.includes("."))));
    }
  })();
  return { headers, align, rows };
}

function indicatorRow(r: FormRow, ctx: FormContext): RowContext {
  const ind = r.indicator ? (ctx.indicators.get(r.indicator) ?? null) : null;
  return { number: r.number, label: r.label ?? ind?.name ?? "", indicator: ind, values: ctx.figures.effective, finance: [], heading: !!r.heading || !ind };
}

function financeRow(r: FormRow, ctx: FormContext, kind: "source" | "component"): RowContext {
  const all = ctx.figures.finance;
  let finance: FinanceRecord[] = all;
  let label = r.label ?? "";
  if (kind === "source" && r.source) {
    finance = all.filter((f) => f.source === r.source);
    label ||= ctx.sources.find((s) => s.id === r.source)?.name ?? r.source;
  } else if (kind === "source" && r.source_group) {
    finance = all.filter((f) => ctx.sourceGroup.get(f.source) === r.source_group);
    label ||= ctx.sourceGroups.find((g) => g.id === r.source_group)?.name ?? r.source_group;
  } else if (kind === "component" && r.component) {
    finance = all.filter((f) => f.component === r.component || f.component.startsWith(`${r.component}.`));
    label ||= ctx.components.find((c) => c.id === r.component)?.name ?? r.component;
  }
  return { number: r.number, label, indicator: null, values: {}, finance, heading: false };
}

/** Subtotal of a group of children: sums recomputed into rates, like any roll-up. */
function subtotal(figs: UnitFigures[], ctx: FormContext): Values {
  return computeDerived(rollValues(figs.map((f) => f.effective), ctx.catalogueIndicators), ctx.catalogueIndicators, () => 0, ctx.periodIds);
}

function childRows(ctx: FormContext): RowContext[] {
  const rows: RowContext[] = [];
  const row = (number: string, label: string, values: Values, heading = false): RowContext => ({ number, label, indicator: null, values, finance: [], heading });
  const reported = ctx.children.filter(ctx.submitted);
  const byArea = new Map<string, UnitFigures[]>();
  for (const c of ctx.children) if (c.unit.area) byArea.set(c.unit.area, [...(byArea.get(c.unit.area) ?? []), c]);
  const grouped = byArea.size > 0 && byArea.size === new Set(ctx.children.map((c) => c.unit.area)).size && ctx.children.every((c) => c.unit.area);
  let n = 0;
  const unitRows = (list: UnitFigures[]) => {
    for (const c of list) rows.push(row(String(++n), ctx.submitted(c) ? c.unit.name : `${c.unit.name} (chưa báo cáo)`, ctx.submitted(c) ? c.effective : {}));
  };
  if (grouped) {
    [...byArea.keys()].sort((a, b) => (a === "thanh_thi" ? -1 : b === "thanh_thi" ? 1 : 0)).forEach((area, i) => {
      const list = byArea.get(area)!;
      rows.push(row(ROMAN[i] ?? String(i + 1), ctx.areaLabels[area] ?? area, subtotal(list.filter(ctx.submitted), ctx), false));
      unitRows(list);
    });
  } else unitRows(ctx.children);
  rows.push(row("", reported.length === ctx.children.length ? "Tổng cộng" : "Cộng các đơn vị đã báo cáo", subtotal(reported, ctx)));
  return rows;
}

