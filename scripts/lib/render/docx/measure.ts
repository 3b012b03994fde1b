// Page measures and the format profile's shape: units (mm, pt → twips, half-points), A4, margins,
// alignment. No imports of the renderer's own files, so styles, text and profile can all use them.

import type { AlignmentType } from "docx";

/** A paragraph's or cell's alignment, as docx spells it. */
export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Millimetres → whole twips (1 in = 25.4 mm = 1440 twips). */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points → half-points (docx run `size`). */
export const pt = (points: number): number => Math.round(points * 2);

/** A4 in twips as docx writes it by default (never computed from mm: 210 mm → 11905 would be off by one). */
export const A4 = { width: 11906, height: 16838 } as const;

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

export interface Profile {
  /** Body text size (pt): TT 01 says 13–14, NĐ 30 13–14; 14 for both. */
  body: number;
  /** First-line indent of body paragraphs (twips): 1.27 cm = 720 (both allow 1–1.27 cm). */
  firstLine: number;
  /** Space after a body paragraph (twips, ≥ 6 pt). */
  after: number;
  /** Line spacing in 240ths of a line (276 = 1.15; both allow single to 1.5). */
  line: number;
  /** Header block: issuer lines and "Số:" (pt). */
  issuer: number;
  /** Quốc hiệu (pt, bold caps). */
  national: number;
  /** Tiêu ngữ (pt, bold). */
  motto: number;
  /** Place and date (pt, italic). */
  placeDate: number;
  /** "Nơi nhận:" (pt, bold italic) and its lines (pt). */
  recipientsHead: number;
  recipients: number;
  /** Page number in the header (pt). */
  pageNumber: number;
  /** Data tables: portrait / landscape (pt). */
  tablePortrait: number;
  tableLandscape: number;
  /** The illustrative-data notice in the page header (pt). */
  notice: number;
  portraitMargins: Margins;
  landscapeMargins: Margins;
}
