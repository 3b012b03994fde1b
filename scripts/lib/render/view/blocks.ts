// A unit's narrative Markdown (data) → blocks of the document tree (Block[]), parsed once by
// markdown-it with raw HTML off; the view places them under the narrative's heading. What the tree
// has no place for keeps its text: a link its label, an image its alt text, inline code its code,
// a code block one paragraph per line.
//   ## → heading 1 (Mục), ### → heading 2 (khoản), #### and deeper → heading 3 (điểm)
//   - item, 3. item → a list, each item's marker as written; a nested list's items follow their parent's
//   > text → a note; a pipe table → a DocTable: " › " in a header nests groups, the delimiter row
//   aligns ("---" alone: left), a row whose first non-empty cell is wholly **bold** is bold.
import MarkdownIt, { type Token } from "markdown-it";
import type { Block, DocTable, InlineRun, ListItem } from "../../model/document.js";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Header cells "Hộ nghèo › Số hộ" nest a column under a merged group label. */
export const LEVEL_SEPARATOR = "›";

/** Plain text from the view as the runs of one block: NFC, one line (a line break in the data reads
 *  as a space), no Markdown read into it; [] for empty text. */
export function textRuns(text: string, style: { bold?: true; italic?: true } = {}): InlineRun[] {
  const line = text.normalize("NFC").replace(/\r?\n/g, " ").trim();
  return line ? [{ kind: "text", text: line, ...style }] : [];
}

/** A paragraph of plain text. */
export const paragraph = (text: string, style: { bold?: true; italic?: true } = {}): Block => ({ kind: "paragraph", runs: textRuns(text, style) });

export function parseBlocks(markdown: string): Block[] {
  const tokens = md.parse(markdown, {});
  const out: Block[] = [];
  for (let i = 0; i < tokens.length; ) i = readBlock(tokens, i, out, false);
  return out;
}

/** The block starting at tokens[i] into `out` (paragraphs as notes inside a quote); returns the index after it. */
function readBlock(tokens: Token[], i: number, out: Block[], inNote: boolean): number {
  const t = tokens[i]!;
  switch (t.type) {
    case "heading_open": {
      const depth = Number(t.tag.slice(1));
      out.push({ kind: "heading", level: depth <= 2 ? 1 : depth === 3 ? 2 : 3, runs: inlineRuns(tokens[i + 1]) });
      return i + 3;
    }
    case "paragraph_open": {
      const runs = inlineRuns(tokens[i + 1]);
      out.push(inNote ? { kind: "note", runs } : { kind: "paragraph", runs });
      return i + 3;
    }
    case "bullet_list_open":
    case "ordered_list_open": {
      const items: ListItem[] = [];
      const end = readList(tokens, i, items);
      out.push({ kind: "list", ordered: t.type === "ordered_list_open", items });
      return end;
    }
    case "blockquote_open": {
      let k = i + 1;
      while (k < tokens.length && !(tokens[k]!.type === "blockquote_close" && tokens[k]!.level === t.level)) k = readBlock(tokens, k, out, true);
      return k + 1;
    }
    case "table_open":
      return readTable(tokens, i, out);
    case "fence":
    case "code_block":
      for (const line of t.content.replace(/\n$/, "").split("\n")) out.push({ kind: "paragraph", runs: line ? [{ kind: "text", text: line }] : [] });
      return i + 1;
    default:
      // hr, html_block (raw HTML is off) and closing tokens: nothing to lay out.
      return i + 1;
  }
}

/** The items of the list opening at tokens[start] into `items`; returns the index after its close. */
function readList(tokens: Token[], start: number, items: ListItem[]): number {
  const open = tokens[start]!;
  const ordered = open.type === "ordered_list_open";
  let i = start + 1;
  while (i < tokens.length && !(tokens[i]!.nesting === -1 && tokens[i]!.level === open.level)) {
    const t = tokens[i]!;
    if (t.type !== "list_item_open") {
      i++;
      continue;
    }
    const item: ListItem = { marker: ordered ? `${t.info || "1"}${t.markup || "."}` : "-", runs: [] };
    items.push(item);
    for (i++; !(tokens[i]!.type === "list_item_close" && tokens[i]!.level === t.level); ) {
      const inner = tokens[i]!;
      if (inner.type === "bullet_list_open" || inner.type === "ordered_list_open") i = readList(tokens, i, items);
      else {
        // A later paragraph of the item goes on a new line of it.
        if (inner.type === "inline") item.runs.push(...(item.runs.length ? [{ kind: "break" } as const] : []), ...inlineRuns(inner));
        i++;
      }
    }
    i++;
  }
  return i + 1;
}

/** The inline runs of an `inline` token: text, bold, italic, line breaks; adjacent runs alike merged. */
export function inlineRuns(token: Token | undefined): InlineRun[] {
  const runs: InlineRun[] = [];
  let bold = 0;
  let italic = 0;
  const push = (text: string): void => {
    if (!text) return;
    const last = runs.at(-1);
    if (last?.kind === "text" && !!last.bold === bold > 0 && !!last.italic === italic > 0) last.text += text;
    else runs.push({ kind: "text", text, ...(bold > 0 ? { bold: true } : {}), ...(italic > 0 ? { italic: true } : {}) });
  };
  for (const t of token?.children ?? []) {
    if (t.type === "strong_open" || t.type === "strong_close") bold = Math.max(0, bold + t.nesting);
    else if (t.type === "em_open" || t.type === "em_close") italic = Math.max(0, italic + t.nesting);
    else if (t.type === "softbreak") push(" ");
    else if (t.type === "hardbreak") runs.push({ kind: "break" });
    else if (t.type === "text" || t.type === "code_inline" || t.type === "html_inline") push(t.content);
    else if (t.type === "image") push(t.content || String(t.attrGet("alt") ?? ""));
    // link_open/close, s_open/close …: formatting dropped, the text children come through.
  }
  return runs;
}

const plain = (runs: InlineRun[]): string => runs.map((r) => (r.kind === "text" ? r.text : " ")).join("").trim();

function alignOf(token: Token): "left" | "center" | "right" {
  const m = /text-align:\s*(left|center|right)/.exec(String(token.attrGet("style") ?? ""));
  return m ? (m[1] as "left" | "center" | "right") : "left";
}

/** The pipe table opening at tokens[start] as a DocTable block into `out`; returns the index after its close. */
function readTable(tokens: Token[], start: number, out: Block[]): number {
  const table: DocTable = { headerPaths: [], align: [], rows: [] };
  let row: InlineRun[][] | null = null;
  let i = start + 1;
  for (; i < tokens.length && tokens[i]!.type !== "table_close"; i++) {
    const t = tokens[i]!;
    if (t.type === "th_open") {
      table.align.push(alignOf(t));
      const label = plain(inlineRuns(tokens[i + 1]));
      table.headerPaths.push(label.split(LEVEL_SEPARATOR).map((s) => s.trim()).filter((s, k, all) => s.length > 0 || all.length === 1));
    } else if (t.type === "tr_open" && tokens[i - 1]?.type !== "thead_open") row = [];
    else if (t.type === "td_open" && row) row.push(inlineRuns(tokens[i + 1]));
    else if (t.type === "tr_close" && row) {
      // A row is bold (a total, a group) when its first non-empty cell is bold throughout.
      const first = row.find((c) => plain(c).length > 0) ?? [];
      table.rows.push({ cells: row.map(plain), bold: first.length > 0 && first.every((r) => r.kind !== "text" || r.bold === true || !r.text.trim()) });
      row = null;
    }
  }
  out.push({ kind: "table", table });
  return i + 1;
}
