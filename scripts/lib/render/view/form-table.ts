// A form spec laid out for one unit: header paths (nested groups, top group first), column
// alignment, and the rows its layout asks for — indicators, child units (grouped urban/rural
// with subtotals and a total), funding sources or programme components.
import { AREAS, AREA_ORDER, type Area } from "../../model/areas.js";
import type { FinanceRecord, FormColumn, FormRow, FormSpec, Indicator } from "../../model/types.js";
import { addDerived, rollValues, type UnitFigures, type Values } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../model/dataset.js";
import { chairNames } from "../../model/unit-index.js";
import { resolveRows, sumOrder } from "../../model/form-rows.js";
import { evaluate, type EvalEnv, type RowContext } from "./evaluate.js";
import { targetCells } from "./targets-view.js";
import { derive, type UnitView } from "./unit-view.js";
import { indicatorsById } from "../../model/catalogue.js";

/** An area's place among a district's form groups (an unknown one last). */
function rank(area: string): number {
  const k = AREA_ORDER.indexOf(area as Area);
  return k < 0 ? AREA_ORDER.length : k;
}

export interface TableRow {
  cells: string[];
  bold: boolean;
  /** The row's indicator, if any (the audit finds rates' numerator and denominator rows by it). */
  indicator?: string;
  /** Rows (indices) this row is the sum of. */
  sum?: number[];
  /** "Trong đó" groups of this row. */
  parts?: { rows: number[]; exhaustive: boolean; disjoint?: boolean }[];
}

export interface TableModel {
  /** Each column's header path, top group first (the DOCX merges shared groups). */
  headerPaths: string[][];
  /** Each leaf column's cell expression (FormColumn.value). */
  columns: string[];
  align: ("left" | "center" | "right")[];
  rows: TableRow[];
  /** Where the figures come from when they are not the plain roll-up ("Số liệu do huyện báo cáo"). */
  source?: string;
}

export interface FormContext extends EvalEnv {
  figures: UnitFigures;
  /** Child units' figures, in tree order (children layout). */
  children: UnitFigures[];
  /** Child units that have not reported (children layout). */
  submitted: (f: UnitFigures) => boolean;
  components: readonly { id: string; name: string; parent: string | null }[];
  sources: readonly { id: string; name: string; group: string }[];
  sourceGroups: readonly { id: string; name: string; indicators?: string[] }[];
  catalogueIndicators: readonly Indicator[];
  periodIds: string[];
  /** "thanh_thi" → "Khu vực thành thị". */
  areaLabels: Record<string, string>;
  /** One source per table: the values a table of these indicators shows, and a note saying
   *  where they come from when the roll-up below the unit is incomplete. Default: effective. */
  valuesFor?: (ids: readonly string[]) => { values: Values; note: string | null };
  /** The values a child's row shows: the same source its own report's tables use. Default: effective. */
  childValuesFor?: (child: UnitFigures, ids: readonly string[]) => Values;
}

function leaves(cols: readonly FormColumn[], prefix: string[] = []): { path: string[]; value: string }[] {
  return cols.flatMap((c) => (c.children?.length ? leaves(c.children, [...prefix, c.label]) : [{ path: [...prefix, c.label], value: c.value ?? "note" }]));
}

export const AREA_LABELS: Record<string, string> = Object.fromEntries(Object.entries(AREAS).map(([id, a]) => [id, a.group]));

/** The context a form is evaluated in, for one unit of a dataset. `view`: the unit's view, whose
 *  derived figures Biểu 01's verdict cells read when a table shows the unit's effective figures;
 *  a table of another source (sources.ts) derives them from its own values. */
