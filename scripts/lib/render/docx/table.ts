// Tables → bordered docx tables in the form table style (styles.ts: borders, cell margins, vertical
// centring, the cells' text size and alignment): fixed layout, DXA widths on the table, its grid
// and every cell, repeated header rows with merged group cells, a cell's alignment stated only where
// it is not the style's, bold rows.

import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalMergeType, WidthType, type IContext, type IXmlableObject } from "docx";
import type { Ctx } from "./profile.js";
import { rawXml, xmlText } from "./raw-xml.js";
import type { StyleDef, TableStyles } from "./styles.js";
import { cellText, headerGrid, type TableSpec } from "./table-model.js";
import { columnWidths, tableLines } from "./table-widths.js";
import { endMark, NO_CELL_BORDERS, para, run, type Align } from "./text.js";

const CELL_MARGINS = { top: 28, bottom: 28, left: 85, right: 85 };

const sum = (xs: number[], from: number, span: number): number =>
  xs.slice(from, from + span).reduce((a, b) => a + b, 0);

/**
 * A cell one grid column wide, sized by the table's grid alone (w:tblGrid, fixed layout): docx
 * would give every cell a w:tcW repeating its column's width (~50 KB of a commune report's XML).
 */
class GridCell extends TableCell {
  override setColumnWidth(): void {}
}

/**
 * A cell made once and written once (its XML text kept: raw-xml.ts), then placed in every table
 * that has a cell with the same content (see `cell`). A form table's cell holds one paragraph of
 * plain text: no relationship, field or number to resolve, nothing that depends on the document.
 */
class SharedCell extends TableCell {
  private written: IXmlableObject | undefined;
  override prepForXml(context: IContext): IXmlableObject | undefined {
    if (this.written) return this.written;
    const tree = super.prepForXml(context);
    return (this.written = tree && rawXml(xmlText(tree)));
  }
}
class SharedGridCell extends SharedCell {
  override setColumnWidth(): void {}
}

/**
 * The cells of this thread's documents by their content: a form's labels, row numbers, empty cells
 * and many figures recur in every unit's report, so each is built and written once (capped: the
 * cache starts again when full).
 */
const cells = new Map<string, TableCell>();
const CELLS_MAX = 50_000;
/** Each style's content, as part of a cell's key (a document's styles are objects of its own). */
const styleKeys = new WeakMap<StyleDef, string>();
const styleKey = (s: StyleDef): string => {
  let k = styleKeys.get(s);
  if (k === undefined) styleKeys.set(s, (k = JSON.stringify(s)));
  return k;
};

