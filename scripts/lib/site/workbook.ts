// The province-wide workbook for auditors (data/<root>.xlsx), written with exceljs:
//   1. "Tình trạng báo cáo": every unit: code, name, level, parent, status, deadline, submitted,
//      approved, days late;
//   2. "Chỉ tiêu": one row per unit, one column per indicator × period, labelled in Vietnamese;
//   3. "Tài chính": money planned and disbursed per unit, in total and by funding source.
// Each sheet has a frozen header row, filters and number formats: cells hold plain numbers and
// dates, and the format makes Excel show "28.667" and "7,09%" under a Vietnamese locale.
// Same model, same bytes: fixed document dates and zip timestamps (repackOffice).

import type ExcelJS from "exceljs";
import { repackOffice } from "../render/docx/office-zip.js";
import { roundTo, statusRows, STATUS_COLUMNS } from "./data-files.js";
import type { DateVal, IndicatorInfo, SiteModel, UnitPage } from "./model.js";

export const SHEETS = { status: "Tình trạng báo cáo", indicators: "Chỉ tiêu", finance: "Tài chính" } as const;

/** Excel number format for `decimals` places; percentages keep the value (7.09) and add the sign. */
export function numberFormat(decimals: number, percent = false): string {
  const base = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  return percent ? `${base}"%"` : base;
}

const DATE_FORMAT = "dd/mm/yyyy";

/** The first columns of the indicator and finance sheets. */
const UNIT_COLUMNS: Column[] = [
  { header: "Mã đơn vị", width: 10 },
  { header: "Tên đơn vị", width: 34 },
  { header: "Cấp", width: 14 },
];

function excelDate(d: DateVal | null): Date | null {
  return d ? new Date(`${d.iso}T00:00:00Z`) : null;
}

interface Column {
  header: string;
  width: number;
  format?: string;
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: (string | number | Date | null)[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.format ? { style: { numFmt: c.format } } : {}) }));
  for (const r of rows) ws.addRow(r);
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "top" };
  head.height = 45;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  return ws;
}

/** Indicator × period columns that hold at least one value, in catalogue then period order. */
function indicatorColumns(model: SiteModel): { ind: IndicatorInfo; period: string; label: string }[] {
  const present = new Map<string, string>();
  for (const u of model.units) for (const r of u.data) if (r.value !== null) present.set(`${r.indicator}\u0000${r.period}`, r.period_label);
  return model.indicators.flatMap((ind) =>
    model.periods.flatMap((p) => {
      const label = present.get(`${ind.id}\u0000${p.id}`);
      return label === undefined ? [] : [{ ind, period: p.id, label }];
    }),
  );
}

function statusSheet(wb: ExcelJS.Workbook, model: SiteModel): void {
  const widths = [10, 34, 14, 10, 30, 12, 22, 12, 12, 12, 10];
  const formats: (string | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, DATE_FORMAT, DATE_FORMAT, DATE_FORMAT, "0"];
  sheet(
    wb,
    SHEETS.status,
    STATUS_COLUMNS.map((h, i) => ({ header: h, width: widths[i]!, ...(formats[i] ? { format: formats[i] } : {}) })),
    statusRows(model).map(({ unit: u, level, parent, timeliness, late }) => [
      u.code, u.name, level, parent?.code ?? null, parent?.name ?? null, u.status_label, timeliness,
      excelDate(u.deadline), excelDate(u.submitted), excelDate(u.approved), late,
    ]),
  );
}

function indicatorSheet(wb: ExcelJS.Workbook, model: SiteModel, levelName: Map<string, string>): void {
  const cols = indicatorColumns(model);
  const value = (u: UnitPage) => new Map(u.data.map((r) => [`${r.indicator}\u0000${r.period}`, r.value]));
  sheet(
    wb,
    SHEETS.indicators,
    [
      ...UNIT_COLUMNS,
      ...cols.map((c) => ({ header: `${c.ind.name} (${c.ind.unit}) – ${c.label}`, width: 16, format: numberFormat(c.ind.decimals, c.ind.unit === "%") })),
    ],
    model.units.map((u) => {
      const v = value(u);
      return [u.code, u.name, levelName.get(u.level) ?? u.level, ...cols.map((c) => {
        const x = v.get(`${c.ind.id}\u0000${c.period}`);
        return x === undefined || x === null ? null : roundTo(x, c.ind.decimals);
      })];
    }),
  );
}