export function formContext(ds: Dataset, figures: UnitFigures, children: UnitFigures[], submitted: (f: UnitFigures) => boolean, view?: UnitView): FormContext {
  const derivedOf = (values: Values) => (view && values === view.figures.effective ? view.derived : derive(ds, figures.unit, values, []));
  const indicators = indicatorsById(ds.catalogue);
  return {
    figures,
    children,
    submitted,
    indicators,
    periods: ds.project.periods,
    sourceGroup: new Map(ds.programme.sources.map((s) => [s.id, s.group])),
    chairOf: (ind) => chairNames(ds, ind),
    targetOf: (ind, values) => targetCells(ind.id, figures.unit, { project: ds.project, periods: ds.project.periods, units: ds.units, indicators, roles: ds.catalogue.roles, labels: ds.catalogue.verdicts.labels }, derivedOf(values)),
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
  const line = (row: RowContext, bold: boolean): TableRow => {
    const cells = cols.map((c) => evaluate(c.value, row, ctx));
    return { cells: cells.map((c) => c.text), bold, ...(row.indicator ? { indicator: row.indicator.id } : {}) };
  };
  const probe: RowContext = { number: "", label: "", indicator: null, values: {}, finance: [], heading: false };
  const align = cols.map((c) => evaluate(c.value, probe, ctx).align);
  const headerPaths = cols.map((c) => c.path);
  const columns = cols.map((c) => c.value);
  if (form.layout === "children") {
    const { rows, sums } = childRows(ctx, formIndicators(form, ctx));
    return { headerPaths, columns, align, rows: rows.map((r, i) => ({ ...line(r, r.number === "" || ROMAN.includes(r.number)), ...(sums[i] ? { sum: sums[i] } : {}) })) };
  }
  // Rows printed only at some levels (poor districts: not in a commune's report).
  const level = ctx.figures.unit.level;
  form = { ...form, rows: form.rows.filter((r) => !r.levels || r.levels.includes(level)) };
  const resolved = resolveRows(form.rows).rows;
  const { values, note } = tableValues(form, ctx);
  const own: FormContext = { ...ctx, figures: { ...ctx.figures, effective: values } };
  const contexts: RowContext[] = form.rows.map((r) => (form.layout === "indicators" ? indicatorRow(r, own) : financeRow(r, own, form.layout === "finance_sources" ? "source" : "component")));
  // A sum row is computed from the rows it adds, never read from elsewhere.
  for (const i of sumOrder(resolved)) {
    const sum = resolved[i]!.sum;
    if (!sum) continue;
    const parts = sum.map((j) => contexts[j]!);
    contexts[i] = { ...contexts[i]!, finance: parts.flatMap((p) => p.finance), unplanned: parts.flatMap((p) => p.unplanned ?? []) };
  }
  const rows = form.rows.map((r, i) => {
    const bold = form.layout === "indicators" ? !!r.heading : form.layout === "finance_sources" ? !!(r.total || r.source_group || r.sum) : !!(r.total || !r.component?.includes("."));
    const res = resolved[i]!;
    return { ...line(contexts[i]!, bold), ...(res.sum ? { sum: res.sum } : {}), ...(res.parts ? { parts: res.parts } : {}) };
  });
  return { headerPaths, columns, align, rows, ...(note ? { source: note } : {}) };
}

/** The indicators a form's cells read: its rows', the money groups it adds, and the numerators
 *  and denominators of its rates. */
export function formIndicators(form: FormSpec, ctx: Pick<FormContext, "indicators" | "sourceGroups">): string[] {
  const ids = new Set<string>();
  for (const r of form.rows) {
    if (r.indicator) ids.add(r.indicator);
    if (r.source_group) for (const id of ctx.sourceGroups.find((g) => g.id === r.source_group)?.indicators ?? []) ids.add(id);
  }
  // Indicators named in the columns' expressions ("value:<period>:<indicator>", "sum_flows:<indicator>").
  for (const c of leaves(form.columns)) for (const part of c.value.split(":")) if (ctx.indicators.has(part)) ids.add(part);
  for (const id of [...ids]) {
    const a = ctx.indicators.get(id)?.aggregate;
    if (a?.rule === "ratio") ids.add(a.numerator).add(a.denominator);
  }
  return [...ids];
}

function tableValues(form: FormSpec, ctx: FormContext): { values: Values; note: string | null } {
  if (!ctx.valuesFor) return { values: ctx.figures.effective, note: null };
  return ctx.valuesFor(formIndicators(form, ctx));
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
    const group = ctx.sourceGroups.find((g) => g.id === r.source_group);
    label ||= group?.name ?? r.source_group;
    // A group declared by indicators (credit, other policies: Biểu 07) takes its money from them.
    if (group?.indicators) return { number: r.number, label, indicator: null, values: {}, finance: [], unplanned: indicatorMoney(group.indicators, ctx), heading: false };
    finance = all.filter((f) => ctx.sourceGroup.get(f.source) === r.source_group);
  } else if (kind === "component" && r.component) {
    finance = all.filter((f) => f.component === r.component || f.component.startsWith(`${r.component}.`));
    label ||= ctx.components.find((c) => c.id === r.component)?.name ?? r.component;
  }
  return { number: r.number, label, indicator: null, values: {}, finance: r.sum ? [] : finance, heading: false };
}

