// The site model of a build: the same dataset, roll-up and documents as the DOCX/HTML/Markdown,
// so the site and the documents agree. Geo boundaries are read by the caller (I/O stays out).
import type { Tree } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../model/dataset.js";
import { deadlineOf, planItems } from "../../model/deadlines.js";
import { dated, shortDate } from "../../model/dates.js";
import { DEADLINE_TOKEN } from "../../model/plan.js";
import { STATUS_LABEL } from "../../model/timeliness.js";
import type { GeoCollection, PlanPage, SeriesNames, SiteModel } from "../model.js";
import { daysLeft, type UnitView } from "../../render/view/unit-view.js";
import { shortName } from "../../render/view/names.js";
import { indicatorInfos } from "./indicators.js";
import { statusCounts, unitPage, type UnitDocs } from "./unit-page.js";

export interface SiteInputs {
  ds: Dataset;
  tree: Tree;
  docs: Map<string, UnitDocs>;
  plan: { md: string; html: string; docx: string; bodyHtml: string };
  geo: { districts: GeoCollection | null; communes: GeoCollection | null };
  /** Every unit's view from `tree`, built once by the caller (pipeline.ts). */
  views: ReadonlyMap<string, UnitView>;
}

const EMPTY_GEO: GeoCollection = { type: "FeatureCollection", features: [] };
export const NOTICE = "Số liệu minh họa, không phải số liệu chính thức.";

export function siteModel({ ds, tree, docs, plan, geo, views }: SiteInputs): SiteModel {
  const p = ds.project;
  const root = ds.units.get(p.root)!;
  const units = [...ds.units.values()];
  const byLevel = (id: string) => units.filter((u) => u.level === id).map((u) => views.get(u.code)!);
  const reportFiles = new Map(ds.reports.map((r) => [r.report.unit, `data/${r.file.rel}`]));
  return {
    project: {
      title: p.title,
      round: p.round,
      round_label: p.short_title,
      as_of: dated(p.as_of)!,
      illustrative: p.illustrative,
      notice: p.illustrative ? NOTICE : null,
      province_name: root.name,
      province_code: root.code,
      authority: root.authority ?? root.name,
      money_unit: p.money_unit,
      repository: p.repository ? { url: p.repository.url, branch: p.repository.branch ?? "main" } : null,
    },
    periods: p.periods.map((x) => ({ id: x.id, date: dated(x.date)!, stock_label: x.stock_label, flow_label: x.flow_label })),
    baseline: p.periods[0]!.id,
    latest: p.periods[p.periods.length - 1]!.id,
    levels: p.levels.map((l) => {
      const deadline = deadlineOf(l, ds.plan);
      return { id: l.id, name: l.name, unit_noun: l.unit_noun, kind: l.kind, deadline: dated(deadline), days: daysLeft(deadline, p.as_of), counts: statusCounts(byLevel(l.id)) };
    }),
    labels: {
      status: { chua_nop: STATUS_LABEL.chua_nop!, dang_soan: STATUS_LABEL.dang_soan!, da_nop: STATUS_LABEL.da_nop!, da_duyet: STATUS_LABEL.da_duyet! },
      timeliness: { on_time: "Đúng hạn", late: "Muộn", not_yet: "Chưa đến hạn", missing: "Quá hạn" },
      approved: "Đã duyệt",
    },
    deprivations: ds.catalogue.indicators.filter((i) => i.group === ds.catalogue.roles.deprivation_group).map((i) => ({ id: i.id, name: shortName(i), service: i.service ?? "" })),
    series_names: seriesNames(ds),
    root: root.code,
    units: [root, ...units.filter((u) => u !== root)].map((u) => unitPage(ds, tree, views.get(u.code)!, views, docs.get(u.code)!, reportFiles.get(u.code) ?? null)),
    indicators: indicatorInfos(ds),
    key_groups: ds.catalogue.roles.key_groups,
    unit_charts: ds.catalogue.unit_page.charts,
    plan: planPage(ds, plan),
    geo: { districts: geo.districts ?? EMPTY_GEO, communes: geo.communes ?? EMPTY_GEO },
    about: ds.about ?? { intro: [], sources: [], illustrative_explanation: [] },
  };
}

/** The charts' names of the key series: the catalogue's short names of the role indicators. */
function seriesNames(ds: Dataset): SeriesNames {
  const r = ds.catalogue.roles;
  const name = (id: string) => {
    const i = ds.catalogue.indicators.find((x) => x.id === id);
    return i ? shortName(i) : id;
  };
  return { poor_rate: name(r.poverty_rate), near_poor_rate: name(r.near_poverty_rate), escaped: name(r.escaped), relapsed: name(r.relapsed), new_poor: name(r.new_poor) };
}

/** The plan's page: its title and number, the deadlines of its schedule, its body and documents. */
function planPage(ds: Dataset, plan: SiteInputs["plan"]): PlanPage {
  const levelName = (id: string | undefined) => ds.levels.get(id ?? "")?.name ?? "";
  return {
    title: `${ds.plan.type_name.charAt(0)}${ds.plan.type_name.slice(1).toLocaleLowerCase("vi")} ${ds.plan.title}`,
    reference: ds.plan.number ? `Số: ${ds.plan.number}/${ds.plan.symbol}${ds.plan.date ? ` ngày ${shortDate(ds.plan.date)}` : ""}` : null,
    schedule: planItems(ds.plan)
      .filter((i) => i.deadline)
      .map((i) => ({
        id: i.id ?? "",
        level: i.level ?? null,
        label: i.level ? `${levelName(i.level)}: hạn nộp báo cáo` : "Hạn cuối",
        deadline: dated(i.deadline)!,
        days: daysLeft(i.deadline!, ds.project.as_of)!,
        text: i.text.replaceAll(DEADLINE_TOKEN, shortDate(i.deadline!)),
      })),
    html: plan.bodyHtml,
    documents: [
      { format: "docx", label: "Văn bản Word (DOCX)", path: plan.docx },
      { format: "md", label: "Markdown", path: plan.md },
      { format: "html", label: "Trang HTML", path: plan.html },
    ],
  };
}
