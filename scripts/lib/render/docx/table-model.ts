// Tables, the pure part: a table to lay out (a typed DocTable: a form's, or a narrative's from the
// document tree) and its header as a grid of merged cells (column widths: table-widths.ts).

import type { DocTable } from "../../model/document.js";
import { clean } from "./text.js";

export type ColAlign = "left" | "center" | "right" | null;

/** A cell's content: plain text (a row shorter than the header has undefined cells). */
export type CellContent = string | undefined;

export interface TableSpec {
  /** Header label of each column, in levels (top first). */
  levels: string[][];
  aligns: ColAlign[];
  /** Body rows: the content of each cell, and whether the row is bold (a total or group row). */
  rows: { cells: CellContent[]; bold: boolean }[];
}

/** A typed table as a spec: nothing to parse. */
export function specOf(table: DocTable): TableSpec {
  return { levels: table.headerPaths, aligns: table.align, rows: table.rows };
}

/** Plain text of a cell (for measuring column widths). */
export function cellText(cell: CellContent): string {
  return clean(cell ?? "").trim();
}

export interface GridCell {
  col: number;
  span: number;
  text: string;
  /** Vertical merge: "restart" starts a cell merged down, "continue" is covered by the one above. */
  vMerge: "restart" | "continue" | null;
}

function samePrefix(a: string[], b: string[], n: number): boolean {
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Header rows: adjacent columns sharing a group label get one merged cell; short columns merge down. */
export function headerGrid(levels: string[][]): GridCell[][] {
  const depth = Math.max(1, ...levels.map((l) => l.length));
  const n = levels.length;
  const grid: GridCell[][] = [];
  for (let r = 0; r < depth; r++) {
    const row: GridCell[] = [];
    let c = 0;
    while (c < n) {
      const L = levels[c] ?? [""];
      if (L.length <= r) {
        row.push({ col: c, span: 1, text: "", vMerge: "continue" });
        c++;
      } else if (r === L.length - 1) {
        row.push({ col: c, span: 1, text: L[r] ?? "", vMerge: L.length < depth ? "restart" : null });
        c++;
      } else {
        let k = c + 1;
        while (k < n && (levels[k]?.length ?? 0) > r + 1 && samePrefix(levels[k]!, L, r + 1)) k++;
        row.push({ col: c, span: k - c, text: L[r] ?? "", vMerge: null });
        c = k;
      }
    }
    grid.push(row);
  }
  return grid;
}
