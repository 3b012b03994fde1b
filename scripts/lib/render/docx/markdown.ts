// Markdown (the DocModel conventions) → docx blocks, by walking markdown-it's block token stream.
//   ## → Mục (bold)   ### → khoản (bold)   #### → điểm (bold italic)   paragraph → justified, indented
//   - item → "- item" paragraph (no bullets)   1. item → "1. item" as written   > → italic
//   pipe table → bordered table (table.ts)

import { AlignmentType, type FileChild, type Paragraph, type Table } from "docx";
import MarkdownIt, { type Token } from "markdown-it";
import { inlineRuns } from "./inline.js";
import type { Ctx } from "./profile.js";
import { buildTable, tableFromSpec } from "./table.js";
import { parseTable, type TableSpec } from "./table-model.js";
import { blank, clean, para, run, type ParaStyle } from "./text.js";

const md = new MarkdownIt({ html: false });

interface ListFrame {
  ordered: boolean;
}

interface ItemFrame {
  /** Prefix of the item's first paragraph ("- ", "3. "), consumed by it. */
  prefix: string | null;
}

/** Body paragraph geometry: justified, first-line indent, spacing after, 1.15 lines. */
export function bodyStyle(ctx: Ctx, extra: ParaStyle = {}): ParaStyle {
  const p = ctx.profile;
  return { align: AlignmentType.JUSTIFIED, firstLine: p.firstLine, after: p.after, line: p.line, ...extra };
}

export interface MarkdownOptions {
  /** Keep the last block, when a paragraph, on the page of what follows (the signature block). */
  keepLastWithNext?: boolean;
  /**
   * Blocks closing the document part (a form's signature block). With a table in the source, they
   * go, together with whatever follows the last table (its notes) and the table's last rows, into
   * one unsplittable closing row of that table (table.ts): no page then holds only a note or a
   * signature, in Word and LibreOffice alike. Without a table they are appended as they are.
   */
  closing?: (Paragraph | Table)[];
}

/** Markdown heading level → Word heading style: ## → Heading 1, ### → Heading 2, #### and deeper → Heading 3. */
const headingStyleOf = (level: number): 1 | 2 | 3 => (level <= 2 ? 1 : level === 3 ? 2 : 3);

export function markdownBlocks(source: string, ctx: Ctx, opts: MarkdownOptions = {}): FileChild[] {
  const tokens = md.parse(clean(source), {});
  let lastOpen = -1;
  tokens.forEach((t, k) => {
    if (t.nesting === 1 && t.level === 0) lastOpen = k;
  });
  const keepIndex = opts.keepLastWithNext && tokens[lastOpen]?.type === "paragraph_open" ? lastOpen : -1;
  const lastTable = opts.closing ? tokens.map((t) => t.type).lastIndexOf("table_open") : -1;
  let deferred: { spec: TableSpec; at: number } | null = null;
  const out: (Paragraph | Table)[] = [];
  const lists: ListFrame[] = [];
  const items: ItemFrame[] = [];
  let quote = 0;
  const size = ctx.profile.body;

  const paragraph = (inline: Token | undefined, extra: ParaStyle, bold = false, italics = false): Paragraph => {
    const item = items.at(-1);
    const prefix = item?.prefix ?? "";
    if (item) item.prefix = null;
    const nested = Math.max(0, lists.length - 1) * ctx.profile.firstLine;
    const inItem = items.length > 0;
    const style = bodyStyle(ctx, { ...(nested ? { left: nested } : {}), ...extra });
    // A later paragraph of a list item keeps the item's text edge rather than a new dash.
    if (inItem && !prefix) style.firstLine = ctx.profile.firstLine;
    // Notes under a form's table (inside its closing row): one size above the table's, single
    // spacing, so the closing block stays short enough to share a page with the table's end.
    if (deferred) {
      const noteSize = (ctx.landscape ? ctx.profile.tableLandscape : ctx.profile.tablePortrait) + 1;
      return para(inlineRuns(inline, { size: noteSize, bold, italics: italics || quote > 0 }, prefix), { ...style, line: 240, after: 40 });
    }
    return para(inlineRuns(inline, { size, bold, italics: italics || quote > 0 }, prefix), style);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case "heading_open": {
        const level = Number(t.tag.slice(1));
        const italics = level >= 4;
        out.push(paragraph(tokens[i + 1], { keepNext: true, keepLines: true, before: level === 2 ? 120 : 0, heading: headingStyleOf(level) }, true, italics));
        i += 2;
        break;
      }
      case "paragraph_open":
        out.push(paragraph(tokens[i + 1], i === keepIndex ? { keepNext: true } : {}));
        i += 2;
        break;
      case "bullet_list_open":
        lists.push({ ordered: false });
        break;
      case "ordered_list_open":
        lists.push({ ordered: true });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        break;
      case "list_item_open": {
        const ordered = lists.at(-1)?.ordered ?? false;
        const number = t.info || "1";
        items.push({ prefix: ordered ? `${number}${t.markup || "."} ` : "- " });
        break;
      }
      case "list_item_close": {
        const item = items.pop();
        // An empty item ("- " alone) still shows its dash.
        if (item?.prefix) out.push(para([run(item.prefix.trim(), { size })], bodyStyle(ctx)));
        break;
      }
      case "blockquote_open":
        quote++;
        break;
      case "blockquote_close":
        quote = Math.max(0, quote - 1);
        break;
      case "table_open": {
        if (i === lastTable) {
          // Laid out at the end, once what follows it is known.
          const { spec, end } = parseTable(tokens, i);
          deferred = { spec, at: out.length };
          i = end - 1;
          break;
        }
        const { table, end } = buildTable(tokens, i, ctx);
        out.push(table, blank(6, { after: ctx.profile.after }));
        i = end - 1;
        break;
      }
      case "fence":
      case "code_block":
        for (const line of t.content.replace(/\n$/, "").split("\n")) {
          out.push(para([run(line, { size })], { after: 0 }));
        }
        break;
      default:
        // hr, html_block (raw HTML is off) and closing tokens: nothing to lay out.
        break;
    }
  }
  if (deferred) {
    const after = out.splice(deferred.at);
    out.push(tableFromSpec(deferred.spec, ctx, [blank(6, { after: ctx.profile.after }), ...after, ...(opts.closing ?? [])]));
  } else if (opts.closing) out.push(...opts.closing);
  return out;
}
