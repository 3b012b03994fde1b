// Per-unit data downloads: data/<code>.json (the unit's status and all its values) and
// data/<code>.csv (long format, UTF-8 with BOM so Excel shows Vietnamese, RFC 4180 quoting).

import type { DataRow, SiteModel, UnitPage } from "./model.js";

export const CSV_COLUMNS = ["indicator", "name", "unit", "period", "value"] as const;

function csvField(v: string | number | null): string {
  if (v === null) return "";
  const s = String(v);
  // Quote anything with a separator, quote or line break; also cells Excel would run as a formula.
  const risky = /^[=+\-@\t\r]/.test(s) && typeof v === "string";
  const t = risky ? `'${s}` : s;
  return /[",\r\n]/.test(t) || risky ? `"${t.replace(/"/g, '""')}"` : t;
}

export function unitCsv(rows: DataRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) lines.push([r.indicator, r.name, r.unit, r.period, r.value].map(csvField).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function unitJson(model: SiteModel, u: UnitPage): string {
  const doc = {
    round: model.project.round,
    as_of: model.project.as_of.iso,
    illustrative: model.project.illustrative,
    unit: { code: u.code, name: u.name, level: u.level, parent: u.parent, children: u.children },
    report: {
      status: u.status,
      timeliness: u.timeliness,
      deadline: u.deadline?.iso ?? null,
      submitted: u.submitted?.iso ?? null,
      approved: u.approved?.iso ?? null,
    },
    columns: CSV_COLUMNS,
    values: u.data,
  };
  return JSON.stringify(doc, null, 1) + "\n";
}
