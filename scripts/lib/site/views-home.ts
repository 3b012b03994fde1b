// Home page: reporting progress by level against deadlines, by district, the overdue list, the
// province map (status and poverty rate) and the departments' reports.

import { share } from "./format.js";
import type { UnitPage } from "./model.js";
import {
  pageBase,
  progressRow,
  statusView,
  type SiteIndex,
  unitLink,
  unitMaps,
  unitOf,
} from "./views-common.js";
import { provinceDownloads } from "./views-downloads.js";

/** The three answers at the top of home: who is late, how far along, is poverty falling as targeted. */
function answers(ix: SiteIndex, root: string) {
  const { model } = ix;
  const province = unitOf(ix, model.root);
  const parentName = (u: UnitPage) => (u.parent && u.parent !== model.root ? ix.units.get(u.parent)?.name ?? null : null);
  const item = (u: UnitPage, what: string) => ({ link: unitLink(root, u), parent: parentName(u), what });
  const overdue = model.units.filter((u) => u.timeliness === "missing").map((u) => item(u, u.days?.text ?? u.timeliness_label));
  const late = model.units.filter((u) => u.timeliness === "late").map((u) => item(u, u.timeliness_label));
  const r = province.reduction;
  const rate = (period: string) => province.key?.poor_rate.find((p) => p.period === period) ?? null;
  const territories = model.units.filter((u) => u.parent === model.root && !ix.agencyLevels.has(u.level));
  const offTarget = territories.filter((u) => u.reduction?.verdict === "khong_dat");
  const period = (id: string) => model.periods.find((p) => p.id === id)?.stock_label ?? id;
  return {
    late: { overdue, late, total: overdue.length + late.length },
    progress: model.levels.map((l) => ({
      id: l.id,
      name: l.name,
      noun: l.unit_noun,
      counts: l.counts,
      submitted_share: share(l.counts.submitted, l.counts.total),
      approved_share: share(l.counts.approved, l.counts.total),
    })),
    poverty: r
      ? {
          start: { label: period(model.baseline), text: rate(model.baseline)?.text ?? "—" },
          now: { label: period(model.latest), text: rate(model.latest)?.text ?? "—" },
          per_year: r.average_per_year.text,
          target: r.target.text,
          verdict: r.verdict,
          verdict_label: r.verdict_label,
          off_target: offTarget.length,
          off_target_of: territories.filter((u) => u.reduction).length,
          child_noun: model.levels.find((l) => l.id === territories[0]?.level)?.unit_noun ?? "đơn vị",
        }
      : null,
  };
}

/** Per level, the units past their deadline without a report. */
function overdueGroups(ix: SiteIndex, root: string) {
  const { model } = ix;
  return model.levels
    .map((l) => ({
      level: l.name,
      items: model.units
        .filter((u) => u.level === l.id && u.timeliness === "missing")
        .map((u) => ({
          link: unitLink(root, u),
          parent: u.parent && u.parent !== model.root ? ix.units.get(u.parent)?.name ?? null : null,
          days: u.days?.text ?? "",
        })),
    }))
    .filter((g) => g.items.length > 0);
}

export function homeView(ix: SiteIndex): object {
  const { model } = ix;
  const base = pageBase(ix, "index.html", model.project.title, { nav: "home", numbers: true });
  const root = base.root;
  const province = unitOf(ix, model.root);
  const latest = model.latest;
  const rateOf = (u: UnitPage) => u.key?.poor_rate.find((p) => p.period === latest)?.text ?? "—";

  const levels = model.levels.map((l) => ({ ...l, progress: progressRow(ix, l.counts) }));

  const children = province.children.map((c) => unitOf(ix, c));
  const territories = children.filter((u) => !ix.agencyLevels.has(u.level));
  const agencies = model.units.filter((u) => ix.agencyLevels.has(u.level));

  const districts = territories.map((u) => ({
    link: unitLink(root, u),
    own: statusView(ix, u),
    progress: u.children_counts ? progressRow(ix, u.children_counts) : null,
    rate: rateOf(u),
  }));

  const overdue = overdueGroups(ix, root);
  const maps = unitMaps(ix, root, model.geo.districts.features, "map-home", model.project.province_name);
  const mapRows = territories.map((u) => ({
    link: unitLink(root, u),
    status: u.status_label,
    timeliness: u.timeliness_label,
    children: u.children_counts ? `${u.children_counts.submitted}/${u.children_counts.total}` : "—",
    rate: rateOf(u),
  }));

  return {
    ...base,
    answers: answers(ix, root),
    downloads: provinceDownloads(ix, root),
    province: unitLink(root, province),
    as_of: model.project.as_of,
    levels,
    districts,
    child_noun: model.levels.find((l) => l.id === territories[0]?.level)?.unit_noun ?? "đơn vị",
    agencies: agencies.map((u) => ({
      link: unitLink(root, u),
      own: statusView(ix, u),
      deadline: u.deadline?.text ?? "—",
      submitted: u.submitted?.text ?? "—",
    })),
    overdue,
    overdue_total: overdue.reduce((n, g) => n + g.items.length, 0),
    maps: [maps.status, maps.rate],
    map_geometry: maps.geometry,
    map_rows: mapRows,
    latest_label: model.periods.find((p) => p.id === latest)?.stock_label ?? "",
    labels: model.labels,
  };
}
