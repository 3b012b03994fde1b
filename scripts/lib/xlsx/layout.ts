// The input workbook of one unit, described as data: which sheets, which fixed cells (titles,
// headers, row numbers and labels), which input cells and what each one binds to in the report
// file. Export writes it, import checks a workbook against it and reads the input cells back,
// locate maps a report pointer to its cell. Pure: no I/O, no exceljs.
import { createHash } from "node:crypto";
import type { Dataset } from "../model/dataset.js";
import { INTEGER_KINDS, flattenOutline } from "../model/catalogue.js";
import { chairsComponent } from "../model/chairs.js";
import type { FormColumn, FormSpec, Indicator, Unit } from "../model/types.js";
import { applicableIndicators } from "../workflow/new-report.js";

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
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

export const sheetNameOf = (form: FormSpec) => `Biểu ${form.id.replace(/^B/, "")}`;

interface Leaf {
  path: string[];
  value: string;
  width: number;
}

function leaves(cols: readonly FormColumn[], prefix: string[] = []): Leaf[] {
  return cols.flatMap((c) => (c.children?.length ? leaves(c.children, [...prefix, c.label]) : [{ path: [...prefix, c.label], value: c.value ?? "note", width: c.width ?? 8 }]));
}

function depth(cols: readonly FormColumn[]): number {
  return Math.max(0, ...cols.map((c) => 1 + depth(c.children ?? [])));
}

/** Header cells of nested columns: a group spans its leaves, a leaf spans down to the last header row. */
function headerCells(cols: readonly FormColumn[], top: number, rows: number, sheet: SheetLayout): void {
  let col = 1;
  const place = (list: readonly FormColumn[], level: number) => {
    for (const c of list) {
      const start = col;
      if (c.children?.length) {
        sheet.fixed.push({ row: top + level, col: start, role: "header", text: c.label, bold: true });
        place(c.children, level + 1);
        if (col - 1 > start) sheet.merges.push(`${address(top + level, start)}:${address(top + level, col - 1)}`);
      } else {
        sheet.fixed.push({ row: top + level, col: start, role: "header", text: c.label, bold: true });
        if (top + rows - 1 > top + level) sheet.merges.push(`${address(top + level, start)}:${address(top + rows - 1, start)}`);
        col++;
      }
    }
  };
  place(cols, 0);
}

/** Title block shared by every sheet: form number (and the illustrative notice), title, unit. */
function titleBlock(sheet: SheetLayout, width: number, number: string, title: string, unit: Unit, illustrative: boolean, measure: string | null): number {
  sheet.fixed.push({ row: 1, col: 1, role: "title", text: number, bold: true });
  if (illustrative) sheet.fixed.push({ row: 1, col: width, role: "title", text: ILLUSTRATIVE, bold: true });
  sheet.fixed.push({ row: 2, col: 1, role: "title", text: title, bold: true });
  sheet.fixed.push({ row: 3, col: 1, role: "title", text: `Đơn vị báo cáo: ${unit.name} (mã ${unit.code})` });
  sheet.merges.push(`A2:${address(2, width)}`, `A3:${address(3, width)}`);
  if (measure) sheet.fixed.push({ row: 4, col: width, role: "title", text: `Đơn vị tính: ${measure}` });
  return 5;
}

const newSheet = (name: string): SheetLayout => ({ name, widths: [], fixed: [], inputs: [], merges: [], bodyRow: 1 });

const numberType = (ind: Indicator): InputType => (INTEGER_KINDS.has(ind.kind) ? "integer" : "decimal");

