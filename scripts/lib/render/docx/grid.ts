// Borderless layout tables (header block, signature block, annex top line): fixed layout with DXA
// widths on the table, its grid and every cell, since LibreOffice and Google Docs ignore percentages.

import {
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { NO_BORDERS, NO_CELL_BORDERS } from "./text.js";

/** Split `total` twips by fractions, whole twips, the last column taking the rounding rest. */
export function splitWidth(total: number, fractions: number[]): number[] {
  const sum = fractions.reduce((a, b) => a + b, 0);
  const out = fractions.map((f) => Math.floor((total * f) / sum));
  const rest = total - out.reduce((a, b) => a + b, 0);
  out[out.length - 1] = (out[out.length - 1] ?? 0) + rest;
  return out;
}

/** A borderless table: `rows[r][c]` is the content of a cell; cells top-aligned, no padding, rows unsplit. */
export function layoutTable(widths: number[], rows: Paragraph[][][], indent = 0): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    ...(indent ? { indent: { size: indent, type: WidthType.DXA } } : {}),
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, c) =>
              new TableCell({
                width: { size: widths[c] ?? 0, type: WidthType.DXA },
                borders: NO_CELL_BORDERS,
                verticalAlign: VerticalAlignTable.TOP,
                children: children.length ? children : [new Paragraph({ children: [] })],
              }),
          ),
        }),
    ),
  });
}