/** A form table's cell: one column wide, its width from the grid; wider, its width stated (the grid's sum). */
function cell(width: number, text: string, style: StyleDef, opts: { span?: number; vMerge?: "restart" | "continue" | null; bold?: boolean; align?: Align; keepNext?: boolean } = {}): TableCell {
  const span = opts.span ?? 1;
  const key = [styleKey(style), span > 1 ? width : 0, span, opts.vMerge ?? "", opts.bold ? 1 : 0, opts.align ?? "", opts.keepNext ? 1 : 0, text].join("\u0001");
  let out = cells.get(key);
  if (out) return out;
  const children = [para(text ? [run(text, opts.bold ? { bold: true } : {})] : [], { style, ...(opts.align !== undefined ? { align: opts.align } : {}), ...(opts.keepNext ? { keepNext: true } : {}) })];
  out = new (span > 1 ? SharedCell : SharedGridCell)({
    ...(span > 1 ? { width: { size: width, type: WidthType.DXA }, columnSpan: span } : {}),
    ...(opts.vMerge === "restart" ? { verticalMerge: VerticalMergeType.RESTART } : {}),
    ...(opts.vMerge === "continue" ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
    children,
  });
  if (cells.size >= CELLS_MAX) cells.clear();
  cells.set(key, out);
  return out;
}

const ALIGN: Record<"left" | "center" | "right", Align> = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** Table text styles of the page the table is on. */
export const tableStylesOf = (ctx: Ctx): TableStyles => (ctx.landscape ? ctx.styles.table.landscape : ctx.styles.table.portrait);

/**
 * A group heading row ("2 Tiểu dự án 2: …", "V Dự án 5: …"): bold, with no figure (every
 * right-aligned cell empty). It is kept with the row under it, never left alone at a page's foot.
 */
export function isGroupHeading(row: TableSpec["rows"][number], aligns: TableSpec["aligns"]): boolean {
  const figures = aligns.flatMap((a, c) => (a === "right" ? [c] : []));
  return row.bold && figures.length > 0 && figures.every((c) => cellText(row.cells[c]) === "") && row.cells.some((c) => cellText(c) !== "");
}

/**
 * Body rows a form's closing row holds beside its notes and signature: with fewer, a form that runs
 * over a page ends on a page holding one row and the closing text; with more, the page before
 * could end with as many rows' height left blank.
 */
export const KEPT_ROWS = 3;

/**
 * Body rows moved into the closing row: the last KEPT_ROWS, and the group heading rows right above
 * them (a heading keeps with the row under it), so that a closing block never starts a page on its
 * own and the last page of a long form holds a few of its rows, not one.
 */
export function keptRows(spec: TableSpec, fits: (rows: number) => boolean = () => true): number {
  const n = spec.rows.length;
  const withHeadings = (rows: number): number => {
    let k = rows;
    while (k < n && isGroupHeading(spec.rows[n - 1 - k]!, spec.aligns)) k++;
    return k;
  };
  for (let k = Math.min(KEPT_ROWS, n); k > 1; k--) if (fits(withHeadings(k))) return withHeadings(k);
  return withHeadings(Math.min(1, n));
}

/** Estimated height (twips) of `lines` lines of text at `size` pt, single spacing. */
export const linesHeight = (lines: number, size: number): number => Math.ceil(lines * size * 20 * 1.15);

/**
 * Whether the closing row, holding the last `k` body rows and `closingHeight` twips of notes and
 * signature, fits on one page under the repeated header: an unsplittable row taller than a page
 * is split all the same, and the signature would be cut from its title.
 */
function closingFits(spec: TableSpec, widths: number[], ctx: Ctx, closingHeight: number): (k: number) => boolean {
  const size = tableStylesOf(ctx).cell.run.size;
  const { head, body } = tableLines(spec, widths, size);
  const row = (lines: number): number => linesHeight(lines, size) + CELL_MARGINS.top + CELL_MARGINS.bottom;
  return (k) => row(head) + body.slice(body.length - k).reduce((a, l) => a + row(l), 0) + closingHeight <= ctx.textHeight;
}

/**
 * A docx table from a table spec, as wide as the text. Group heading rows keep with the next row
 * ("keep with next" on their paragraphs: Word and LibreOffice move such a row to the next page with
 * the row under it). With `closing` blocks (notes, a signature block), the table's last rows (with
 * the heading rows right above them, keptRows) and those blocks go into one final, unsplittable,
 * borderless row spanning every column: the rows as a nested table with the same column widths and
 * borders (it reads as the same table), the blocks under it. Word and LibreOffice both move an
 * unsplittable row whole to the next page, so the last row, the notes and the signature stay
 * together; LibreOffice does not reliably keep a table that runs over pages with the paragraphs
 * after it (a keep-with-next chain through many rows is dropped), so no chain of keeps is used.
 */
export function tableFromSpec(spec: TableSpec, ctx: Ctx, closing: (Paragraph | Table)[] = [], closingHeight = 0): Table {
  const styles = tableStylesOf(ctx);
  const size = styles.cell.run.size;
  const widths = columnWidths(spec, ctx.textWidth, size);

  const headRows = headerGrid(spec.levels).map(
    (row) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: row.map((g) =>
          cell(sum(widths, g.col, g.span), g.text, g.text ? styles.header : styles.empty, { span: g.span, vMerge: g.vMerge }),
        ),
      }),
  );

  const kept = closing.length ? keptRows(spec, closingFits(spec, widths, ctx, closingHeight)) : 0;
  const bodyRows = spec.rows.map((r, i) => {
    // A group heading keeps with the row under it (within the closing row, the row keeps it anyway).
    const keep = i < spec.rows.length - 1 - kept && isGroupHeading(r, spec.aligns) ? { keepNext: true } : {};
    return new TableRow({
      cantSplit: true,
      children: widths.map((w, c) => {
        const text = (r.cells[c] ?? "").trim();
        return cell(w, text, text ? styles.cell : styles.empty, { bold: r.bold, ...(text ? { align: ALIGN[spec.aligns[c] ?? "left"] } : {}), ...keep });
      }),
    });
  });

  const grid = (rows: TableRow[]): Table =>
    new Table({
      style: styles.cell.id,
      width: { size: ctx.textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      // Also stated on the table: LibreOffice ignores a table style's cell margins.
      margins: CELL_MARGINS,
      rows,
    });
  if (!closing.length) return grid([...headRows, ...bodyRows]);

  const closingRow = new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: ctx.textWidth, type: WidthType.DXA },
        columnSpan: widths.length,
        borders: NO_CELL_BORDERS,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        // A cell ends with a paragraph (Word requires it after a nested table): a 1-pt one.
        children: [...(kept ? [grid(bodyRows.slice(bodyRows.length - kept))] : []), ...closing, endMark()],
      }),
    ],
  });
  return grid([...headRows, ...bodyRows.slice(0, bodyRows.length - kept), closingRow]);
}
