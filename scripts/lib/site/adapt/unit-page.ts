// One unit's page in the site model, from the same figures the documents use.
import { AREAS } from "../../model/areas.js";
import type { Tree, UnitFigures } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../model/dataset.js";
import { dated } from "../../model/dates.js";
import { STATUS_LABEL, isSubmitted } from "../../model/timeliness.js";
import type { FinanceRecord, Indicator } from "../../model/types.js";
import { moneyOf, type UnitView } from "../../render/view/unit-view.js";
import { figure } from "../../text/format.js";
import type { DataRow, DocLink, FinanceInfo, KeyIndicators, MoneyRow, ReductionInfo, StatusCounts, UnitPage } from "../model.js";
import { series } from "./values.js";
import { workbookPath } from "../workbook-path.js";
import { indicatorsById } from "../../model/catalogue.js";

export interface UnitDocs {
  md: string;
  html: string;
  docx: string;
  /** The report's body: its document tree rendered by `blocksHtml`, or null without a report. */
  bodyHtml: string | null;
}

export function statusCounts(views: readonly UnitView[]): StatusCounts {
  const c: StatusCounts = { total: views.length, on_time: 0, late: 0, not_yet: 0, missing: 0, submitted: 0, approved: 0 };
  for (const v of views) {
    const r = v.figures.report;
    c[v.timeliness]++;
    if (isSubmitted(r)) c.submitted++;
    if (isSubmitted(r) && r?.status === "da_duyet") c.approved++;
  }
  return c;
}

/** Decimals and suffix of an indicator's figures on the page: rates with 2 and "%". */
const format = (i: Indicator | undefined): [number, string] => (i?.kind === "rate" ? [i.decimals ?? 2, "%"] : [i?.decimals ?? 0, ""]);

function keyIndicators(ds: Dataset, view: UnitView): KeyIndicators | null {
  const v = view.figures.effective;
  const r = ds.catalogue.roles;
  if (!v[r.poor]) return null;
  const P = ds.project.periods;
  const byId = indicatorsById(ds.catalogue);
  const spec = ds.catalogue.unit_page;
  const latest = P[P.length - 1]!.id;
  const latestOf = (id: string) => figure(v[id]?.[latest], ...format(byId.get(id)));
  return {
    figures: spec.key_figures.map((id) => {
      const i = byId.get(id)!;
      const label = i.kind === "rate" ? i.name : i.kind === "flow" ? `${i.name} trong kỳ (${i.unit})` : `${i.name} (${i.unit})`;
      return { indicator: id, label, values: series(v, id, P, ...format(i), i.kind === "flow") };
    }),
    cards: spec.cards.map((c) => ({ label: c.label, value: latestOf(c.indicator), rate: c.rate === undefined ? null : latestOf(c.rate) })),
    households: series(v, r.households, P),
    poor: series(v, r.poor, P),
    poor_rate: series(v, r.poverty_rate, P, 2, "%"),
    near_poor: series(v, r.near_poor, P),
    near_poor_rate: series(v, r.near_poverty_rate, P, 2, "%"),
    escaped: series(v, r.escaped, P, 0, "", true),
    relapsed: series(v, r.relapsed, P, 0, "", true),
    new_poor: series(v, r.new_poor, P, 0, "", true),
    deprivations: view.derived.deprivations.map((d) => ({
      id: d.indicator.id,
      count: series(v, d.indicator.id, P).filter((x) => x.value !== null),
      rate: d.shares,
    })),
  };
}

function reduction(view: UnitView): ReductionInfo | null {
  const r = view.derived.reduction;
  if (!r) return null;
  const { min, max, poorArea, source } = r.target;
  return {
    per_period: r.perPeriod,
    average_per_year: r.perYear,
    target: { min, max, text: r.targetText.max === null ? r.targetText.min : `${r.targetText.min}–${r.targetText.max}`, basis: poorArea ? `địa bàn đặc biệt khó khăn, ${source}` : source },
    target_path: r.path,
    verdict: r.verdict,
    verdict_label: r.label,
  };
}

function money(id: string, name: string, recs: FinanceRecord[]): MoneyRow {
  const m = moneyOf(recs);
  return { id, name, planned: m.plan, disbursed: m.disbursed, rate: m.rate };
}

