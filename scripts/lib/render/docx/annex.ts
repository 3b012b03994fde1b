// Annexes (Phụ lục, Biểu mẫu): each its own section on a new page, portrait or landscape, numbered
// on its own; issuer and label on top, centred title, "(Kèm theo …)", unit, text, the form's table
// (typed: laid out as it is, nothing parsed) with its notes, optional signature.

import { AlignmentType, type FileChild, type ISectionOptions, type Paragraph } from "docx";
import type { DocAnnex, DocForm } from "../../model/document.js";
import { bodyBlocks } from "./blocks.js";
import { layoutTable, splitWidth } from "./grid.js";
import { section } from "./page.js";
import { ctxFor, type Ctx, type Profile } from "./profile.js";
import { signerBlock } from "./signature.js";
import { blocksXml, linesHeight, tableFromSpec, tableStylesOf, XmlBlock } from "./table.js";
import { specOf } from "./table-model.js";
import { blank, centred, clean, para, run } from "./text.js";

export const PREPARER_TITLE = "NGƯỜI LẬP BIỂU";

/** Text size of an annex's own lines: 14 pt, 13 pt on a landscape page (both within 13–14). */
const annexSize = (ctx: Ctx): number => (ctx.landscape ? 13 : ctx.profile.body);

function topLines(annex: DocAnnex, ctx: Ctx): FileChild[] {
  const label = clean(annex.label).trim();
  if (annex.issuer_short === null) {
    // A Phụ lục of the plan: "Phụ lục I" centred, bold.
    return label ? [centred(label, { size: annexSize(ctx), bold: true })] : [];
  }
  const widths = splitWidth(ctx.textWidth, [0.5, 0.5]);
  return [
    layoutTable(widths, [
      [
        [para([run(annex.issuer_short, { size: 12, bold: true })], { align: AlignmentType.LEFT })],
        [para([run(label, { size: 12, bold: true })], { align: AlignmentType.RIGHT })],
      ],
    ]),
  ];
}

function titleLines(annex: DocAnnex, ctx: Ctx): Paragraph[] {
  const size = annexSize(ctx);
  const title = clean(annex.title).toLocaleUpperCase("vi").split("\n").map((l) => l.trim()).filter(Boolean);
  // The first title line is a Heading 1 (same look), so the navigation pane lists every annex.
  const out = title.map((l, i) => centred(l, { size, bold: true }, i === 0 ? { style: ctx.styles.headings[1], align: AlignmentType.CENTER, firstLine: 0, before: 240, after: 0, line: 240 } : { keepNext: true }));
  const attached = clean(annex.attached_to).trim();
  if (attached) out.push(centred(attached, { size, italics: true }));
  const unit = clean(annex.unit_of_measure ?? "").trim();
  if (unit) {
    const text = /^đơn vị/i.test(unit) ? unit : `Đơn vị tính: ${unit}`;
    out.push(para([run(text, { size: 12, italics: true })], { align: AlignmentType.RIGHT, before: 120, after: 60 }));
  } else {
    out.push(blank(6, { after: 120 }));
  }
  return out;
}

/** A form's closing blocks and their estimated height (twips). */
interface Closing {
  blocks: FileChild[];
  height: number;
}

/**
 * Closing blocks written once per thread and content (a report's signature footer, the same under
 * each of its forms; a form's notes, the same in every unit's report), then placed as text (table.ts
 * XmlBlock): ≈ 160 of a commune report's ≈ 1 900 paragraphs (≈ 23 under each of its 7 forms), built
 * and written again under every form. Their XML depends only on the key (the content, and the
 * profile and orientation: ctxFor's inputs), nothing on the document they are placed in.
 */
