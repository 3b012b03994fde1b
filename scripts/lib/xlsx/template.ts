// A unit's workbook filled in without exceljs. Units whose layouts have the same shape (sheets,
// cells and their roles, styles, merges, widths, row heights, formulas: everything but the texts of
// the cells and the input values) get the same XML from exceljs but for three things: the string
// cells (their index into the shared strings), the input cells' values and the shared strings
// themselves (a sheet's dimension and its rows' spans count every cell with a style, empty or
// not: they are the same for the whole shape). So the first
// workbook of a shape is written by exceljs without input values (export.ts) and its sheets are cut
// at those places; every workbook of that shape, the first included, is then filled in from the
// pieces: the strings numbered in the order exceljs numbers them (sheet by sheet, row by row, cell by
// cell), the shared strings written by exceljs's own serialiser. Same bytes as exceljs writes with
// the values in (test/xlsx/template.test.ts compares every bundled unit).
import { createRequire } from "node:module";
import type { ReportFile } from "../model/types.js";
import type { SheetLayout, WorkbookLayout } from "./sheet.js";

/** A workbook's parts in the order exceljs writes them: name, then its XML (or bytes). */
export type Parts = [name: string, data: string | Uint8Array][];

/** The value an input cell shows (export.ts `valueFor`). */
export type ValueOf = (sheet: SheetLayout, input: number) => number | string | Date | null;

type Piece =
  | string
  /** A string cell: its opening (`<c r="A1" s="1"`) and its text in a layout. */
  | { open: string; text: (l: WorkbookLayout) => string }
  /** An input cell of `layout.sheets[sheet]`, empty in the template. */
  | { open: string; sheet: number; input: number };

export interface Template {
  /** The layout it was cut from: a layout of the same shape may use it. */
  layout: WorkbookLayout;
  /** Row heights of each sheet (export.ts `rowLines`), part of the shape. */
  heights: Map<number, number>[];
  /** Each part: its bytes (the same in every workbook of the shape), the pieces of a sheet, or null for the shared strings. */
  parts: [name: string, data: Uint8Array | Piece[] | null][];
}

const require = createRequire(import.meta.url);
/** exceljs's serialiser of the shared strings (xl/sharedStrings.xml), as exceljs itself uses it. */
const SharedStrings = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform.js") as new () => { toXml(model: { values: string[]; count: number }): string };

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const SHARED = "xl/sharedStrings.xml";
// Every cell exceljs writes without a value or with a shared string.
const CELL = /<c r="([A-Z]+)(\d+)"((?: s="\d+")?)(?:\/>| t="s"><v>\d+<\/v><\/c>)/g;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The texts of the hidden sheet (export.ts writes them: name, value per row). */
export const metaRows = (l: WorkbookLayout): string[][] => [
  ["unit", l.unit.code],
  ["round", l.round],
  ["template", l.version],
];

/** Cuts one sheet's XML (exceljs's, without input values): null when a cell is not where the layout puts it. */
function cutSheet(xml: string, layout: WorkbookLayout, index: number): Piece[] | null {
  const sheet = layout.sheets[index];
  const fixedAt = new Map(sheet?.fixed.map((f, k) => [f.row * 16384 + f.col, k]));
  const inputAt = new Map(sheet?.inputs.map((c, k) => [c.row * 16384 + c.col, k]));
  const pieces: Piece[] = [];
  let last = 0;
  let inputs = 0;
  let texts = 0;
  for (const m of xml.matchAll(CELL)) {
    const [all, letters, row, style] = m;
    const r = Number(row);
    const c = colNumber(letters!);
    const open = `<c r="${letters}${row}"${style}`;
    const str = all.endsWith("</c>");
    const k = sheet ? (str ? fixedAt : inputAt).get(r * 16384 + c) : undefined;
    let piece: Piece | null = null;
    if (str && sheet && k !== undefined) piece = { open, text: (l) => l.sheets[index]!.fixed[k]!.text };
    else if (str && !sheet && metaRows(layout)[r - 1]?.[c - 1] !== undefined) piece = { open, text: (l) => metaRows(l)[r - 1]![c - 1]! };
    else if (str) return null;
    if (str) texts++;
    else if (k !== undefined) (piece = { open, sheet: index, input: k }), inputs++;
    if (piece === null) continue;
    if (m.index > last) pieces.push(xml.slice(last, m.index));
    pieces.push(piece);
    last = m.index + all.length;
  }
  pieces.push(xml.slice(last));
  // Every input cell and every text found (a text under a merged range is not written).
  const written = sheet ? sheet.fixed.filter((f) => f.role !== "formula" && f.text !== "").length : metaRows(layout).flat().length;
  return inputs === (sheet?.inputs.length ?? 0) && texts === written ? pieces : null;
}

