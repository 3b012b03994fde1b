// Writes a unit's input workbook from its layout (layout.ts), pre-filled from its report when
// it has one. Input cells are unlocked and shaded, everything else is locked (sheet protection
// without a password); numeric cells carry data validation and Vietnamese-style number formats.
// Same input, same bytes: fixed document dates and zip entry times.
//
// exceljs writes the first workbook of each shape of layout (per thread), without input values;
// template.ts fills in that one and every other of the same shape: the same bytes, in a fraction of
// the time. The parts are taken from exceljs before it zips them, and zipped once (files/zip.ts:
// node's zlib, deflate level 6, a fixed date on every entry).
import type ExcelJS from "exceljs";
import { zipEntries } from "../files/zip.js";
import type { FinanceRecord, ReportFile } from "../model/types.js";
import { INFO_SHEET, META_SHEET, STATUS_CHOICES, type FixedCell, type InfoField, type InputCell, type SheetLayout, type WorkbookLayout } from "./sheet.js";
import { cutTemplate, fillTemplate, metaRows, sameShape, type Parts, type Template } from "./template.js";

const FIXED_DATE = new Date(Date.UTC(2018, 0, 1));
const INPUT_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } } as const;
const COMPUTED_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } } as const;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } } as const;
const THIN = { style: "thin", color: { argb: "FF808080" } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = "Times New Roman";

export type CellValue = number | string | Date | null;

/** The value an input cell shows for a report (null: empty). */
export function valueFor(cell: InputCell, report: ReportFile): CellValue {
  const b = cell.binding;
  switch (b.kind) {
    case "value":
      return report.values[b.indicator]?.[b.period] ?? null;
    case "finance":
      return findRecord(report.finance, b.component, b.source, b.period)?.[b.field] ?? null;
    case "narrative": {
      const text = report.narrative[b.key];
      return text ? text.replace(/\s+$/, "") : null;
    }
    case "info":
      return infoValue(report, b.field);
  }
}

export function findRecord(list: readonly FinanceRecord[], component: string, source: string, period: string): FinanceRecord | undefined {
  return list.find((r) => r.component === component && r.source === source && r.period === period);
}

export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function infoValue(report: ReportFile, field: InfoField): CellValue {
  const doc = report.document;
  switch (field) {
    case "status":
      return STATUS_CHOICES[report.status] ?? report.status;
    case "submitted_on":
      return report.submitted_on ? isoToDate(report.submitted_on) : null;
    case "approved_on":
      return report.approved_on ? isoToDate(report.approved_on) : null;
    case "number":
      return doc.number || null;
    case "date":
      return doc.date ? isoToDate(doc.date) : null;
    case "authority":
    case "position":
    case "name":
      return doc.signer[field] || null;
    case "deputy":
      return doc.signer.deputy || null;
    case "recipients":
      return doc.recipients.length ? doc.recipients.join("\n") : null;
  }
}

/** Vietnamese locale tag (LCID 042A): 1.234,5 wherever the workbook is opened in a spreadsheet that honours it. */
const VI = "[$-42A]";
const numFmt = (decimals: number) => `${VI}${decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0"}`;

/** A cell's data validation: one object per input type, shared by every cell of that type (exceljs
 *  keeps the object it is given and only reads it). */
function validation(cell: InputCell): ExcelJS.DataValidation | null {
  return VALIDATIONS[cell.type] ?? null;
}

const COMMON = { allowBlank: true, showErrorMessage: true, errorStyle: "stop" as const, errorTitle: "Giá trị không hợp lệ" };
const VALIDATIONS: Partial<Record<InputCell["type"], ExcelJS.DataValidation>> = {
  integer: { ...COMMON, type: "whole", operator: "greaterThanOrEqual", formulae: [0], error: "Nhập số nguyên không âm, gõ liền không dấu chấm, dấu phẩy (ví dụ 1234)." },
  decimal: { ...COMMON, type: "decimal", operator: "greaterThanOrEqual", formulae: [0], error: "Nhập số không âm (số thập phân được phép)." },
  date: { ...COMMON, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(2000, 0, 1))], error: "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 31/07/2018." },
  status: { ...COMMON, type: "list", formulae: [`"${Object.values(STATUS_CHOICES).join(",")}"`], error: `Chọn một trong: ${Object.values(STATUS_CHOICES).join(", ")}.` },
};

