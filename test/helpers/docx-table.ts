// The form table as docx's own objects (Table, TableRow, TableCell: the path table.ts took before it
// wrote a form table's XML as text), kept so that tests can compare the text with what docx writes.
// No cell is shared here: every cell is a new docx object, as docx would have it.

import { AlignmentType, type Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalMergeType, WidthType } from "docx";
import type { Ctx } from "../../scripts/lib/render/docx/profile.js";
import type { StyleDef } from "../../scripts/lib/render/docx/styles.js";
import { CELL_MARGINS, closingFits, isGroupHeading, keptRows, tableStylesOf } from "../../scripts/lib/render/docx/table.js";
import { headerGrid, type TableSpec } from "../../scripts/lib/render/docx/table-model.js";
import { columnWidths } from "../../scripts/lib/render/docx/table-widths.js";
import { endMark, NO_CELL_BORDERS, para, run, type Align } from "../../scripts/lib/render/docx/text.js";

const sum = (xs: number[], from: number, span: number): number => xs.slice(from, from + span).reduce((a, b) => a + b, 0);

/** A cell one grid column wide, sized by the table's grid alone (no w:tcW of its own). */
class GridCell extends TableCell {
  override setColumnWidth(): void {}
}

function cell(width: number, text: string, style: StyleDef, opts: { span?: number; vMerge?: "restart" | "continue" | null; bold?: boolean; align?: Align; keepNext?: boolean } = {}): TableCell {
  const span = opts.span ?? 1;
  const children = [para(text ? [run(text, opts.bold ? { bold: true } : {})] : [], { style, ...(opts.align !== undefined ? { align: opts.align } : {}), ...(opts.keepNext ? { keepNext: true } : {}) })];
  return new (span > 1 ? TableCell : GridCell)({
    ...(span > 1 ? { width: { size: width, type: WidthType.DXA }, columnSpan: span } : {}),
    ...(opts.vMerge === "restart" ? { verticalMerge: VerticalMergeType.RESTART } : {}),
    ...(opts.vMerge === "continue" ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
    children,
  });
}

const ALIGN: Record<"left" | "center" | "right", Align> = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** table.ts `tableFromSpec` as it was: the same table, built from docx's objects. */
export function docxTableFromSpec(spec: TableSpec, ctx: Ctx, closing: (Paragraph | Table)[] = [], closingHeight = 0): Table {
  const styles = tableStylesOf(ctx);
  const widths = columnWidths(spec, ctx.textWidth, styles.cell.run.size);
  const headRows = headerGrid(spec.levels).map(
    (row) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: row.map((g) => cell(sum(widths, g.col, g.span), g.text, g.text ? styles.header : styles.empty, { span: g.span, vMerge: g.vMerge })),
      }),
  );
  const kept = closing.length ? keptRows(spec, closingFits(spec, widths, ctx, closingHeight)) : 0;
  const bodyRows = spec.rows.map((r, i) => {
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
    new Table({ style: styles.cell.id, width: { size: ctx.textWidth, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, margins: CELL_MARGINS, rows });
  if (!closing.length) return grid([...headRows, ...bodyRows]);
  const closingRow = new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: ctx.textWidth, type: WidthType.DXA },
        columnSpan: widths.length,
        borders: NO_CELL_BORDERS,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        children: [...(kept ? [grid(bodyRows.slice(bodyRows.length - kept))] : []), ...closing, endMark()],
      }),
    ],
  });
  return grid([...headRows, ...bodyRows.slice(0, bodyRows.length - kept), closingRow]);
}
