// Tables, the pure part: a table to lay out (a typed form table, or a pipe table of a narrative read
// from markdown-it's tokens, its " › " header levels split) and its header as a grid of merged cells
// (column widths: table-widths.ts).

import type { Token } from "markdown-it";
import type { DocTable } from "../../model/document.js";
import { inlineText, isWhollyBold } from "./inline.js";
import { clean } from "./text.js";

export type ColAlign = "left" | "center" | "right" | null;

/** A cell's content: plain text (a typed table) or a Markdown inline token (a narrative's table). */
export type CellContent = string | Token | undefined;

export interface TableSpec {
  /** Header label of each column, in levels (top first). */
  levels: string[][];
  aligns: ColAlign[];
  /** Body rows: the content of each cell, and whether the row is bold (a total or group row). */
  rows: { cells: CellContent[]; bold: boolean }[];
}

/** A typed form table as a spec: nothing to parse. */
export function specOf(table: DocTable): TableSpec {
  return { levels: table.headerPaths, aligns: table.align, rows: table.rows };
}

/** Plain text of a cell (for measuring column widths). */
export function cellText(cell: CellContent): string {
  return typeof cell === "string" ? clean(cell).trim() : inlineText(cell);
}

export const LEVEL_SEPARATOR = "›";

function alignOf(token: Token): ColAlign {
  const style = String(token.attrGet("style") ?? "");
  const m = /text-align:\s*(left|center|right)/.exec(style);
  return m ? (m[1] as ColAlign) : null;
}

/** Parse the table starting at tokens[start] (a table_open); returns the spec and the index after table_close. */
export function parseTable(tokens: Token[], start: number): { spec: TableSpec; end: number } {
  const levels: string[][] = [];
  const aligns: ColAlign[] = [];
  const rows: TableSpec["rows"] = [];
  let inHead = false;
  let current: CellContent[] | null = null;
  let i = start + 1;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "table_close") break;
    if (t.type === "thead_open") inHead = true;
    else if (t.type === "thead_close") inHead = false;
    else if (t.type === "tr_open") current = [];
    else if (t.type === "th_open") {
      aligns.push(alignOf(t));
      const label = inlineText(tokens[i + 1]);
      levels.push(
        label
          .split(LEVEL_SEPARATOR)
          .map((s) => s.trim())
          .filter((s, k, all) => s.length > 0 || all.length === 1),
      );
    } else if (t.type === "td_open" && current) current.push(tokens[i + 1]);
    else if (t.type === "tr_close" && current && !inHead) {
      const tokens = current as (Token | undefined)[];
      const firstNonEmpty = tokens.find((c) => (c?.content ?? "").trim().length > 0);
      rows.push({ cells: tokens, bold: isWhollyBold(firstNonEmpty) });
      current = null;
    }
  }
  return { spec: { levels, aligns, rows }, end: i + 1 };
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