export function workbookLayout(ds: Dataset, unit: Unit): WorkbookLayout {
  const illustrative = ds.project.illustrative;
  const periods = ds.project.periods;
  const indicators = new Map(ds.catalogue.indicators.map((i) => [i.id, i]));
  const applicable = new Set(applicableIndicators(ds, unit).map((i) => i.id));
  const forms = ds.forms.filter((f) => f.levels.includes(unit.level));
  const sheets: SheetLayout[] = [];
  /** First input cell of an indicator at a period, workbook-wide ("'Biểu 01'!D7"). */
  const firstCell = new Map<string, string>();
  const deferred: (() => void)[] = [];

  sheets.push(infoSheet(ds, unit, illustrative));

  // Annex forms laid out by indicator: the unit's own figures.
  const shownRows = new Set<string>();
  for (const form of forms.filter((f) => f.layout === "indicators")) {
    const sheet = newSheet(sheetNameOf(form));
    const cols = leaves(form.columns);
    sheet.widths = cols.map((c) => c.width * 1.6);
    const top = titleBlock(sheet, cols.length, sheet.name, form.title, unit, illustrative, form.unit_of_measure);
    const hdr = depth(form.columns);
    headerCells(form.columns, top, hdr, sheet);
    let row = top + hdr;
    sheet.bodyRow = row;
    for (const r of form.rows.filter((x) => !x.levels || x.levels.includes(unit.level))) {
      const ind = r.indicator ? indicators.get(r.indicator) : undefined;
      if (ind) shownRows.add(ind.id);
      const heading = !!r.heading || !ind;
      const cellOf = new Map<string, number>(); // period → column of this row's value cell
      cols.forEach((c, i) => {
        const col = i + 1;
        const [op, a] = c.value.split(":");
        if (op === "number") sheet.fixed.push({ row, col, role: "number", text: r.number, bold: heading });
        else if (op === "label") sheet.fixed.push({ row, col, role: "label", text: r.label ?? ind?.name ?? "", bold: heading });
        else if (op === "unit") sheet.fixed.push({ row, col, role: "label", text: ind?.unit ?? "" });
        else if (op === "value" && ind && a && !heading && !ind.computed && applicable.has(ind.id) && ind.periods.includes(a)) {
          const key = `${ind.id}@${a}`;
          const first = firstCell.get(key);
          cellOf.set(a, col);
          if (first) sheet.fixed.push({ row, col, role: "formula", text: first });
          else {
            sheet.inputs.push({ row, col, type: numberType(ind), binding: { kind: "value", indicator: ind.id, period: a }, decimals: ind.decimals ?? 0 });
            firstCell.set(key, `${quoted(sheet.name)}!${address(row, col)}`);
          }
        } else if (op === "note") sheet.fixed.push({ row, col, role: "label", text: "" });
        else if (!heading) {
          const at = row;
          // Computed columns (totals, changes, rates): formulas once every input cell is known.
          deferred.push(() => {
            const f = formulaFor(c.value, ind!, cellOf, at, firstCell, periods.filter((p) => p.flow_label !== null).map((p) => p.id));
            sheet.fixed.push(f ? { row: at, col, role: "formula", text: f } : { row: at, col, role: "computed", text: "" });
          });
        }
      });
      row++;
    }
    footnotes(sheet, form.footnotes ?? [], row + 1, cols.length);
    sheets.push(sheet);
  }

  // Indicators the unit reports that no form of its level shows.
  const others = [...applicable].filter((id) => !shownRows.has(id)).map((id) => indicators.get(id)!);
  if (others.length) sheets.push(otherSheet(others, unit, illustrative, periods.map((p) => ({ id: p.id, label: p.flow_label ?? p.stock_label })), firstCell));

  if (forms.some((f) => f.layout === "finance_sources" || f.layout === "finance_components")) sheets.push(financeSheet(ds, unit, illustrative));
  sheets.push(narrativeSheet(ds, unit, illustrative));
  for (const run of deferred) run();
  for (const s of sheets) s.fixed.sort((a, b) => a.row - b.row || a.col - b.col);

  const shape = sheets.map((s) => ({ n: s.name, f: s.fixed.map((c) => [c.row, c.col, c.role, c.text]), i: s.inputs.map((c) => [c.row, c.col, c.type, c.binding]), m: s.merges }));
  const version = createHash("sha256").update(JSON.stringify(shape)).digest("hex").slice(0, 12);
  return { unit, round: ds.project.round, version, sheets };
}

function formulaFor(expr: string, ind: Indicator, cellOf: Map<string, number>, row: number, firstCell: Map<string, string>, flows: string[]): string | null {
  const [op, a, b] = expr.split(":");
  const here = (p: string | undefined) => (p && cellOf.has(p) ? address(row, cellOf.get(p)!) : null);
  if (op === "sum_flows") {
    const cells = flows.map(here).filter((c): c is string => c !== null);
    return cells.length ? `SUM(${cells.join(",")})` : null;
  }
  if (op === "change") {
    const from = here(a);
    const to = here(b);
    return from && to ? `IF(OR(${from}="",${to}=""),"",${to}-${from})` : null;
  }
  if (op === "share") {
    const part = here(a);
    const whole = a && b ? firstCell.get(`${b}@${a}`) : undefined;
    return part && whole ? `IF(N(${whole})=0,"",ROUND(${part}/${whole}*100,2))` : null;
  }
  if (op === "value" && a && ind.aggregate.rule === "ratio") {
    const num = firstCell.get(`${ind.aggregate.numerator}@${a}`);
    const den = firstCell.get(`${ind.aggregate.denominator}@${a}`);
    return num && den ? `IF(N(${den})=0,"",ROUND(${num}/${den}*${ind.aggregate.scale},2))` : null;
  }
  return null;
}

