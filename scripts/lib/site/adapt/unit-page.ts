// One unit's page in the site model, from the same figures the documents use.
import type { Tree, UnitFigures } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../model/dataset.js";
import { deadlineOf } from "../../model/deadlines.js";
import { STATUS_LABEL, isSubmitted, timelinessOf, type Timeliness } from "../../model/timeliness.js";
import type { Indicator, Unit } from "../../model/types.js";
import { povertyTarget, verdictOf } from "../../model/targets.js";
import { formatNumber } from "../../text/format.js";
import type { DataRow, DocLink, FinanceInfo, KeyIndicators, MoneyRow, ReductionInfo, StatusCounts, UnitPage } from "../model.js";
import { date, daysLeft, num, series } from "./values.js";
import { workbookPath } from "../workbook-path.js";

export interface UnitDocs {
  md: string;
  html: string;
  docx: string;
  /** The report's body rendered by markdown-it (html: false), or null without a report. */
  bodyHtml: string | null;
}

export function statusCounts(ds: Dataset, figs: UnitFigures[]): StatusCounts {
  const c: StatusCounts = { total: figs.length, on_time: 0, late: 0, not_yet: 0, missing: 0, submitted: 0, approved: 0 };
  for (const f of figs) {
    const t = timelinessOf(f.report, deadlineOf(ds.levels.get(f.unit.level), ds.plan), ds.project.as_of);
    c[t]++;
    if (isSubmitted(f.report)) c.submitted++;
    if (isSubmitted(f.report) && f.report?.status === "da_duyet") c.approved++;
  }
  return c;
}

function timelinessLabel(t: Timeliness, fig: UnitFigures, deadline: string | null): string {
  if (t === "on_time") return "Nộp đúng hạn";
  if (t === "late") {
    const days = deadline && fig.report?.submitted_on ? Math.round((Date.parse(fig.report.submitted_on) - Date.parse(deadline)) / 86_400_000) : 0;
    return `Nộp muộn ${days} ngày`;
  }
  return t === "not_yet" ? "Chưa nộp (còn hạn)" : "Quá hạn, chưa nộp";
}

function keyIndicators(ds: Dataset, fig: UnitFigures): KeyIndicators | null {
  const v = fig.effective;
  const r = ds.catalogue.roles;
  const poor = v[r.poor];
  if (!poor) return null;
  const P = ds.project.periods;
  const deprivations = ds.catalogue.indicators.filter((i) => i.group === r.deprivation_group);
  return {
    households: series(v, r.households, P),
    poor: series(v, r.poor, P),
    poor_rate: series(v, r.poverty_rate, P, 2, "%"),
    near_poor: series(v, r.near_poor, P),
    near_poor_rate: series(v, r.near_poverty_rate, P, 2, "%"),
    escaped: series(v, r.escaped, P, 0, "", true),
    relapsed: series(v, r.relapsed, P, 0, "", true),
    new_poor: series(v, r.new_poor, P, 0, "", true),
    deprivations: deprivations.map((d) => ({
      id: d.id,
      count: series(v, d.id, P).filter((x) => x.value !== null),
      rate: P.filter((p) => v[d.id]?.[p.id] !== undefined).map((p) => ({ period: p.id, ...num(poor[p.id] ? (v[d.id]![p.id]! / poor[p.id]!) * 100 : null, 2, "%") })),
    })),
  };
}

function reduction(ds: Dataset, fig: UnitFigures): ReductionInfo | null {
  const v = fig.effective[ds.catalogue.roles.poverty_rate];
  if (!v) return null;
  const P = ds.project.periods;
  const target = povertyTarget(fig.unit, ds.project, ds.units);
  const { min, max, poorArea } = target;
  const base = v[P[0]!.id];
  const last = P[P.length - 1]!;
  const years = P.reduce((s, p) => s + p.years, 0);
  const avg = base !== undefined && v[last.id] !== undefined && years > 0 ? (base - v[last.id]!) / years : null;
  let acc = 0;
  const verdict = avg === null ? "chua_du_so_lieu" : verdictOf(avg, target, v[last.id]);
  return {
    per_period: P.slice(1).map((p, i) => ({ period: p.id, ...num(v[P[i]!.id] !== undefined && v[p.id] !== undefined ? v[P[i]!.id]! - v[p.id]! : null, 2) })),
    average_per_year: num(avg, 2),
    target: { min, max, text: max === null ? formatNumber(min, 0) : `${formatNumber(min, 0)}–${formatNumber(max, 1)}`, basis: poorArea ? `địa bàn đặc biệt khó khăn, ${target.source}` : target.source },
    target_path: P.map((p) => {
      acc += p.years;
      return { period: p.id, ...num(base === undefined ? null : Math.max(0, base - min * acc), 2, "%") };
    }),
    verdict,
    verdict_label: { dat: "Đạt", khong_dat: "Không đạt", vuot: "Vượt", muc_thap: "Đã ở mức thấp", chua_du_so_lieu: "Chưa đủ số liệu" }[verdict],
  };
}

function money(id: string, name: string, recs: { plan: number; disbursed: number }[]): MoneyRow {
  const plan = recs.reduce((s, r) => s + r.plan, 0);
  const done = recs.reduce((s, r) => s + r.disbursed, 0);
  return { id, name, planned: num(plan), disbursed: num(done), rate: num(plan > 0 ? (done / plan) * 100 : null, 2, "%") };
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

export function unitPage(ds: Dataset, tree: Tree, unit: Unit, docs: UnitDocs, sourceFile: string | null): UnitPage {
  const fig = tree.figures.get(unit.code)!;
  const level = ds.levels.get(unit.level)!;
  const deadline = deadlineOf(level, ds.plan);
  const t = timelinessOf(fig.report, deadline, ds.project.as_of);
  const kids = (tree.children.get(unit.code) ?? []).map((c) => tree.figures.get(c)!);
  const flagLabels = (unit.flags ?? []).map((f) => ds.flags?.labels[f] ?? f);
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
    area_label: unit.area === "thanh_thi" ? "Thành thị" : unit.area === "nong_thon" ? "Nông thôn" : null,
    status: fig.report?.status ?? "chua_nop",
    status_label: STATUS_LABEL[fig.report?.status ?? "chua_nop"] ?? "",
    timeliness: t,
    timeliness_label: timelinessLabel(t, fig, deadline),
    deadline: date(deadline),
    // Days left or overdue matter only while the report is still awaited.
    days: isSubmitted(fig.report) ? null : daysLeft(deadline, ds.project.as_of),
    submitted: date(isSubmitted(fig.report) ? fig.report?.submitted_on : null),
    approved: date(fig.report?.status === "da_duyet" ? fig.report.approved_on : null),
    children_counts: kids.length ? statusCounts(ds, kids) : null,
    poor_area_label: flagLabels.length ? flagLabels.join(", ") : null,
    key: level.kind === "territory" ? keyIndicators(ds, fig) : null,
    reduction: level.kind === "territory" ? reduction(ds, fig) : null,
    finance: finance(ds, fig),
    html: docs.bodyHtml,
    documents,
    data: dataRows(ds, fig, ds.catalogue.indicators),
    source_file: sourceFile,
  };
}
