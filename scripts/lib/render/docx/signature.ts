// The closing block: "Nơi nhận:" list on the left, the signer on the right, in a borderless table.

import { AlignmentType, type Paragraph, type Table } from "docx";
import type { DocModel } from "../../model/document.js";
import type { Signer } from "../../model/types.js";
import { layoutTable, splitWidth } from "./grid.js";
import type { Ctx } from "./profile.js";
import { blank, centred, clean, para, run } from "./text.js";

/** Blank lines left for the signature and the seal. */
export const SIGNATURE_GAP_LINES = 4;

/** Authority / deputy / position (bold capitals), blank lines, the name (bold): the Signature style. */
export function signerBlock(signer: Signer, ctx: Ctx, size = ctx.profile.body): Paragraph[] {
  const style = { style: ctx.styles.signature };
  const titles = [signer.authority, signer.deputy ?? "", signer.position]
    .map((s) => clean(s).trim())
    .filter((s) => s.length > 0);
  return [
    ...titles.map((t) => centred(t, { size, bold: true }, style)),
    ...Array.from({ length: SIGNATURE_GAP_LINES }, () => blank(size, style)),
    centred(signer.name, { size, bold: true }, style),
  ];
}

/** "Nơi nhận:" (bold italic 12) and one "- …" line per recipient (11 pt). */
export function recipientsBlock(recipients: string[], ctx: Ctx): Paragraph[] {
  const p = ctx.profile;
  const lines = recipients.map((r) => clean(r).trim()).filter((r) => r.length > 0);
  return [
    para([run("Nơi nhận:", { size: p.recipientsHead, bold: true, italics: true })], { align: AlignmentType.LEFT }),
    ...lines.map((r) => para([run(`- ${r.replace(/^-\s*/, "")}`, { size: p.recipients })], { align: AlignmentType.LEFT })),
  ];
}

/** Left ≈ 45 % Nơi nhận, right ≈ 55 % signer. */
export const SIGNATURE_SPLIT = [0.45, 0.55];

export function signatureTable(model: DocModel, ctx: Ctx): Table {
  const widths = splitWidth(ctx.textWidth, SIGNATURE_SPLIT);
  return layoutTable(widths, [[recipientsBlock(model.recipients, ctx), signerBlock(model.signer, ctx)]]);
}