function footnotes(sheet: SheetLayout, notes: readonly string[], row: number, width: number): void {
  notes.forEach((n, i) => {
    sheet.fixed.push({ row: row + i, col: 1, role: "note", text: `Ghi chú: ${n}` });
    sheet.merges.push(`${address(row + i, 1)}:${address(row + i, width)}`);
  });
}

const INFO_ROWS: { field: InfoField; label: string; type: InputType }[] = [
  { field: "status", label: "Trạng thái báo cáo", type: "status" },
  { field: "submitted_on", label: "Ngày nộp báo cáo", type: "date" },
  { field: "approved_on", label: "Ngày duyệt báo cáo", type: "date" },
  { field: "number", label: "Số văn bản (chỉ ghi số, ví dụ 15)", type: "text" },
  { field: "date", label: "Ngày ký văn bản", type: "date" },
  { field: "authority", label: "Thẩm quyền ký (ví dụ TM. ỦY BAN NHÂN DÂN)", type: "text" },
  { field: "deputy", label: "Ký thay (ví dụ KT. CHỦ TỊCH; để trống nếu không có)", type: "text" },
  { field: "position", label: "Chức vụ người ký", type: "text" },
  { field: "name", label: "Họ và tên người ký", type: "text" },
  { field: "recipients", label: "Nơi nhận (mỗi nơi một dòng, sau “Như trên”)", type: "longtext" },
];

function infoSheet(ds: Dataset, unit: Unit, illustrative: boolean): SheetLayout {
  const sheet = newSheet(INFO_SHEET);
  sheet.widths = [48, 60];
  const top = titleBlock(sheet, 2, "THÔNG TIN CHUNG", ds.project.report_title, unit, illustrative, null);
  const fixedRows: [string, string][] = [
    ["Mã đơn vị", unit.code],
    ["Tên đơn vị", unit.name],
    ["Đợt đánh giá", ds.project.title],
  ];
  let row = top;
  sheet.fixed.push({ row, col: 1, role: "header", text: "Mục", bold: true }, { row, col: 2, role: "header", text: "Nội dung", bold: true });
  sheet.bodyRow = ++row;
  for (const [label, value] of fixedRows) {
    sheet.fixed.push({ row, col: 1, role: "label", text: label }, { row, col: 2, role: "label", text: value });
    row++;
  }
  for (const r of INFO_ROWS) {
    sheet.fixed.push({ row, col: 1, role: "label", text: r.label });
    sheet.inputs.push({ row, col: 2, type: r.type, binding: { kind: "info", field: r.field }, decimals: 0 });
    row++;
  }
  footnotes(sheet, ["Ô màu vàng là ô nhập liệu; các ô khác đã khóa. Ngày nhập theo dạng ngày/tháng/năm, ví dụ 31/07/2018."], row + 1, 2);
  return sheet;
}

function otherSheet(list: Indicator[], unit: Unit, illustrative: boolean, periods: { id: string; label: string }[], firstCell: Map<string, string>): SheetLayout {
  const sheet = newSheet(OTHER_SHEET);
  const width = 3 + periods.length;
  sheet.widths = [5, 60, 12, ...periods.map(() => 14)];
  const top = titleBlock(sheet, width, OTHER_SHEET.toUpperCase(), "CÁC CHỈ TIÊU KHÁC TRONG DANH MỤC (KHÔNG CÓ TRONG BIỂU)", unit, illustrative, null);
  ["TT", "Chỉ tiêu", "Đơn vị tính", ...periods.map((p) => p.label)].forEach((text, i) => sheet.fixed.push({ row: top, col: i + 1, role: "header", text, bold: true }));
  let row = top + 1;
  sheet.bodyRow = row;
  list.forEach((ind, n) => {
    sheet.fixed.push({ row, col: 1, role: "number", text: String(n + 1) }, { row, col: 2, role: "label", text: ind.name }, { row, col: 3, role: "label", text: ind.unit });
    periods.forEach((p, i) => {
      if (ind.periods.includes(p.id)) {
        sheet.inputs.push({ row, col: 4 + i, type: numberType(ind), binding: { kind: "value", indicator: ind.id, period: p.id }, decimals: ind.decimals ?? 0 });
        firstCell.set(`${ind.id}@${p.id}`, `${quoted(sheet.name)}!${address(row, 4 + i)}`);
      } else sheet.fixed.push({ row, col: 4 + i, role: "computed", text: "" });
    });
    row++;
  });
  return sheet;
}

