// One page per key indicator, in the manner of Open SDG: what the figure means (the catalogue's
// definition, unit, how a parent's figure is formed, where it comes from), a chart and a table of
// the province and its units over the periods, and the indicator's data for every unit.
// Values are formatted here with the indicator's decimals (the SiteModel's DataRow is raw).

import { COLORS, lineChart } from "./charts.js";
import { CSV_VARIANTS, type CsvVariant, csvName } from "./data-files.js";
import { formatNumber } from "../text/format.js";
import { checkCode } from "./format.js";
import type { IndicatorInfo, UnitPage } from "./model.js";
import { pageBase, type SiteIndex, unitLink, unitOf } from "./views-common.js";
import { download } from "./views-downloads.js";

/** Indicators with a page of their own: those of the catalogue's key groups that some unit reports. */
export function keyIndicators(ix: SiteIndex): IndicatorInfo[] {
  return ix.model.indicators.filter((i) => ix.model.key_groups.includes(i.group) && ix.model.units.some((u) => u.data.some((r) => r.indicator === i.id)));
}

export const indicatorPath = (id: string) => `chi-so/${checkCode(id)}/index.html`;
export const indicatorCsvPath = (id: string, v: CsvVariant) => `data/chi-so/${csvName(checkCode(id), v)}`;

export function indicatorView(ix: SiteIndex, ind: IndicatorInfo): object {
  const { model } = ix;
  const path = indicatorPath(ind.id);
  const base = pageBase(ix, path, ind.name, { nav: "indicators", numbers: true, description: `${ind.name} (${ind.unit}): định nghĩa, cách tổng hợp, số liệu theo đơn vị và kỳ.` });
  const root = base.root;
  const province = unitOf(ix, model.root);
  const units = [province, ...province.children.map((c) => unitOf(ix, c)).filter((u) => !ix.agencyLevels.has(u.level))];
  const value = (u: UnitPage, period: string) => u.data.find((r) => r.indicator === ind.id && r.period === period)?.value ?? null;
  const periods = model.periods.filter((p) => units.some((u) => value(u, p.id) !== null));
  const suffix = ind.unit === "%" ? "%" : "";
  const text = (v: number | null) => (v === null ? "—" : formatNumber(v, ind.decimals) + suffix);
  const labels = periods.map((p) => province.data.find((r) => r.indicator === ind.id && r.period === p.id)?.period_label ?? p.stock_label);
  return {
    ...base,
    ind,
    province: unitLink(root, province),
    chart: periods.length
      ? {
          id: `chart-${ind.id}`,
          title: `${ind.name} – ${province.name}`,
          svg: lineChart(labels, [{ name: province.name, color: COLORS.latest, values: periods.map((p) => value(province, p.id)) }], suffix),
          note: null,
          table: { head: ["Kỳ", province.name], rows: periods.map((p, i) => ({ label: labels[i]!, cells: [text(value(province, p.id))] })) },
        }
      : null,
    table: {
      head: ["Đơn vị", ...labels],
      rows: units.map((u) => ({ link: unitLink(root, u), cells: periods.map((p) => text(value(u, p.id))) })),
    },
    downloads: [
      ...CSV_VARIANTS.map((v) => download(ix, root, indicatorCsvPath(ind.id, v), "CSV", `${ind.name} – mọi đơn vị (${v === "rfc" ? "CSV chuẩn RFC 4180" : "CSV cho Excel tiếng Việt"})`)),
    ],
  };
}