const closings = new Map<string, { xml: string; height: number }>();
const CLOSINGS_MAX = 5_000;
function sharedClosing(key: unknown[], make: () => Closing): Closing {
  const k = JSON.stringify(key);
  let c = closings.get(k);
  if (!c) {
    const made = make();
    c = { xml: blocksXml(made.blocks), height: made.height };
    if (closings.size >= CLOSINGS_MAX) closings.clear();
    closings.set(k, c);
  }
  return { blocks: c.xml ? [new XmlBlock([c.xml])] : [], height: c.height };
}

/** The gap above a form's closing text: a 6-pt line and 6 pt after it. */
const GAP_HEIGHT = linesHeight(1, 6) + 120;

function signatureFooter(sig: NonNullable<DocAnnex["signature"]>, ctx: Ctx): Closing {
  const size = annexSize(ctx);
  const preparer = clean(sig.preparer).trim();
  const preparerName = preparer && preparer.toLocaleUpperCase("vi") !== PREPARER_TITLE ? preparer : "";
  const right = [centred(sig.place_date, { size, italics: true }), ...signerBlock(sig.signer, ctx, size)];
  // Left column: a blank line facing the place-date, the title facing the authority line, then
  // blank lines so that the preparer's name sits on the same line as the signer's.
  const gap = right.length - 3;
  const left = [
    blank(size),
    centred(PREPARER_TITLE, { size, bold: true }),
    ...Array.from({ length: gap }, () => blank(size)),
    ...(preparerName ? [centred(preparerName, { size, bold: true })] : []),
  ];
  const widths = splitWidth(ctx.textWidth, [0.45, 0.55]);
  return {
    blocks: [blank(6, { after: 120, keepNext: true }), layoutTable(widths, [[left, right]])],
    height: GAP_HEIGHT + linesHeight(Math.max(left.length, right.length), size),
  };
}

/** "Ghi chú:" and one "- …" line per note, in italics, in the Note style (one size above the table's). */
function formNotes(footnotes: string[], ctx: Ctx): Closing {
  const notes = footnotes.map((f) => clean(f).replace(/\s+/g, " ").trim()).filter(Boolean);
  if (!notes.length) return { blocks: [], height: 0 };
  const style = tableStylesOf(ctx).note;
  // Lines of a note: its characters (0.43 em each on average in running Vietnamese text, measured
  // on rendered notes) over the width less the first-line indent.
  const perLine = (ctx.textWidth - ctx.profile.firstLine) / (style.run.size * 20 * 0.43);
  const lines = notes.reduce((a, n) => a + Math.ceil(([...n].length + 2) / perLine), 1);
  return {
    blocks: [para([run("Ghi chú:", { italics: true })], { style }), ...notes.map((n) => para([run("- "), run(n, { italics: true })], { style }))],
    height: linesHeight(lines, style.run.size) + style.para.after * (notes.length + 1),
  };
}

/**
 * A form's table with what closes it (a small gap, the notes, the signature block) kept with its
 * last rows in the table's closing row (table.ts), so no page holds only a note or a signature.
 */
export function formBlock(form: DocForm, ctx: Ctx, closing: Closing): FileChild {
  const notes = sharedClosing(["notes", form.footnotes, ctx.profile, ctx.landscape], () => formNotes(form.footnotes, ctx));
  const blocks = [blank(6, { after: ctx.profile.after }), ...notes.blocks, ...closing.blocks];
  return tableFromSpec(specOf(form.table), ctx, blocks, GAP_HEIGHT + notes.height + closing.height);
}

export function annexSection(annex: DocAnnex, profile: Profile, notice: string | null): ISectionOptions {
  const ctx = ctxFor(profile, annex.orientation === "landscape");
  const sig = annex.signature;
  const closing = sig ? sharedClosing(["signature", sig, profile, ctx.landscape], () => signatureFooter(sig, ctx)) : { blocks: [], height: 0 };
  const children: FileChild[] = [
    ...topLines(annex, ctx),
    ...titleLines(annex, ctx),
    ...bodyBlocks(annex.body, ctx),
    ...(annex.form ? [formBlock(annex.form, ctx, closing)] : closing.blocks),
  ];
  return section(ctx, notice, children);
}