/** Finance records (component × source × period, planned and disbursed): the input of Biểu 04 and 05. */
function financeSheet(ds: Dataset, unit: Unit, illustrative: boolean): SheetLayout {
  const sheet = newSheet(FINANCE_SHEET);
  const agency = ds.levels.get(unit.level)?.kind === "agency";
  const comps = ds.programme.components;
  const leavesOf = comps.filter((c) => c.applicable && !comps.some((o) => o.parent === c.id) && (!agency || chairsComponent(unit, c.id)));
  const flows = ds.project.periods.filter((p) => p.flow_label !== null);
  const width = 3 + flows.length * 2;
  sheet.widths = [7, 50, 36, ...flows.flatMap(() => [12, 12])];
  const top = titleBlock(sheet, width, "BIỂU 04, 05", "KẾ HOẠCH VỐN VÀ GIẢI NGÂN THEO DỰ ÁN, TIỂU DỰ ÁN VÀ NGUỒN VỐN (SỐ LIỆU CỦA BIỂU 04 VÀ BIỂU 05)", unit, illustrative, ds.project.money_unit);
  for (const [i, text] of ["TT", "Dự án, tiểu dự án", "Nguồn vốn"].entries()) {
    sheet.fixed.push({ row: top, col: i + 1, role: "header", text, bold: true });
    sheet.merges.push(`${address(top, i + 1)}:${address(top + 1, i + 1)}`);
  }
  flows.forEach((p, i) => {
    const col = 4 + i * 2;
    sheet.fixed.push({ row: top, col, role: "header", text: p.flow_label!, bold: true });
    sheet.merges.push(`${address(top, col)}:${address(top, col + 1)}`);
    sheet.fixed.push({ row: top + 1, col, role: "header", text: "Kế hoạch", bold: true }, { row: top + 1, col: col + 1, role: "header", text: "Giải ngân", bold: true });
  });
  let row = top + 2;
  sheet.bodyRow = row;
  leavesOf.forEach((c, n) => {
    const parent = c.parent ? comps.find((p) => p.id === c.parent) : undefined;
    const label = `${c.id}: ${parent ? `${parent.name} › ` : ""}${c.name}`;
    for (const s of ds.programme.sources) {
      sheet.fixed.push({ row, col: 1, role: "number", text: String(n + 1) }, { row, col: 2, role: "label", text: label }, { row, col: 3, role: "label", text: s.name });
      flows.forEach((p, i) => {
        for (const [k, field] of (["plan", "disbursed"] as const).entries()) {
          sheet.inputs.push({ row, col: 4 + i * 2 + k, type: "decimal", binding: { kind: "finance", component: c.id, source: s.id, period: p.id, field }, decimals: 2 });
        }
      });
      row++;
    }
  });
  footnotes(sheet, ["Mỗi dòng là một dự án, tiểu dự án với một nguồn vốn; để trống cả hai ô của một kỳ nếu không có vốn. Biểu 04 và Biểu 05 được chương trình cộng từ các dòng này."], row + 1, width);
  return sheet;
}

function narrativeSheet(ds: Dataset, unit: Unit, illustrative: boolean): SheetLayout {
  const sheet = newSheet(NARRATIVE_SHEET);
  sheet.widths = [9, 45, 110];
  const top = titleBlock(sheet, 3, "THUYẾT MINH", "NỘI DUNG BÁO CÁO THEO ĐỀ CƯƠNG", unit, illustrative, null);
  ["Mục", "Tên mục", "Nội dung (mỗi đoạn cách nhau một dòng trống)"].forEach((text, i) => sheet.fixed.push({ row: top, col: i + 1, role: "header", text, bold: true }));
  let row = top + 1;
  sheet.bodyRow = row;
  for (const s of flattenOutline(ds.outline.sections).filter((x) => x.levels.includes(unit.level))) {
    sheet.fixed.push({ row, col: 1, role: "number", text: s.id, bold: !s.narrative }, { row, col: 2, role: "label", text: s.title, bold: !s.narrative });
    if (s.narrative) sheet.inputs.push({ row, col: 3, type: "longtext", binding: { kind: "narrative", key: s.narrative }, decimals: 0 });
    else sheet.fixed.push({ row, col: 3, role: "computed", text: "" });
    row++;
  }
  return sheet;
}
