// The document tree → Markdown (the .md file, and the source of the .html page): a small serializer
// whose output markdown-it reads back into the same tree. Every text is escaped
// (markdown-escape.ts); a table, a narrative's or a form's, is a pipe table with nested headers
// joined by " › ", alignment in the delimiter row, and a bold row's non-empty cells in **…**.
import type { Block, DocForm, DocTable, InlineRun } from "../model/document.js";
import { mdInline, mdLineStart } from "./markdown-escape.js";
import { LEVEL_SEPARATOR } from "./view/blocks.js";

const DELIM = { left: ":---", center: ":---:", right: "---:" } as const;

/**
 * Runs as inline Markdown: emphasis opened and closed where it changes, bold outside italic. Text
 * that starts a line is escaped as a line start (mdLineStart), except after a heading's "## ".
 */
export function runsMarkdown(runs: readonly InlineRun[], atLineStart = true): string {
  let out = "";
  const open: ("**" | "*")[] = [];
  let lineStart = atLineStart;
  for (const r of runs) {
    const want = r.kind === "text" ? [...(r.bold ? ["**" as const] : []), ...(r.italic ? ["*" as const] : [])] : [];
    // Close what the run does not have (innermost first), then open what it adds.
    while (open.length && !open.every((m) => want.includes(m))) out += open.pop();
    for (const m of want) if (!open.includes(m)) (open.push(m), (out += m));
    if (r.kind === "break") {
      out += "\\\n";
      lineStart = true;
    } else {
      out += lineStart ? mdLineStart(mdInline(r.text)) : mdInline(r.text);
      lineStart = false;
    }
  }
  while (open.length) out += open.pop();
  return out;
}

/** A table as a pipe table, one line per row. */
export function tableMarkdown(table: DocTable): string {
  const line = (cells: string[]): string => `|${cells.map((c) => ` ${c} |`).join("")}\n`;
  return [
    line(table.headerPaths.map((p) => p.map(mdInline).join(` ${LEVEL_SEPARATOR} `))),
    line(table.align.map((a) => DELIM[a])),
    ...table.rows.map((r) => line(r.cells.map((c) => (c ? (r.bold ? `**${mdInline(c)}**` : mdInline(c)) : "")))),
  ].join("");
}

/** A form as Markdown: its table, then "Ghi chú:" and its notes in italics. */
export function formMarkdown(form: DocForm): string {
  const notes = form.footnotes.map((f) => `- ${runsMarkdown([{ kind: "text", text: f, italic: true }])}\n`).join("");
  return tableMarkdown(form.table) + (notes ? `\n*Ghi chú:*\n\n${notes}` : "");
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level + 1)} ${runsMarkdown(block.runs, false)}\n`;
    case "paragraph":
      return `${runsMarkdown(block.runs)}\n`;
    case "note":
      return `> ${runsMarkdown(block.runs)}\n`;
    case "list":
      return block.items.map((item) => `${item.marker} ${runsMarkdown(item.runs)}`.trimEnd() + "\n").join("");
    case "table":
      return tableMarkdown(block.table);
  }
}

/** Blocks as Markdown, a blank line between two; "" for none. */
export function blocksMarkdown(blocks: readonly Block[]): string {
  return blocks.map(blockMarkdown).join("\n");
}