function financeSheet(wb: ExcelJS.Workbook, model: SiteModel, levelName: Map<string, string>): void {
  const withMoney = model.units.filter((u) => u.finance !== null);
  const sources = new Map<string, string>();
  for (const u of withMoney) for (const r of u.finance!.by_source) sources.set(r.id, r.name);
  const money = numberFormat(0);
  const unit = model.project.money_unit;
  sheet(
    wb,
    SHEETS.finance,
    [
      ...UNIT_COLUMNS,
      { header: `Tổng kế hoạch vốn (${unit})`, width: 16, format: money },
      { header: `Tổng giải ngân (${unit})`, width: 16, format: money },
      { header: "Tỷ lệ giải ngân (%)", width: 12, format: numberFormat(2, true) },
      ...[...sources].flatMap(([, name]) => [
        { header: `${name}: kế hoạch (${unit})`, width: 16, format: money },
        { header: `${name}: giải ngân (${unit})`, width: 16, format: money },
      ]),
    ],
    withMoney.map((u) => {
      const f = u.finance!;
      const bySource = new Map(f.by_source.map((r) => [r.id, r]));
      return [
        u.code, u.name, levelName.get(u.level) ?? u.level,
        f.total.planned.value, f.total.disbursed.value, f.total.rate.value === null ? null : roundTo(f.total.rate.value, 2),
        ...[...sources.keys()].flatMap((id) => [bySource.get(id)?.planned.value ?? null, bySource.get(id)?.disbursed.value ?? null]),
      ];
    }),
  );
}

/** First sheet: what the workbook holds, the as-of date and, for illustrative data, the notice. */
function notesSheet(wb: ExcelJS.Workbook, model: SiteModel): void {
  const ws = wb.addWorksheet("Ghi chú");
  ws.getColumn(1).width = 110;
  const p = model.project;
  const lines = [
    `${p.title} – số liệu tổng hợp`,
    ...(p.notice ? [p.notice] : []),
    `Số liệu tính đến ngày ${p.as_of.text}. Đơn vị tiền: ${p.money_unit}.`,
    `Trang "${SHEETS.status}": tình trạng nộp báo cáo của mọi đơn vị (số ngày muộn: nộp sau hạn, hoặc quá hạn mà chưa nộp).`,
    `Trang "${SHEETS.indicators}": mỗi dòng một đơn vị, mỗi cột một chỉ tiêu của một kỳ; ô trống là chưa có số liệu.`,
    `Trang "${SHEETS.finance}": kế hoạch vốn và giải ngân cộng dồn của các kỳ đánh giá.`,
  ];
  lines.forEach((t, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = t;
    c.alignment = { wrapText: true };
    if (i === 0 || (p.notice && i === 1)) c.font = { bold: true };
  });
}

export async function provinceWorkbook(model: SiteModel): Promise<Uint8Array> {
  // exceljs is loaded here, when the workbook is made (a rebuild that keeps it never loads it).
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  const stamp = new Date(`${model.project.as_of.iso}T00:00:00Z`);
  wb.creator = model.project.authority;
  wb.lastModifiedBy = model.project.authority;
  wb.title = `${model.project.title} – số liệu tổng hợp`;
  wb.subject = model.project.notice ?? "";
  wb.created = stamp;
  wb.modified = stamp;
  const levelName = new Map(model.levels.map((l) => [l.id, l.name]));
  notesSheet(wb, model);
  statusSheet(wb, model);
  indicatorSheet(wb, model, levelName);
  financeSheet(wb, model, levelName);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return repackOffice(bytes, model.project.as_of.iso);
}
