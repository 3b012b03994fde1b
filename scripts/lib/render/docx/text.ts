// Small building blocks: clean text, runs, paragraphs, short rules and border sets.

import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  LineRuleType,
  Paragraph,
  Tab,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import { pt } from "./profile.js";

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** Strip control characters Word rejects ("unreadable content") and normalise to NFC. */
export function clean(text: string): string {
  return text.replace(CONTROL, "").normalize("NFC");
}

export interface RunStyle {
  size: number; // pt
  bold?: boolean;
  italics?: boolean;
  allCaps?: boolean;
}

export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text: clean(text),
    size: pt(style.size),
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    ...(style.allCaps ? { allCaps: true } : {}),
  });
}

/** A tab character (a real <w:tab/>, not "\t" inside the text). */
export function tab(size: number): TextRun {
  return new TextRun({ children: [new Tab()], size: pt(size) });
}

export interface ParaStyle {
  align?: Align;
  before?: number; // twips
  after?: number; // twips
  line?: number; // 240ths of a line (auto rule)
  firstLine?: number; // twips
  left?: number; // twips
  right?: number; // twips
  hanging?: number; // twips
  keepNext?: boolean;
  /** Keep the paragraph's lines on one page. */
  keepLines?: boolean;
  /** Word heading style (1–3): the navigation pane lists the paragraph. */
  heading?: 1 | 2 | 3;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A paragraph whose spacing, alignment and indent are all explicit (no reliance on styles). */
export function para(children: ParagraphChild[], s: ParaStyle = {}, extra: Partial<IParagraphOptions> = {}): Paragraph {
  const indent =
    s.firstLine || s.left || s.right || s.hanging
      ? {
          ...(s.left ? { left: s.left } : {}),
          ...(s.right ? { right: s.right } : {}),
          ...(s.firstLine ? { firstLine: s.firstLine } : {}),
          ...(s.hanging ? { hanging: s.hanging } : {}),
        }
      : undefined;
  return new Paragraph({
    alignment: s.align ?? AlignmentType.LEFT,
    spacing: { before: s.before ?? 0, after: s.after ?? 0, line: s.line ?? 240, lineRule: LineRuleType.AUTO },
    ...(indent ? { indent } : {}),
    ...(s.keepNext ? { keepNext: true } : {}),
    ...(s.keepLines ? { keepLines: true } : {}),
    ...(s.heading ? { heading: HEADINGS[s.heading] } : {}),
    children,
    ...extra,
  });
}

/** One line of centred text in one style. */
export function centred(text: string, style: RunStyle, s: ParaStyle = {}): Paragraph {
  return para([run(text, style)], { align: AlignmentType.CENTER, ...s });
}

/** An empty paragraph of a given font size (a blank line). */
export function blank(size: number, s: ParaStyle = {}): Paragraph {
  return para([], s, { run: { size: pt(size) } });
}

/**
 * A short solid horizontal line of `width` twips, centred in a box `boxWidth` twips wide: an empty,
 * tiny paragraph with a bottom border, narrowed by equal left/right indents. Works in Word and
 * LibreOffice alike (no drawing objects).
 */
export function rule(width: number, boxWidth: number, after = 0): Paragraph {
  const w = Math.min(Math.max(Math.round(width), 200), boxWidth);
  const side = Math.max(0, Math.floor((boxWidth - w) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after, line: 60, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

/**
 * Rough width in twips of a text in Times New Roman (average advance of Vietnamese text: about
 * 0.5 em lower case, 0.68 em for bold capitals). Good enough to size rules and table columns.
 */
export function textWidthTwips(text: string, size: number, caps = false): number {
  let em = 0;
  for (const ch of clean(text)) {
    if (ch === " ") em += 0.25;
    else if (/[0-9.,;:!()\-–/%]/.test(ch)) em += 0.45;
    else if (ch === ch.toLocaleUpperCase("vi") && ch !== ch.toLocaleLowerCase("vi")) em += caps ? 0.7 : 0.68;
    else em += 0.47;
  }
  return Math.round(em * size * 20);
}

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
} as const;

export const NO_CELL_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE } as const;

export const ALL_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
} as const;

export const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE } as const;
