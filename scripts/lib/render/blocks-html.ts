// The document tree → HTML (the .html page's body and annexes, and the site's copy of a report's
// text), read from the blocks directly: no Markdown in between, so a table's grouped header is a
// merged cell (colspan/rowspan) as in the DOCX, not "group › column" text. Every text is escaped.
import type { Block, DocForm, DocTable, InlineRun } from "../model/document.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** Runs as inline HTML: bold outside italic, each run closed before the next. */
export function runsHtml(runs: readonly InlineRun[]): string {
  return runs
    .map((r) => {
      if (r.kind === "break") return "<br>\n";
      const text = escapeHtml(r.text);
      const em = r.italic ? `<em>${text}</em>` : text;
      return r.bold ? `<strong>${em}</strong>` : em;
    })
    .join("");
}

const cellStyle = (align: string) => ` style="text-align:${align}"`;

/** Header rows, centred as the DOCX's table header style: a group label shared by adjacent columns
 *  is one cell spanning them; a column whose path ends above the last header row spans the rows below it. */
function headerRows(table: DocTable): string[] {
  const paths = table.headerPaths;
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const rows: string[] = [];
  for (let level = 0; level < depth; level++) {
    const cells: string[] = [];
    for (let c = 0; c < paths.length; ) {
      const path = paths[c]!;
      if (path.length <= level) {
        c++; // covered by a cell above that spans down
        continue;
      }
      const leaf = level === path.length - 1;
      let span = 1;
      if (!leaf) {
        const prefix = path.slice(0, level + 1).join("\u0000");
        while (c + span < paths.length && paths[c + span]!.length > level + 1 && paths[c + span]!.slice(0, level + 1).join("\u0000") === prefix) span++;
      }
      const attrs = `${span > 1 ? ` colspan="${span}"` : ""}${leaf && depth - level > 1 ? ` rowspan="${depth - level}"` : ""}`;
      cells.push(`<th${attrs}${cellStyle("center")}>${escapeHtml(path[level]!)}</th>`);
      c += span;
    }
    rows.push(`<tr>\n${cells.join("\n")}\n</tr>`);
  }
  return rows;
}

export function tableHtml(table: DocTable): string {
  const body = table.rows.map((r) => {
    const cells = r.cells.map((c, i) => `<td${cellStyle(table.align[i] ?? "left")}>${c && r.bold ? `<strong>${escapeHtml(c)}</strong>` : escapeHtml(c)}</td>`);
    return `<tr>\n${cells.join("\n")}\n</tr>`;
  });
  return `<table>\n<thead>\n${headerRows(table).join("\n")}\n</thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>\n`;
}

/** A form: its table, then "Ghi chú:" and its notes in italics. */
export function formHtml(form: DocForm): string {
  const notes = form.footnotes.map((f) => `<li><em>${escapeHtml(f)}</em></li>\n`).join("");
  return tableHtml(form.table) + (notes ? `<p><em>Ghi chú:</em></p>\n<ul>\n${notes}</ul>\n` : "");
}

function listHtml(block: Extract<Block, { kind: "list" }>): string {
  const items = block.items.map((i) => `<li>${runsHtml(i.runs)}</li>\n`).join("");
  if (!block.ordered) return `<ul>\n${items}</ul>\n`;
  const start = Number.parseInt(block.items[0]?.marker ?? "1", 10);
  return `<ol${Number.isFinite(start) && start !== 1 ? ` start="${start}"` : ""}>\n${items}</ol>\n`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h${block.level + 1}>${runsHtml(block.runs)}</h${block.level + 1}>\n`;
    case "paragraph":
      return `<p>${runsHtml(block.runs)}</p>\n`;
    case "note":
      return `<blockquote>\n<p>${runsHtml(block.runs)}</p>\n</blockquote>\n`;
    case "list":
      return listHtml(block);
    case "table":
      return tableHtml(block.table);
  }
}

/** Blocks as HTML; "" for none. */
export function blocksHtml(blocks: readonly Block[]): string {
  return blocks.map(blockHtml).join("");
}
