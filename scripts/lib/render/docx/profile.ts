// Format profile of an administrative document: page geometry and font sizes, per ruleset.
// TT 01/2011/TT-BNV (historical, 2018 documents, the default) and NĐ 30/2020/NĐ-CP differ little for
// a Kế hoạch / Báo cáo; both allow every value chosen here, so the table below only records the few
// places where a choice was made per ruleset (see the domain brief, document format rules: TT 01/2011 and NĐ 30/2020).

import type { DocModel } from "../../model/document.js";
import { A4, mmToTwip, type Margins, type Profile } from "./measure.js";
import { styleSet, type StyleSet } from "./styles.js";

export { A4, mmToTwip, pt, type Margins, type Profile } from "./measure.js";

/** Allowed margins of a ruleset, in mm: [min, max] per side. */
export interface MarginRanges {
  top: [number, number];
  bottom: [number, number];
  left: [number, number];
  right: [number, number];
}

/**
 * Margin ranges of the front page, per ruleset (domain brief, page setup): TT 01/2011/TT-BNV and
 * NĐ 30/2020/NĐ-CP both say top 20–25, bottom 20–25, left 30–35, right 15–20 mm. They apply to every
 * page, landscape annexes included (the bound edge stays on the left as the page is printed).
 */
export const MARGIN_RANGES: Record<DocModel["ruleset"], MarginRanges> = {
  "tt01-2011": { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] },
  "nd30-2020": { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] },
};

/** The smallest margins a ruleset allows (the most room for text), header and footer 10 mm. */
function marginsOf(r: MarginRanges): Margins {
  return {
    top: mmToTwip(r.top[0]),
    bottom: mmToTwip(r.bottom[0]),
    left: mmToTwip(r.left[0]),
    right: mmToTwip(r.right[0]),
    header: mmToTwip(10),
    footer: mmToTwip(10),
  };
}

const BASE: Omit<Profile, "portraitMargins" | "landscapeMargins"> = {
  body: 14,
  firstLine: 720,
  after: 120,
  line: 276,
  issuer: 13,
  national: 13,
  motto: 14,
  placeDate: 14,
  recipientsHead: 12,
  recipients: 11,
  pageNumber: 14,
  tablePortrait: 12,
  tableLandscape: 11,
  notice: 10,
};

const withMargins = (ruleset: DocModel["ruleset"]): Pick<Profile, "portraitMargins" | "landscapeMargins"> => ({
  portraitMargins: marginsOf(MARGIN_RANGES[ruleset]),
  landscapeMargins: marginsOf(MARGIN_RANGES[ruleset]),
});

/** The settings that differ by ruleset (everything else is BASE). */
export const PROFILES: Record<DocModel["ruleset"], Profile> = {
  "tt01-2011": { ...BASE, ...withMargins("tt01-2011") },
  // NĐ 30: body may be 13 pt and the Quốc hiệu 12–13 pt; we keep 14/13 as for TT 01 (both legal).
  "nd30-2020": { ...BASE, ...withMargins("nd30-2020") },
};

export function profileOf(model: DocModel): Profile {
  return PROFILES[model.ruleset] ?? PROFILES["tt01-2011"];
}

/** Layout context shared by the block builders. */
export interface Ctx {
  profile: Profile;
  /** Width available to text in the current section (twips). */
  textWidth: number;
  /** Height available to text on a page of the current section (twips). */
  textHeight: number;
  landscape: boolean;
  /** The document's named styles (styles.ts). */
  styles: StyleSet;
}

export function textWidthOf(margins: Margins, landscape: boolean): number {
  const pageWidth = landscape ? A4.height : A4.width;
  return pageWidth - margins.left - margins.right;
}

export function ctxFor(profile: Profile, landscape: boolean): Ctx {
  const margins = landscape ? profile.landscapeMargins : profile.portraitMargins;
  const textHeight = (landscape ? A4.width : A4.height) - margins.top - margins.bottom;
  return { profile, textWidth: textWidthOf(margins, landscape), textHeight, landscape, styles: styleSet(profile) };
}
