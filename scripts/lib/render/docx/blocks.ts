// The document tree (Block[], model/document.ts) → docx blocks, in the document's named styles
// (styles.ts); nothing is parsed here:
//   heading 1 / 2 / 3 → Mục / khoản / điểm (Heading 1–3)   paragraph → Body
//   list → "- item", "1. item" paragraphs, markers as written (no bullets)   note → Body, italic
//   table → a bordered table (table.ts)

import type { FileChild } from "docx";
import type { Block } from "../../model/document.js";
import { runSpecs } from "./inline.js";
import type { Ctx } from "./profile.js";
import { tableFromSpec } from "./table.js";
import { specOf } from "./table-model.js";
import { blank, para, run, type ParaStyle } from "./text.js";

/** A body paragraph (the Body style: justified, first-line indent, spacing after, 1.15 lines). */
export function bodyStyle(ctx: Ctx, extra: ParaStyle = {}): ParaStyle {
  return { style: ctx.styles.body, ...extra };
}

export interface BlockOptions {
  /** Keep the last block, when a paragraph, on the page of what follows (the signature block). */
  keepLastWithNext?: boolean;
}

function blockChildren(block: Block, ctx: Ctx, keepNext: boolean): FileChild[] {
  switch (block.kind) {
    case "heading":
      // The heading style is bold (level 3: bold italic), kept with the next paragraph.
      return [para(runSpecs(block.runs, {}), bodyStyle(ctx, { style: ctx.styles.headings[block.level] }))];
    case "paragraph":
      return [para(runSpecs(block.runs, {}), bodyStyle(ctx, keepNext ? { keepNext: true } : {}))];
    case "note":
      return [para(runSpecs(block.runs, { italics: true }), bodyStyle(ctx))];
    case "list":
      // An empty item ("- " alone) still shows its marker.
      return block.items.map((item) => para(item.runs.length ? runSpecs(item.runs, {}, `${item.marker} `) : [run(item.marker)], bodyStyle(ctx)));
    case "table":
      return [tableFromSpec(specOf(block.table), ctx), blank(6, { after: ctx.profile.after })];
  }
}

export function bodyBlocks(blocks: readonly Block[], ctx: Ctx, opts: BlockOptions = {}): FileChild[] {
  return blocks.flatMap((b, i) => blockChildren(b, ctx, !!opts.keepLastWithNext && i === blocks.length - 1 && b.kind === "paragraph"));
}
