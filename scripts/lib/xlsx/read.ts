// Reads an uploaded workbook as a unit's input workbook, or refuses it: the file must be a real
// .xlsx of sane size, made by export-xlsx for a known unit, this round and this template version,
// with every sheet, header and label where the layout puts them and every input cell readable.
// All problems are collected (never thrown); the caller writes nothing when there is any.
import ExcelJS from "exceljs";
import { Unzip, UnzipInflate } from "fflate";
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnosticAt } from "../diagnostics/make.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Dataset } from "../model/dataset.js";
import { workbookLayout } from "./layout.js";
import { META_SHEET, STATUS_CHOICES, address, cellRef, type FixedCell, type InputCell, type SheetLayout, type WorkbookLayout } from "./sheet.js";

export const MAX_XLSX_BYTES = 5 * 1024 * 1024;
export const MAX_EXPANDED_BYTES = 50 * 1024 * 1024;

/** A diagnostic about the workbook, located at a cell ("Biểu 01!F12"; "" for the file as a whole). */
export interface XlsxDiagnostic extends Diagnostic {
  cell: string;
}

export type ReadValue = number | string | null;

export interface ReadInput {
  sheet: string;
  cell: InputCell;
  value: ReadValue;
}

export interface WorkbookRead {
  layout: WorkbookLayout | null;
  inputs: ReadInput[];
  problems: XlsxDiagnostic[];
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

function problem(code: DiagnosticCode, args: Record<string, string | number>, file: string, sheet?: string, row = 0, col = 0): XlsxDiagnostic {
  return { ...diagnosticAt(code, args, file, row, col), cell: sheet ? (row ? cellRef(sheet, row, col) : sheet) : "" };
}

/** Entry names and the bytes they inflate to, counted while inflating and stopped past the limit. */
function inspectZip(buf: Uint8Array): { names: string[]; expanded: number; broken: boolean } {
  const names: string[] = [];
  let expanded = 0;
  let broken = false;
  const unzip = new Unzip((file) => {
    names.push(file.name);
    file.ondata = (err, chunk) => {
      if (err) broken = true;
      expanded += chunk?.length ?? 0;
      if (expanded > MAX_EXPANDED_BYTES) file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(buf, true);
  } catch {
    broken = true;
  }
  return { names, expanded, broken };
}

/** Checks on the bytes alone: extension, size, zip signature, expansion, macros. */
function checkFile(path: string, shown: string): { buf: Buffer | null; problems: XlsxDiagnostic[] } {
  const not = (detail: string) => ({ buf: null, problems: [problem("XLSX_NOT_XLSX", { file: shown, detail }, shown)] });
  const ext = (/\.([^./\\]+)$/.exec(path)?.[1] ?? "").toLowerCase();
  if (ext === "xls") return not("đây là định dạng Excel 97-2003 (.xls) cũ");
  if (ext === "xlsm") return not("sổ có macro (.xlsm) không được nhận");
  if (ext !== "xlsx") return not(`tên tệp phải có đuôi .xlsx (tệp này có đuôi "${ext ? `.${ext}` : "(không có)"}")`);
  const size = statSync(path).size;
  if (size > MAX_XLSX_BYTES) return { buf: null, problems: [problem("XLSX_TOO_LARGE", { size: mb(size), limit: mb(MAX_XLSX_BYTES) }, shown)] };
  const buf = readFileSync(path);
  if (buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return not("nội dung là định dạng Excel 97-2003 (.xls) hoặc tệp được mã hóa bằng mật khẩu, chỉ đổi tên thành .xlsx");
  if (!buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return not("nội dung không phải sổ Excel (có thể là tệp CSV hoặc văn bản được đổi tên thành .xlsx)");
  const zip = inspectZip(buf);
  if (zip.expanded > MAX_EXPANDED_BYTES) return { buf: null, problems: [problem("XLSX_TOO_LARGE", { size: `hơn ${mb(MAX_EXPANDED_BYTES)} khi giải nén`, limit: mb(MAX_EXPANDED_BYTES) }, shown)] };
  if (zip.broken) return not("tệp nén bị hỏng");
  if (zip.names.some((n) => /vbaProject\.bin$/i.test(n))) return not("sổ có macro (VBA) không được nhận");
  if (!zip.names.includes("xl/workbook.xml")) return not("tệp nén không chứa sổ làm việc Excel");
  return { buf, problems: [] };
}

/** What a cell shows, as text (formulas: their cached result). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(/\r\n?/g, "\n").normalize("NFC");
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("").replace(/\r\n?/g, "\n").normalize("NFC");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v) return cellText((v as { text: ExcelJS.CellValue }).text);
  }
  return "";
}

const pad = (n: number) => String(n).padStart(2, "0");

function validIso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function readDate(v: ExcelJS.CellValue): string | null | undefined {
  if (v instanceof Date) return validIso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === "number" && Number.isInteger(v) && v > 0) {
    const dt = new Date(Date.UTC(1899, 11, 30) + v * 86_400_000);
    return validIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
  }
  const t = cellText(v).trim();
  if (t === "") return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return validIso(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  return undefined;
}

type Reader = (code: DiagnosticCode, args: Record<string, string | number>) => void;

function readInput(cell: InputCell, raw: ExcelJS.CellValue, fail: Reader): ReadValue | undefined {
  let v = raw;
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const f = v as ExcelJS.CellFormulaValue;
    if (f.result === undefined || f.result === null) {
      fail("XLSX_FORMULA_NO_VALUE", { formula: f.formula ?? "" });
      return undefined;
    }
    v = f.result as ExcelJS.CellValue;
  }
  switch (cell.type) {
    case "integer":
    case "decimal": {
      if (typeof v === "number") return v;
      const t = cellText(v).trim();
      if (t === "") return null;
      if (/^-?\d+$/.test(t) && !(v instanceof Date)) return Number(t);
      const separated = /^-?\d{1,3}([.,]\d{3})+$/.test(t);
      fail("XLSX_NUMBER_AS_TEXT", { actual: t, kind: separated ? "separator" : "text", suggestion: separated ? t.replace(/[.,]/g, "") : "" });
      return undefined;
    }
    case "date": {
      const d = readDate(v);
      if (d === undefined) fail("XLSX_BAD_DATE", { actual: cellText(v) });
      return d;
    }
    case "status": {
      const t = cellText(v).trim();
      if (t === "") return null;
      const hit = Object.entries(STATUS_CHOICES).find(([id, label]) => t.toLocaleLowerCase("vi") === label.toLocaleLowerCase("vi") || t === id);
      if (!hit) fail("XLSX_BAD_CHOICE", { actual: t, allowed: Object.values(STATUS_CHOICES).join(", ") });
      return hit?.[0];
    }
    case "text":
    case "longtext": {
      const t = cellText(v).replace(/[ \t]+$/gm, "").replace(/\s+$/, "");
      return t === "" ? null : t;
    }
  }
}

/**
 * Whether a fixed cell's text moved, i.e. rows or columns were inserted or deleted: its expected
 * text now stands in a nearby cell of the same column or row, or the text it holds is the one
 * expected in a nearby cell. Returns what to tell the user, or null for a plain edit.
 */
function shifted(ws: ExcelJS.Worksheet, f: FixedCell, actual: string, expectedAt: Map<string, string>): string | null {
  const want = f.text.trim();
  if (want === "") return null;
  const near: [number, number][] = [];
  for (let d = 1; d <= 30; d++) near.push([f.row + d, f.col], [f.row - d, f.col], [f.row, f.col + d], [f.row, f.col - d]);
  for (const [r, c] of near) {
    if (r >= 1 && c >= 1 && cellText(ws.getCell(r, c).value).trim() === want) return `đang ở ô ${address(r, c)}`;
  }
  for (const [r, c] of near) {
    if (actual !== "" && expectedAt.get(address(r, c))?.trim() === actual) return `ô này đang ghi "${actual}", nội dung của ô ${address(r, c)}`;
  }
  return null;
}

function readSheet(ws: ExcelJS.Worksheet, sheet: SheetLayout, shown: string, out: WorkbookRead): void {
  const at = (code: DiagnosticCode, args: Record<string, string | number>, row: number, col: number) => out.problems.push(problem(code, args, shown, sheet.name, row, col));
  const known = new Set([...sheet.fixed, ...sheet.inputs].map((c) => address(c.row, c.col)));
  const expectedAt = new Map(sheet.fixed.map((f) => [address(f.row, f.col), f.text]));
  for (const f of sheet.fixed) {
    if (f.role === "formula") continue;
    const actual = cellText(ws.getCell(f.row, f.col).value).trim();
    if (actual === f.text.trim()) continue;
    if (f.role === "computed") {
      at("XLSX_UNEXPECTED_CELL", { actual }, f.row, f.col);
      continue;
    }
    const moved = shifted(ws, f, actual, expectedAt);
    if (moved) {
      at("XLSX_ROWS_CHANGED", { expected: f.text, found: moved }, f.row, f.col);
      return; // every cell below is shifted: one message says it
    }
    at("XLSX_LABEL_EDITED", { expected: f.text, actual }, f.row, f.col);
  }
  const expectedMerges = new Set(sheet.merges);
  for (const m of (ws.model as { merges?: string[] }).merges ?? []) {
    if (expectedMerges.has(m)) continue;
    const [first] = m.split(":");
    const cell = ws.getCell(first!);
    at("XLSX_MERGED_CELL", { range: m }, Number(cell.row), Number(cell.col));
  }
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (c) => {
      if (known.has(c.address) || (c.isMerged && c.master !== c)) return;
      const actual = cellText(c.value).trim();
      if (actual) at("XLSX_UNEXPECTED_CELL", { actual: actual.length > 40 ? `${actual.slice(0, 40)}…` : actual }, Number(c.row), Number(c.col));
    });
  });
  for (const cell of sheet.inputs) {
    const c = ws.getCell(cell.row, cell.col);
    if (c.isMerged && c.master !== c) continue; // reported as a merge above
    const value = readInput(cell, c.value, (code, args) => at(code, args, cell.row, cell.col));
    if (value !== undefined) out.inputs.push({ sheet: sheet.name, cell, value });
  }
}

/** The unit code a file name promises ("00123.xlsx", "00123-xa-a.xlsx"), if it names a unit. */
function codeInName(path: string, ds: Dataset): string | null {
  const stem = basename(path).replace(/\.[^.]*$/, "");
  const head = stem.split(/[-_ ]/)[0] ?? "";
  return ds.units.has(stem) ? stem : ds.units.has(head) ? head : null;
}

export async function readWorkbook(path: string, shown: string, ds: Dataset): Promise<WorkbookRead> {
  const out: WorkbookRead = { layout: null, inputs: [], problems: [] };
  const file = checkFile(path, shown);
  out.problems.push(...file.problems);
  if (!file.buf) return out;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.buf as unknown as ArrayBuffer);
  } catch (err) {
    out.problems.push(problem("XLSX_NOT_XLSX", { file: shown, detail: `Excel không đọc được nội dung (${err instanceof Error ? err.message.split("\n")[0] : String(err)})` }, shown));
    return out;
  }
  const meta = wb.getWorksheet(META_SHEET);
  const metaValue = (row: number) => cellText(meta?.getCell(row, 2).value ?? null).trim();
  if (!meta || cellText(meta.getCell(1, 1).value) !== "unit") {
    out.problems.push(problem("XLSX_NOT_A_FORM", {}, shown));
    return out;
  }
  const code = metaValue(1);
  const unit = ds.units.get(code);
  if (!unit) {
    out.problems.push(problem("XLSX_UNKNOWN_UNIT", { code }, shown, META_SHEET, 1, 2));
    return out;
  }
  const named = codeInName(path, ds);
  if (named && named !== code) out.problems.push(problem("XLSX_OTHER_UNIT", { file: shown, expected: named, code, name: unit.name }, shown));
  if (metaValue(2) !== ds.project.round) out.problems.push(problem("XLSX_WRONG_ROUND", { actual: metaValue(2), expected: ds.project.round }, shown, META_SHEET, 2, 2));
  const layout = workbookLayout(ds, unit);
  if (metaValue(3) !== layout.version) out.problems.push(problem("XLSX_TEMPLATE_VERSION", { actual: metaValue(3), expected: layout.version }, shown, META_SHEET, 3, 2));
  if (out.problems.length) return out;
  out.layout = layout;
  const expected = new Set([...layout.sheets.map((s) => s.name), META_SHEET]);
  for (const ws of wb.worksheets) {
    if (!expected.has(ws.name)) out.problems.push(problem("XLSX_EXTRA_SHEET", { sheet: ws.name, hidden: ws.state === "visible" ? "" : "1" }, shown, ws.name));
  }
  for (const sheet of layout.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) out.problems.push(problem("XLSX_SHEET_MISSING", { sheet: sheet.name }, shown));
    else readSheet(ws, sheet, shown, out);
  }
  return out;
}