function indicatorMoney(ids: readonly string[], ctx: FormContext): { period: string; disbursed: number }[] {
  return ids.flatMap((id) => Object.entries(ctx.figures.effective[id] ?? {}).map(([period, disbursed]) => ({ period, disbursed })));
}

/** Subtotal of a group of children: sums recomputed into rates, like any roll-up. */
function subtotal(figs: UnitFigures[], ctx: FormContext, shown: (f: UnitFigures) => Values): Values {
  return addDerived(rollValues(figs.map(shown), ctx.catalogueIndicators), ctx.catalogueIndicators, () => 0, ctx.periodIds);
}

function childRows(ctx: FormContext, ids: readonly string[]): { rows: RowContext[]; sums: (number[] | undefined)[] } {
  const shown = (c: UnitFigures): Values => (ctx.childValuesFor ? ctx.childValuesFor(c, ids) : c.effective);
  const rows: RowContext[] = [];
  const sums: (number[] | undefined)[] = [];
  const unitIndices: number[] = [];
  const groupIndices: number[] = [];
  const row = (number: string, label: string, values: Values, heading = false): RowContext => ({ number, label, indicator: null, values, finance: [], heading });
  const reported = ctx.children.filter(ctx.submitted);
  const byArea = new Map<string, UnitFigures[]>();
  for (const c of ctx.children) if (c.unit.area) byArea.set(c.unit.area, [...(byArea.get(c.unit.area) ?? []), c]);
  const grouped = byArea.size > 0 && byArea.size === new Set(ctx.children.map((c) => c.unit.area)).size && ctx.children.every((c) => c.unit.area);
  let n = 0;
  const unitRows = (list: UnitFigures[]): number[] =>
    list.map((c) => {
      rows.push(row(String(++n), ctx.submitted(c) ? c.unit.name : `${c.unit.name} (chưa báo cáo)`, ctx.submitted(c) ? shown(c) : {}));
      return rows.length - 1;
    });
  if (grouped) {
    [...byArea.keys()].sort((a, b) => rank(a) - rank(b)).forEach((area, i) => {
      const list = byArea.get(area)!;
      rows.push(row(ROMAN[i] ?? String(i + 1), ctx.areaLabels[area] ?? area, subtotal(list.filter(ctx.submitted), ctx, shown), false));
      const at = rows.length - 1;
      groupIndices.push(at);
      sums[at] = unitRows(list);
    });
  } else unitIndices.push(...unitRows(ctx.children));
  rows.push(row("", reported.length === ctx.children.length ? "Tổng cộng" : "Cộng các đơn vị đã báo cáo", subtotal(reported, ctx, shown)));
  sums[rows.length - 1] = grouped ? groupIndices : unitIndices;
  return { rows, sums };
}

