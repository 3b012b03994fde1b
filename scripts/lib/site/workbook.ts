// The province-wide workbook for auditors (data/tong-hop.xlsx), written with exceljs:
//   1. "Tình trạng báo cáo": every unit: code, name, level, parent, status, deadline, submitted,
//      approved, days late;
//   2. "Chỉ tiêu": one row per unit, one column per indicator × period, labelled in Vietnamese;
//   3. "Tài chính": money planned and disbursed per unit, in total and by funding source.
// Each sheet has a frozen header row, filters and number formats: cells hold plain numbers and
// dates, and the format makes Excel show "28.667" and "7,09%" under a Vietnamese locale.
// Same model, same bytes: fixed document dates and zip timestamps (render/docx/office-zip.ts).
//
// Made in two steps: the sheets as plain data from the model (`provinceSheets`, cheap), then the
// workbook from them with exceljs's streaming writer (`writeSheets`: a nation's indicator sheet is
// ≈ 11 000 rows of ≈ 330 cells, ≈ 12 s of one core), which the build runs on one of its threads
// (render-job.ts) while this one goes on.

import { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { zipParts } from "../render/docx/office-zip.js";
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

type Cell = string | number | Date | null;

/** A sheet as plain data (it crosses to a thread): a header row, frozen, with filters. */
export interface SheetSpec {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

/** The whole workbook as plain data: its properties, its notes (first sheet) and its sheets. */
export interface WorkbookSpec {
  props: { creator: string; title: string; subject: string; date: string };
  notes: { text: string; bold: boolean }[];
  sheets: SheetSpec[];
}

/** A sheet, its rows written out (committed) as they are added; the header row is styled first. */
function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, { name, columns, rows }: SheetSpec): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.format ? { style: { numFmt: c.format } } : {}) }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "top" };
  head.height = 45;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
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

function statusSheet(model: SiteModel): SheetSpec {
  const widths = [10, 34, 14, 10, 30, 12, 22, 12, 12, 12, 10];
  const formats: (string | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, DATE_FORMAT, DATE_FORMAT, DATE_FORMAT, "0"];
  return {
    name: SHEETS.status,
    columns: STATUS_COLUMNS.map((h, i) => ({ header: h, width: widths[i]!, ...(formats[i] ? { format: formats[i] } : {}) })),
    rows: statusRows(model).map(({ unit: u, level, parent, timeliness, late }) => [
      u.code, u.name, level, parent?.code ?? null, parent?.name ?? null, u.status_label, timeliness,
      excelDate(u.deadline), excelDate(u.submitted), excelDate(u.approved), late,
    ]),
  };
}

function indicatorSheet(model: SiteModel, levelName: Map<string, string>): SheetSpec {
  const cols = indicatorColumns(model);
  const value = (u: UnitPage) => new Map(u.data.map((r) => [`${r.indicator}\u0000${r.period}`, r.value]));
  return {
    name: SHEETS.indicators,
    columns: [
      ...UNIT_COLUMNS,
      ...cols.map((c) => ({ header: `${c.ind.name} (${c.ind.unit}) – ${c.label}`, width: 16, format: numberFormat(c.ind.decimals, c.ind.unit === "%") })),
    ],
    rows: model.units.map((u) => {
      const v = value(u);
      return [u.code, u.name, levelName.get(u.level) ?? u.level, ...cols.map((c) => {
        const x = v.get(`${c.ind.id}\u0000${c.period}`);
        return x === undefined || x === null ? null : roundTo(x, c.ind.decimals);
      })];
    }),
  };
}

function financeSheet(model: SiteModel, levelName: Map<string, string>): SheetSpec {
  const withMoney = model.units.filter((u) => u.finance !== null);
  const sources = new Map<string, string>();
  for (const u of withMoney) for (const r of u.finance!.by_source) sources.set(r.id, r.name);
  const money = numberFormat(0);
  const unit = model.project.money_unit;
  return {
    name: SHEETS.finance,
    columns: [
      ...UNIT_COLUMNS,
      { header: `Tổng kế hoạch vốn (${unit})`, width: 16, format: money },
      { header: `Tổng giải ngân (${unit})`, width: 16, format: money },
      { header: "Tỷ lệ giải ngân (%)", width: 12, format: numberFormat(2, true) },
      ...[...sources].flatMap(([, name]) => [
        { header: `${name}: kế hoạch (${unit})`, width: 16, format: money },
        { header: `${name}: giải ngân (${unit})`, width: 16, format: money },
      ]),
    ],
    rows: withMoney.map((u) => {
      const f = u.finance!;
      const bySource = new Map(f.by_source.map((r) => [r.id, r]));
      return [
        u.code, u.name, levelName.get(u.level) ?? u.level,
        f.total.planned.value, f.total.disbursed.value, f.total.rate.value === null ? null : roundTo(f.total.rate.value, 2),
        ...[...sources.keys()].flatMap((id) => [bySource.get(id)?.planned.value ?? null, bySource.get(id)?.disbursed.value ?? null]),
      ];
    }),
  };
}

