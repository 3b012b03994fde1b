// Data downloads. Per unit: data/<code>.json (status and every value) and the same values as CSV
// in two variants; for the whole tree: the report status of every unit as CSV (both variants).
// CSV is UTF-8 with a BOM (so Excel shows Vietnamese), one header row, CRLF line ends, values
// rounded to the indicator's decimals, periods named as readers name them ("Cuối năm 2015").
//   - "rfc":      RFC 4180, "," between fields, "." decimals: for programs and any-locale tools.
//   - "excel-vi": ";" between fields, "," decimals: what Excel in a Vietnamese locale opens as columns.
//     Unit codes are written ="08053", so that Excel keeps them as text with their leading zero
//     (a bare 08053 becomes the number 8053). Only codes of letters, digits, "_" and "-" get this
//     form: the formula can do nothing but produce that text. Any other text starting with = + - @
//     is still neutralised with a leading apostrophe (formula injection).
// Quoting and formula escaping are papaparse's (Papa.unparse); a unit code's ="…" is written as is.

import Papa from "papaparse";
import type { DataRow, SiteModel, UnitPage } from "./model.js";

export type CsvVariant = "rfc" | "excel-vi";

export const CSV_VARIANTS: readonly CsvVariant[] = ["rfc", "excel-vi"];

/** File name of a CSV download: "25.csv", "25.excel-vi.csv". */
export function csvName(base: string, variant: CsvVariant): string {
  return variant === "rfc" ? `${base}.csv` : `${base}.excel-vi.csv`;
}

export const CSV_COLUMNS = ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Mã kỳ", "Kỳ", "Giá trị"] as const;

/** The JSON download's column names (one per DataRow field). */
export const JSON_COLUMNS = ["indicator", "name", "unit", "period", "period_label", "decimals", "value"] as const;

/** Round to `decimals` places; the number keeps no float noise (7.0900000001 → 7.09). */
export function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

function numberText(v: number, decimals: number, variant: CsvVariant): string {
  const s = roundTo(v, decimals).toFixed(decimals);
  return variant === "rfc" ? s : s.replace(".", ",");
}

/** A text, a number with its decimals, or a unit code (kept as text by Excel, see above). */
type Cell = string | { n: number; decimals: number } | { code: string } | null;

const SAFE_CODE = /^[0-9A-Za-z_-]+$/;

/** Text Excel would run as a formula (not a plain number such as -3,5): papaparse prefixes it with an apostrophe and quotes it. */
const FORMULA = /^(?![-+]?\d[\d.,]*$)[=+\-@\t\r]/;

const separator = (variant: CsvVariant) => (variant === "rfc" ? "," : ";");

/** A cell as text (a number in the variant's decimals), or a unit code as Excel should keep it (excel-vi only). */
function text(c: Cell, variant: CsvVariant): string | { literal: string } {
  if (c === null) return "";
  if (typeof c === "string") return c;
  if ("n" in c) return numberText(c.n, c.decimals, variant);
  return variant === "excel-vi" && SAFE_CODE.test(c.code) ? { literal: `="${c.code}"` } : c.code;
}

/** One line: runs of ordinary cells through papaparse, unit codes' ="…" between them as they are. */
function line(cells: readonly Cell[], variant: CsvVariant): string {
  const config = { delimiter: separator(variant), newline: "\r\n", escapeFormulae: FORMULA };
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) parts.push(Papa.unparse([run], config));
    run = [];
  };
  for (const c of cells) {
    const t = text(c, variant);
    if (typeof t === "string") run.push(t);
    else {
      flush();
      parts.push(t.literal);
    }
  }
  flush();
  return parts.join(separator(variant));
}

export function toCsv(header: readonly string[], rows: Cell[][], variant: CsvVariant): string {
  return "\uFEFF" + [header, ...rows].map((r) => line(r, variant)).join("\r\n") + "\r\n";
}

export function unitCsv(u: Pick<UnitPage, "code" | "name">, rows: DataRow[], variant: CsvVariant = "rfc"): string {
  return toCsv(
    CSV_COLUMNS,
    rows.map((r) => [{ code: u.code }, u.name, r.indicator, r.name, r.unit, r.period, r.period_label, r.value === null ? null : { n: r.value, decimals: r.decimals }]),
    variant,
  );
}

export const STATUS_COLUMNS = ["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cấp trên", "Đơn vị cấp trên", "Trạng thái", "Thời hạn", "Hạn nộp", "Ngày nộp", "Ngày duyệt", "Số ngày muộn"] as const;

/**
 * One row per unit (root first, then the model's order): the status table of the workbook and CSV.
 * One meaning per column: `timeliness` is the category ("Muộn"), `late` the days after the deadline.
 */
export function statusRows(model: SiteModel): { unit: UnitPage; level: string; parent: UnitPage | null; timeliness: string; late: number }[] {
  const byCode = new Map(model.units.map((u) => [u.code, u]));
  const levels = new Map(model.levels.map((l) => [l.id, l.name]));
  return model.units.map((u) => ({
    unit: u,
    level: levels.get(u.level) ?? u.level,
    parent: u.parent ? byCode.get(u.parent) ?? null : null,
    timeliness: model.labels.timeliness[u.timeliness],
    late: u.days_late,
  }));
}

export function statusCsv(model: SiteModel, variant: CsvVariant): string {
  return toCsv(
    STATUS_COLUMNS,
    statusRows(model).map(({ unit: u, level, parent, timeliness, late }) => [
      { code: u.code }, u.name, level, parent ? { code: parent.code } : null, parent?.name ?? null, u.status_label, timeliness,
      u.deadline?.iso ?? null, u.submitted?.iso ?? null, u.approved?.iso ?? null, { n: late, decimals: 0 },
    ]),
    variant,
  );
}

export const INDICATOR_COLUMNS = ["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã kỳ", "Kỳ", "Giá trị"] as const;

/** One indicator's values for every unit that has it (the indicator page's download). */
export function indicatorCsv(model: SiteModel, id: string, variant: CsvVariant): string {
  const levels = new Map(model.levels.map((l) => [l.id, l.name]));
  return toCsv(
    INDICATOR_COLUMNS,
    model.units.flatMap((u) =>
      u.data
        .filter((r) => r.indicator === id && r.value !== null)
        .map((r) => [{ code: u.code }, u.name, levels.get(u.level) ?? u.level, r.period, r.period_label, { n: r.value!, decimals: r.decimals }]),
    ),
    variant,
  );
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
      days_late: u.days_late,
    },
    columns: JSON_COLUMNS,
    values: u.data.map((r) => ({ ...r, value: r.value === null ? null : roundTo(r.value, r.decimals) })),
  };
  return JSON.stringify(doc, null, 1) + "\n";
}
