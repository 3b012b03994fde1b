// The workbook's vocabulary, shared by the layout of every sheet: sheet names, fixed and input
// cells and what an input binds to, cell addresses, and the title block and notes every sheet has.
import { INTEGER_KINDS } from "../model/catalogue.js";
import type { FormColumn, FormSpec, Indicator, Unit } from "../model/types.js";

/** Fields of "Thông tin chung" (report header). */
export type InfoField = "status" | "submitted_on" | "approved_on" | "number" | "date" | "authority" | "deputy" | "position" | "name" | "recipients";

export type Binding =
  | { kind: "value"; indicator: string; period: string }
  | { kind: "finance"; component: string; source: string; period: string; field: "plan" | "disbursed" }
  | { kind: "narrative"; key: string }
  | { kind: "info"; field: InfoField };

export type InputType = "integer" | "decimal" | "text" | "longtext" | "date" | "status";

export interface InputCell {
  row: number;
  col: number;
  type: InputType;
  binding: Binding;
  /** Decimal places shown (numbers). */
  decimals: number;
}

export type FixedRole = "title" | "header" | "number" | "label" | "note" | "computed" | "formula";

export interface FixedCell {
  row: number;
  col: number;
  role: FixedRole;
  /** Text shown; for a formula cell, the formula (without "="). */
  text: string;
  bold?: boolean;
}

export interface SheetLayout {
  name: string;
  widths: number[];
  fixed: FixedCell[];
  inputs: InputCell[];
  /** Merged ranges ("A2:J2"). */
  merges: string[];
  /** First row of the table body (after headers): rows above are frozen. */
  bodyRow: number;
}

export interface WorkbookLayout {
  unit: Unit;
  round: string;
  /** Changes whenever a sheet, a label or an input cell changes: a workbook of another version is refused. */
  version: string;
  sheets: SheetLayout[];
}

/** The hidden sheet naming the unit, round and template version. */
export const META_SHEET = "ma_bieu";
export const INFO_SHEET = "Thông tin chung";
export const NARRATIVE_SHEET = "Thuyết minh";
export const FINANCE_SHEET = "Biểu 04-05";
export const OTHER_SHEET = "Chỉ tiêu khác";
export const ILLUSTRATIVE = "SỐ LIỆU MINH HỌA";

export const STATUS_CHOICES: Record<string, string> = { dang_soan: "Đang soạn", chua_nop: "Chưa nộp", da_nop: "Đã nộp", da_duyet: "Đã duyệt" };

export function colLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const address = (row: number, col: number) => `${colLetter(col)}${row}`;
/** "Biểu 01!F12", as the import names a cell. */
export const cellRef = (sheet: string, row: number, col: number) => `${sheet}!${address(row, col)}`;
export const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

export const sheetNameOf = (form: FormSpec) => `Biểu ${form.id.replace(/^B/, "")}`;

export interface Leaf {
  path: string[];
  value: string;
  width: number;
}

export function leaves(cols: readonly FormColumn[], prefix: string[] = []): Leaf[] {
  return cols.flatMap((c) => (c.children?.length ? leaves(c.children, [...prefix, c.label]) : [{ path: [...prefix, c.label], value: c.value ?? "note", width: c.width ?? 8 }]));
}

/** Title block shared by every sheet: form number (and the illustrative notice), title, unit. */
export function titleBlock(sheet: SheetLayout, width: number, number: string, title: string, unit: Unit, illustrative: boolean, measure: string | null): number {
  sheet.fixed.push({ row: 1, col: 1, role: "title", text: number, bold: true });
  if (illustrative) sheet.fixed.push({ row: 1, col: width, role: "title", text: ILLUSTRATIVE, bold: true });
  sheet.fixed.push({ row: 2, col: 1, role: "title", text: title, bold: true });
  sheet.fixed.push({ row: 3, col: 1, role: "title", text: `Đơn vị báo cáo: ${unit.name} (mã ${unit.code})` });
  sheet.merges.push(`A2:${address(2, width)}`, `A3:${address(3, width)}`);
  if (measure) sheet.fixed.push({ row: 4, col: width, role: "title", text: `Đơn vị tính: ${measure}` });
  return 5;
}

export const newSheet = (name: string): SheetLayout => ({ name, widths: [], fixed: [], inputs: [], merges: [], bodyRow: 1 });

export const numberType = (ind: Indicator): InputType => (INTEGER_KINDS.has(ind.kind) ? "integer" : "decimal");

export function footnotes(sheet: SheetLayout, notes: readonly string[], row: number, width: number): void {
  notes.forEach((n, i) => {
    sheet.fixed.push({ row: row + i, col: 1, role: "note", text: `Ghi chú: ${n}` });
    sheet.merges.push(`${address(row + i, 1)}:${address(row + i, width)}`);
  });
}