/**
 * One style object per distinct style, shared by every cell that has it: exceljs turns a cell's
 * style into its stylesheet entry once per style object (it remembers the objects it has seen), so
 * a style built afresh for every cell is serialised again for every cell. A cell's style is set
 * whole (`cell.style = …`) and never through its setters (`cell.font = …`), which would change
 * the shared object. `key` names everything the style is built from.
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
function shared(key: string, make: () => Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  let out = styles.get(key);
  if (!out) styles.set(key, (out = make()));
  return out;
}

/** The style of a fixed cell (title, header, label, row number, note, computed or formula cell). */
function fixedStyle(f: FixedCell, bodyRow: number): Partial<ExcelJS.Style> {
  const { role, bold } = f;
  const titleAlign = f.col === 1 && f.row === 2 ? "center" : f.col === 1 ? "left" : "right";
  const wrapTitle = f.row === 2;
  const bordered = f.row >= bodyRow - 3 && role !== "title" && role !== "note";
  return shared(`fixed|${role}|${!!bold}|${role === "title" ? `${titleAlign}|${wrapTitle}` : ""}|${bordered}`, () => {
    const style: Partial<ExcelJS.Style> = { font: { name: FONT, size: role === "title" ? 12 : 11, bold: !!bold, italic: role === "note" } };
    if (role === "formula") style.numFmt = `${VI}#,##0.##`;
    if (role === "header") {
      style.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      style.fill = HEADER_FILL;
    } else if (role === "title") style.alignment = { horizontal: titleAlign, vertical: "middle", wrapText: wrapTitle };
    else if (role === "note") style.alignment = { wrapText: true, vertical: "top" };
    else style.alignment = { vertical: "top", wrapText: role === "label", horizontal: role === "number" ? "center" : undefined };
    if (role === "computed" || role === "formula") style.fill = COMPUTED_FILL;
    if (bordered) style.border = BORDER;
    return style;
  });
}

/** The style of an input cell: unlocked, shaded, with its number or date format. */
function inputStyle(i: InputCell): Partial<ExcelJS.Style> {
  return shared(`input|${i.type}|${i.decimals}`, () => {
    const style: Partial<ExcelJS.Style> = { protection: { locked: false }, fill: INPUT_FILL, border: BORDER, font: { name: FONT, size: 11 } };
    if (i.type === "integer" || i.type === "decimal") style.numFmt = numFmt(i.type === "integer" ? 0 : i.decimals);
    else if (i.type === "date") style.numFmt = "dd/mm/yyyy";
    else if (i.type === "text") style.numFmt = "@";
    style.alignment = i.type === "longtext" ? { wrapText: true, vertical: "top" } : { vertical: "top" };
    return style;
  });
}

/** One sheet of the workbook, its input cells filled in from `report` (null: left empty). */
function writeSheet(wb: ExcelJS.Workbook, sheet: SheetLayout, report: ReportFile | null, lines: Map<number, number>): void {
  const ws = wb.addWorksheet(sheet.name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: sheet.bodyRow - 1, xSplit: 0 }],
  });
  ws.columns = sheet.widths.map((width) => ({ width }));
  for (const f of sheet.fixed) {
    const c = ws.getCell(f.row, f.col);
    c.style = fixedStyle(f, sheet.bodyRow);
    if (f.role === "formula") c.value = { formula: f.text } as ExcelJS.CellFormulaValue;
    else if (f.text !== "") c.value = f.text;
  }
  for (const i of sheet.inputs) {
    const c = ws.getCell(i.row, i.col);
    const v = report ? valueFor(i, report) : null;
    if (v !== null) c.value = v;
    c.style = inputStyle(i);
    const dv = validation(i);
    if (dv) c.dataValidation = dv;
  }
  for (const m of sheet.merges) ws.mergeCells(m);
  // Wrapped headers and labels: rows tall enough to show them whole (no spreadsheet sizes rows itself on load).
  for (const [row, n] of lines) if (n > 1) ws.getRow(row).height = 16 * n;
  // Long text rows: tall enough to read a paragraph without resizing.
  for (const i of sheet.inputs) if (i.type === "longtext") ws.getRow(i.row).height = sheet.name === INFO_SHEET ? 45 : 90;
  void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/** Lines each row's wrapped header and label cells need at their column's width. */
function rowLines(sheet: SheetLayout): Map<number, number> {
  const out = new Map<number, number>();
  const total = sheet.widths.reduce((a, b) => a + b, 0);
  for (const f of sheet.fixed) {
    const title = f.role === "title" && f.row === 2; // merged across the table, bold and larger
    if (f.role !== "header" && f.role !== "label" && !title) continue;
    const perLine = title ? total * 0.8 : Math.max(4, (sheet.widths[f.col - 1] ?? 10) - 1);
    const lines = f.text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
    out.set(f.row, Math.max(out.get(f.row) ?? 1, lines));
  }
  return out;
}