function finance(ds: Dataset, fig: UnitFigures): FinanceInfo | null {
  if (!fig.finance.length) return null;
  const f = fig.finance;
  return {
    by_source: ds.programme.sources.map((s) => money(s.id, s.name, f.filter((r) => r.source === s.id))).filter((r) => (r.planned.value ?? 0) > 0),
    by_component: ds.programme.components.filter((c) => c.parent === null).map((c) => money(c.id, c.name, f.filter((r) => r.component === c.id || r.component.startsWith(`${c.id}.`)))).filter((r) => (r.planned.value ?? 0) > 0),
    total: money("total", "Tổng cộng", f),
  };
}

function dataRows(ds: Dataset, fig: UnitFigures, indicators: readonly Indicator[]): DataRow[] {
  return indicators.flatMap((i) =>
    ds.project.periods
      .filter((p) => fig.effective[i.id]?.[p.id] !== undefined)
      .map((p) => ({
        indicator: i.id,
        name: i.name,
        unit: i.unit,
        period: p.id,
        period_label: i.kind === "flow" || i.kind === "money" ? p.flow_label ?? p.stock_label : p.stock_label,
        decimals: i.decimals ?? 0,
        value: fig.effective[i.id]![p.id]!,
      })),
  );
}

/** A unit's page in the model. Its key figures, finance and data rows (most of its size and of its
 *  cost) are computed on first read: a rebuild that keeps a unit's files by its input key reads none
 *  of them unless another page shows them (same values, same place in the object, so the same JSON). */
export function unitPage(ds: Dataset, tree: Tree, view: UnitView, views: ReadonlyMap<string, UnitView>, docs: UnitDocs, sourceFile: string | null): UnitPage {
  const { unit, figures: fig, deadline, timeliness: t } = view;
  const level = ds.levels.get(unit.level)!;
  const kids = (tree.children.get(unit.code) ?? []).map((c) => views.get(c)!);
  const flagLabels = (unit.flags ?? []).map((f) => ds.flags?.labels[f] ?? f);
  let financeOnce: { value: FinanceInfo | null } | undefined;
  let rowsOnce: DataRow[] | undefined;
  let keyOnce: { value: KeyIndicators | null } | undefined;
  let reductionOnce: { value: ReductionInfo | null } | undefined;
  const documents: DocLink[] = [
    { format: "docx", label: "Văn bản Word (DOCX)", path: docs.docx },
    { format: "md", label: "Markdown", path: docs.md },
    { format: "html", label: "Trang HTML", path: docs.html },
    { format: "xlsx", label: "Tải biểu nhập liệu (Excel)", path: workbookPath(unit.code) },
  ];
  return {
    code: unit.code,
    name: unit.name,
    short_name: unit.short_name,
    type: unit.type,
    level: unit.level,
    parent: unit.parent,
    children: kids.map((k) => k.unit.code),
    area: unit.area ?? null,
    area_label: unit.area ? AREAS[unit.area].label : null,
    status: fig.report?.status ?? "chua_nop",
    status_label: STATUS_LABEL[fig.report?.status ?? "chua_nop"] ?? "",
    timeliness: t,
    timeliness_label: view.timelinessLabel,
    deadline,
    days: view.daysLeft,
    days_late: view.daysLate,
    submitted: dated(isSubmitted(fig.report) ? fig.report?.submitted_on : null),
    approved: dated(fig.report?.status === "da_duyet" ? fig.report.approved_on : null),
    children_counts: kids.length ? statusCounts(kids) : null,
    poor_area_label: flagLabels.length ? flagLabels.join(", ") : null,
    get key() {
      return (keyOnce ??= { value: level.kind === "territory" ? keyIndicators(ds, view) : null }).value;
    },
    get reduction() {
      return (reductionOnce ??= { value: level.kind === "territory" ? reduction(view) : null }).value;
    },
    get finance() {
      return (financeOnce ??= { value: finance(ds, fig) }).value;
    },
    html: docs.bodyHtml,
    documents,
    get data() {
      return (rowsOnce ??= dataRows(ds, fig, ds.catalogue.indicators));
    },
    source_file: sourceFile,
  };
}
