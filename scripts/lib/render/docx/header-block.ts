// The top of page 1: issuer / Quốc hiệu table, type name, trích yếu, "Kính gửi:".

import { AlignmentType, TabStopType, type Paragraph, type Table } from "docx";
import type { DocModel } from "../../model/document.js";
import { layoutTable, splitWidth } from "./grid.js";
import type { Ctx } from "./profile.js";
import { blank, centred, clean, para, rule, run, tab, textWidthTwips } from "./text.js";

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Left ≈ 40 %, right ≈ 60 % of the text width. */
export const HEADER_SPLIT = [0.4, 0.6];

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/** The two-column header: issuer + "Số:" on the left, Quốc hiệu + Tiêu ngữ + place-date on the right. */
export function headerTable(model: DocModel, ctx: Ctx): Table {
  const p = ctx.profile;
  const [left, right] = splitWidth(ctx.textWidth, HEADER_SPLIT) as [number, number];
  const { issuer, issuer_bold_lines, number_line, place_date } = model.header;
  const firstBold = issuer.length - Math.max(0, issuer_bold_lines);

  // Issuer lines are 12–13 pt: drop to 12 when a line would not fit the column at the profile size.
  const widest = Math.max(0, ...issuer.map((l) => textWidthTwips(l, p.issuer, true)));
  const issuerSize = widest > left ? Math.min(p.issuer, 12) : p.issuer;
  const issuerLines = issuer.map((line, i) => centred(line, { size: issuerSize, bold: i >= firstBold }));
  const boldLines = issuer.slice(Math.max(0, firstBold));
  const longestBold = Math.max(0, ...boldLines.map((l) => textWidthTwips(l, issuerSize, true)));
  // A solid line 1/3–1/2 as long as the issuing body's name, centred under it.
  const issuerRule = rule(clamp(longestBold * 0.45, 1134, left * 0.7), left);

  const national = centred(NATIONAL_NAME, { size: p.national, bold: true });
  const motto = centred(MOTTO, { size: p.motto, bold: true });
  // The line under the Tiêu ngữ is as long as the Tiêu ngữ itself.
  const mottoRule = rule(textWidthTwips(MOTTO, p.motto), right);

  const gap = { before: 160 };
  const numberLine = centred(number_line, { size: p.issuer }, gap);
  const placeDate = centred(place_date, { size: p.placeDate, italics: true }, gap);

  return layoutTable(
    [left, right],
    [
      [[...issuerLines, issuerRule], [national, motto, mottoRule]],
      [[numberLine], [placeDate]],
    ],
  );
}

/** Type name, trích yếu (split on "\n") and the short line under it. */
export function titleBlock(model: DocModel, ctx: Ctx): Paragraph[] {
  const size = ctx.profile.body;
  const lines = clean(model.title).split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  const longest = Math.max(0, ...lines.map((l) => textWidthTwips(l, size)));
  return [
    centred(model.type_name, { size, bold: true }, { before: 360 }),
    ...lines.map((l) => centred(l, { size, bold: true })),
    rule(clamp(longest * 0.4, 1134, 3402), ctx.textWidth, 0),
  ];
}

/** Terminal punctuation of a list of addressees: ";" between, "." at the end, unless already there. */
function punctuate(text: string, last: boolean): string {
  return /[;.,:]$/.test(text) ? text : text + (last ? "." : ";");
}

/** "Kính gửi: X" centred, or "Kính gửi:" followed by "- A;" lines aligned after the colon. */
export function addresseeBlock(model: DocModel, ctx: Ctx): Paragraph[] {
  const list = model.addressees.map((a) => clean(a).trim()).filter((a) => a.length > 0);
  const size = ctx.profile.body;
  if (list.length === 0) return [blank(size, { after: 120 })];
  if (list.length === 1) {
    return [para([run(`Kính gửi: ${list[0] ?? ""}`, { size })], { align: AlignmentType.CENTER, before: 240, after: 240 })];
  }
  const label = "Kính gửi:";
  const labelWidth = textWidthTwips(label, size) + 240;
  const items = list.map((a, i) => `- ${punctuate(a, i === list.length - 1)}`);
  const longest = Math.max(...items.map((t) => textWidthTwips(t, size)));
  const blockWidth = Math.min(ctx.textWidth, labelWidth + longest);
  const offset = Math.max(0, Math.floor((ctx.textWidth - blockWidth) / 2));
  const indent = offset + labelWidth;
  return items.map((item, i) => {
    const first = i === 0;
    const children = first ? [run(label, { size }), tab(size), run(item, { size })] : [run(item, { size })];
    return para(
      children,
      { left: indent, ...(first ? { hanging: labelWidth, before: 240 } : {}), after: i === items.length - 1 ? 240 : 0 },
      first ? { tabStops: [{ type: TabStopType.LEFT, position: indent }] } : {},
    );
  });
}