/** The workbook's parts as exceljs writes them (its XLSX.write, without the zip), input cells
 *  filled in from `report` (null: left empty). */
async function workbookParts(layout: WorkbookLayout, report: ReportFile | null, heights: Map<number, number>[]): Promise<Parts> {
  // exceljs is loaded at the first workbook (a rebuild that keeps every workbook never loads it).
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  wb.creator = "danh-gia-giua-ky";
  wb.lastModifiedBy = "danh-gia-giua-ky";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties.fullCalcOnLoad = true;
  layout.sheets.forEach((sheet, i) => writeSheet(wb, sheet, report, heights[i]!));
  const meta = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  meta.addRows(metaRows(layout));
  for (const c of ["B1", "B2", "B3"]) meta.getCell(c).numFmt = "@";
  void meta.protect("", {});
  const parts: Parts = [];
  const zip = { append: (data: string | Uint8Array, o: { name: string }) => void parts.push([o.name, data]) };
  // The steps of exceljs's XLSX.write (lib/xlsx/xlsx.js), in its order, into `parts`.
  const x = wb.xlsx as unknown as Record<string, (zip: unknown, model: unknown) => Promise<void>> & { prepareModel(model: unknown, options: object): void };
  const { model } = wb as unknown as { model: unknown };
  x.prepareModel(model, {});
  for (const step of ["addContentTypes", "addOfficeRels", "addWorkbookRels", "addWorksheets", "addSharedStrings", "addDrawings", "addTables"]) await x[step]!(zip, model);
  await Promise.all([x.addThemes!(zip, model), x.addStyles!(zip, model)]);
  await x.addMedia!(zip, model);
  await Promise.all([x.addApp!(zip, model), x.addCore!(zip, model)]);
  await x.addWorkbook!(zip, model);
  return parts;
}

/** The zip of `parts` (files/zip.ts): each folder entry before its first file, as exceljs's zip
 *  (jszip) adds them; a part named twice keeps its first place and its last bytes. */
export function zipParts(parts: readonly [string, string | Uint8Array][]): Buffer {
  const entries = new Map<string, Uint8Array>();
  const empty = new Uint8Array(0);
  for (const [name, data] of parts) {
    for (let at = name.indexOf("/"); at >= 0; at = name.indexOf("/", at + 1)) if (!entries.has(name.slice(0, at + 1))) entries.set(name.slice(0, at + 1), empty);
    entries.set(name, typeof data === "string" ? Buffer.from(data, "utf8") : data);
  }
  return zipEntries(entries);
}

/** The workbook written by exceljs, values included (what a template must give: the tests compare). */
export async function exportWithExceljs(layout: WorkbookLayout, report: ReportFile): Promise<Buffer> {
  return zipParts(await workbookParts(layout, report, layout.sheets.map(rowLines)));
}

/** This thread's templates (template.ts), by sheet names and cell counts; null: a shape that
 *  exceljs writes every time (its parts were not as expected). At most LIMIT per bucket. */
const templates = new Map<string, { layout: WorkbookLayout; heights: Map<number, number>[]; template: Template | null }[]>();
const LIMIT = 64;

async function templateFor(layout: WorkbookLayout, heights: Map<number, number>[]): Promise<Template | null> {
  const bucket = layout.sheets.map((s) => `${s.name}\0${s.fixed.length}\0${s.inputs.length}`).join("\0");
  const list = templates.get(bucket) ?? [];
  const found = list.find((t) => sameShape(t.layout, layout, t.heights, heights));
  if (found) return found.template;
  const template = cutTemplate(layout, heights, await workbookParts(layout, null, heights));
  if (list.length < LIMIT) templates.set(bucket, [...list, { layout, heights, template }]);
  return template;
}

/** The workbook as bytes: deterministic for the same layout and report (a unit without one: its empty report, as `npm run new` writes it). */
export async function exportWorkbook(layout: WorkbookLayout, report: ReportFile): Promise<Buffer> {
  const heights = layout.sheets.map(rowLines);
  const template = await templateFor(layout, heights);
  const parts = template && fillTemplate(template, layout, (sheet, i) => valueFor(sheet.inputs[i]!, report));
  return zipParts(parts ?? (await workbookParts(layout, report, heights)));
}