/** The template of `layout` from its parts written without input values; null when they are not
 *  what it expects (then every workbook of the shape is written by exceljs). */
export function cutTemplate(layout: WorkbookLayout, heights: Map<number, number>[], parts: Parts): Template | null {
  const out: Template["parts"] = [];
  let sheets = 0;
  for (const [name, data] of parts) {
    const n = SHEET_PART.exec(name)?.[1];
    if (name === SHARED) out.push([name, null]);
    else if (n === undefined) out.push([name, typeof data === "string" ? Buffer.from(data, "utf8") : data]);
    else {
      // Sheet N is layout.sheets[N - 1]; the one after the last is the hidden sheet.
      const index = Number(n) - 1;
      const pieces = typeof data === "string" && index <= layout.sheets.length ? cutSheet(data, layout, index < layout.sheets.length ? index : -1) : null;
      if (!pieces) return null;
      out.push([name, pieces]);
      sheets++;
    }
  }
  return sheets === layout.sheets.length + 1 && out.some(([name]) => name === SHARED) ? { layout, heights, parts: out } : null;
}

const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether `b` has `a`'s shape: the same XML from exceljs but for texts and values. */
export function sameShape(a: WorkbookLayout, b: WorkbookLayout, heightsA: Map<number, number>[], heightsB: Map<number, number>[]): boolean {
  if (a.sheets.length !== b.sheets.length) return false;
  return a.sheets.every((s, i) => {
    const t = b.sheets[i]!;
    if (s.name !== t.name || s.bodyRow !== t.bodyRow || !same(s.widths, t.widths) || !same(s.merges, t.merges)) return false;
    if (s.fixed.length !== t.fixed.length || s.inputs.length !== t.inputs.length) return false;
    const hs = heightsA[i]!;
    const ht = heightsB[i]!;
    if (hs.size !== ht.size || [...hs].some(([row, h]) => ht.get(row) !== h)) return false;
    const fixed = s.fixed.every((f, k) => {
      const g = t.fixed[k]!;
      return f.row === g.row && f.col === g.col && f.role === g.role && !!f.bold === !!g.bold && (f.role === "formula" ? f.text === g.text : (f.text === "") === (g.text === ""));
    });
    return fixed && s.inputs.every((c, k) => {
      const d = t.inputs[k]!;
      return c.row === d.row && c.col === d.col && c.type === d.type && c.decimals === d.decimals;
    });
  });
}

/** exceljs's serial date (1900 system): days since 1899-12-30, with the time as a fraction. */
const excelDate = (d: Date) => 25569 + d.getTime() / (24 * 3600 * 1000);

/** The parts of `layout`'s workbook (of the template's shape) with its input values, as bytes; null
 *  when a value is of a kind the template does not write (a number, a text or a date). */
export function fillTemplate(t: Template, layout: WorkbookLayout, valueOf: ValueOf): [string, Uint8Array][] | null {
  const values: string[] = [];
  const index = new Map<string, number>();
  let count = 0;
  const shared = (text: string) => {
    count++;
    let i = index.get(text);
    if (i === undefined) index.set(text, (i = values.push(text) - 1));
    return i;
  };
  let odd = false;
  const out: [string, Uint8Array | null][] = t.parts.map(([name, data]) => {
    if (data === null || data instanceof Uint8Array) return [name, data];
    let xml = "";
    for (const p of data) {
      if (typeof p === "string") xml += p;
      else if ("text" in p) xml += `${p.open} t="s"><v>${shared(p.text(layout))}</v></c>`;
      else {
        const v = valueOf(layout.sheets[p.sheet]!, p.input);
        if (v === null) xml += `${p.open}/>`;
        else if (typeof v === "string") xml += `${p.open} t="s"><v>${shared(v)}</v></c>`;
        else if (typeof v === "number" || v instanceof Date) xml += `${p.open}><v>${typeof v === "number" ? v : excelDate(v)}</v></c>`;
        else odd = true;
      }
    }
    return [name, Buffer.from(xml, "utf8")];
  });
  if (odd) return null;
  const sst = Buffer.from(new SharedStrings().toXml({ values, count }), "utf8");
  return out.map(([name, data]) => [name, data ?? sst]);
}
