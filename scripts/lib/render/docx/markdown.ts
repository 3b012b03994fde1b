// Narrative Markdown (the DocModel conventions) → docx blocks, by walking markdown-it's block token
// stream once. Paragraphs take the document's named styles (styles.ts):
//   ## → Mục (Heading 1)   ### → khoản (Heading 2)   #### → điểm (Heading 3)   paragraph → Body
//   - item → "- item" paragraph (no bullets)   1. item → "1. item" as written   > → italic
//   pipe table → bordered table (table.ts)

import type { FileChild, Paragraph, Table } from "docx";
import MarkdownIt, { type Token } from "markdown-it";
import { inlineRuns } from "./inline.js";
import type { Ctx } from "./profile.js";
import { buildTable } from "./table.js";
import { blank, clean, para, run, type ParaStyle } from "./text.js";

const md = new MarkdownIt({ html: false });

interface ListFrame {
  ordered: boolean;
}

interface ItemFrame {
  /** Prefix of the item's first paragraph ("- ", "3. "), consumed by it. */
  prefix: string | null;
}

/** A body paragraph (the Body style: justified, first-line indent, spacing after, 1.15 lines). */
export function bodyStyle(ctx: Ctx, extra: ParaStyle = {}): ParaStyle {
  return { style: ctx.styles.body, ...extra };
}

export interface MarkdownOptions {
  /** Keep the last block, when a paragraph, on the page of what follows (the signature block). */
  keepLastWithNext?: boolean;
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
  const out: (Paragraph | Table)[] = [];
  const lists: ListFrame[] = [];
  const items: ItemFrame[] = [];
  let quote = 0;

  const paragraph = (inline: Token | undefined, extra: ParaStyle): Paragraph => {
    const item = items.at(-1);
    const prefix = item?.prefix ?? "";
    if (item) item.prefix = null;
    const nested = Math.max(0, lists.length - 1) * ctx.profile.firstLine;
    const inItem = items.length > 0;
    const style = bodyStyle(ctx, { ...(nested ? { left: nested } : {}), ...extra });
    // A later paragraph of a list item keeps the item's text edge rather than a new dash.
    if (inItem && !prefix) style.firstLine = ctx.profile.firstLine;
    return para(inlineRuns(inline, quote > 0 ? { italics: true } : {}, prefix), style);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case "heading_open": {
        // The heading style is bold (level 3: bold italic), kept with the next paragraph.
        out.push(paragraph(tokens[i + 1], { style: ctx.styles.headings[headingStyleOf(Number(t.tag.slice(1)))] }));
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
        if (item?.prefix) out.push(para([run(item.prefix.trim())], bodyStyle(ctx)));
        break;
      }
      case "blockquote_open":
        quote++;
        break;
      case "blockquote_close":
        quote = Math.max(0, quote - 1);
        break;
      case "table_open": {
        const { table, end } = buildTable(tokens, i, ctx);
        out.push(table, blank(6, { after: ctx.profile.after }));
        i = end - 1;
        break;
      }
      case "fence":
      case "code_block":
        for (const line of t.content.replace(/\n$/, "").split("\n")) {
          out.push(para([run(line, { size: ctx.profile.body })], { after: 0 }));
        }
        break;
      default:
        // hr, html_block (raw HTML is off) and closing tokens: nothing to lay out.
        break;
    }
  }
  return out;
}