/** First sheet: what the workbook holds, the as-of date and, for illustrative data, the notice. */
function notes(model: SiteModel): WorkbookSpec["notes"] {
  const p = model.project;
  const lines = [
    `${p.title} – số liệu tổng hợp`,
    ...(p.notice ? [p.notice] : []),
    `Số liệu tính đến ngày ${p.as_of.text}. Đơn vị tiền: ${p.money_unit}.`,
    `Trang "${SHEETS.status}": tình trạng nộp báo cáo của mọi đơn vị (số ngày muộn: nộp sau hạn, hoặc quá hạn mà chưa nộp).`,
    `Trang "${SHEETS.indicators}": mỗi dòng một đơn vị, mỗi cột một chỉ tiêu của một kỳ; ô trống là chưa có số liệu.`,
    `Trang "${SHEETS.finance}": kế hoạch vốn và giải ngân cộng dồn của các kỳ đánh giá.`,
  ];
  return lines.map((text, i) => ({ text, bold: i === 0 || (Boolean(p.notice) && i === 1) }));
}

/** The province-wide workbook's sheets, as plain data. */
export function provinceSheets(model: SiteModel): WorkbookSpec {
  const p = model.project;
  const levelName = new Map(model.levels.map((l) => [l.id, l.name]));
  return {
    props: { creator: p.authority, title: `${p.title} – số liệu tổng hợp`, subject: p.notice ?? "", date: p.as_of.iso },
    notes: notes(model),
    sheets: [statusSheet(model), indicatorSheet(model, levelName), financeSheet(model, levelName)],
  };
}

/**
 * The workbook's bytes from its sheets, with exceljs's streaming writer (loaded here: a rebuild that
 * keeps the workbook never loads it): each row becomes XML as it is added, so exceljs keeps no cell
 * objects (the sheets' XML itself is held until the workbook is committed). A nation's indicator
 * sheet is ≈ 11 000 rows of ≈ 330 cells: exceljs's in-memory workbook held ≈ 3,4 GB for it and took
 * ≈ 130 s of CPU; streamed, ≈ 480 MB and ≈ 12 s. The parts are stored, not deflated, by exceljs:
 * they are unzipped and zipped again here (fixed dates, [Content_Types].xml first).
 */
export async function writeSheets(spec: WorkbookSpec): Promise<Uint8Array> {
  const { default: Excel } = await import("exceljs");
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true, zip: { store: true } });
  const stamp = new Date(`${spec.props.date}T00:00:00Z`);
  wb.creator = spec.props.creator;
  wb.lastModifiedBy = spec.props.creator;
  wb.created = stamp;
  wb.modified = stamp;
  // Read by the core properties part (docProps/core.xml), as the in-memory workbook's are.
  Object.assign(wb, { title: spec.props.title, subject: spec.props.subject });
  const ws = wb.addWorksheet("Ghi chú");
  ws.getColumn(1).width = 110;
  spec.notes.forEach(({ text, bold }, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = text;
    c.alignment = { wrapText: true };
    if (bold) c.font = { bold: true };
  });
  ws.commit();
  for (const sheet of spec.sheets) addSheet(wb, sheet);
  await wb.commit();
  // The streaming writer zips the parts as their streams end: [Content_Types].xml first, as the
  // in-memory writer (and most tools) put it, then the others in the order written.
  const parts = unzipSync(new Uint8Array(Buffer.concat(chunks)));
  const types = "[Content_Types].xml";
  return zipParts({ [types]: parts[types]!, ...Object.fromEntries(Object.entries(parts).filter(([name]) => name !== types)) }, spec.props.date);
}

/** The province-wide workbook, made in this thread. */
export function provinceWorkbook(model: SiteModel): Promise<Uint8Array> {
  return writeSheets(provinceSheets(model));
}
