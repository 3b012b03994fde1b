// DocModel → docx Document (pure: no I/O, no clock). Layout of an administrative document per
// TT 01/2011/TT-BNV or NĐ 30/2020/NĐ-CP (profile.ts): header block, title, Kính gửi, the body
// (its tree of blocks), Nơi nhận + signer, then one section per annex. packDocx (pack-docx.ts) writes the bytes.

import { Document, type FileChild } from "docx";
import type { DocModel } from "../../model/document.js";
import { annexSection } from "./annex.js";
import { addresseeBlock, headerTable, titleBlock } from "./header-block.js";
import { bodyBlocks } from "./blocks.js";
import { documentStyles, section } from "./page.js";
import { externalStyles } from "./styles.js";
import { ctxFor, profileOf } from "./profile.js";
import { signatureTable } from "./signature.js";
import { blank, clean } from "./text.js";

export function buildDocx(model: DocModel): Document {
  const profile = profileOf(model);
  const ctx = ctxFor(profile, false);
  const notice = model.notice === null ? null : clean(model.notice).trim() || null;

  const main: FileChild[] = [
    headerTable(model, ctx),
    ...titleBlock(model, ctx),
    ...addresseeBlock(model, ctx),
    ...bodyBlocks(model.body, ctx, { keepLastWithNext: true }),
    blank(6, { after: 120, keepNext: true }),
    signatureTable(model, ctx),
  ];

  const title = clean(`${model.type_name} ${model.title.replace(/\n/g, " ")}`).replace(/\s+/g, " ").trim();
  return new Document({
    title,
    creator: clean(model.header.issuer.join(" ")).trim(),
    lastModifiedBy: clean(model.header.issuer.join(" ")).trim(),
    revision: 1,
    styles: documentStyles(profile),
    externalStyles: externalStyles(profile),
    sections: [section(ctx, notice, main), ...model.annexes.map((a) => annexSection(a, profile, notice))],
  });
}
