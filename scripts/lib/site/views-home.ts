// Home page: reporting progress by level against deadlines, by district, the overdue list, the
// province map (status and poverty rate) and the departments' reports.

import { displayStatus } from "./format.js";
import type { UnitPage } from "./model.js";
import {
  pageBase,
  progressRow,
  type SiteIndex,
  unitLink,
  unitMaps,
  unitOf,
} from "./views-common.js";

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
    own: { status: displayStatus(u), label: u.status_label, timeliness: u.timeliness_label },
    progress: u.children_counts ? progressRow(ix, u.children_counts) : null,
    rate: rateOf(u),
  }));

  const overdue = model.levels
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
    province: unitLink(root, province),
    as_of: model.project.as_of,
    levels,
    districts,
    child_noun: model.levels.find((l) => l.id === territories[0]?.level)?.unit_noun ?? "đơn vị",
    agencies: agencies.map((u) => ({
      link: unitLink(root, u),
      status: displayStatus(u),
      status_label: u.status_label,
      timeliness_label: u.timeliness_label,
      deadline: u.deadline?.text ?? "—",
      submitted: u.submitted?.text ?? "—",
    })),
    overdue,
    overdue_total: overdue.reduce((n, g) => n + g.items.length, 0),
    maps: [maps.status, maps.rate],
    map_rows: mapRows,
    latest_label: model.periods.find((p) => p.id === latest)?.stock_label ?? "",
    labels: model.labels,
  };
}
