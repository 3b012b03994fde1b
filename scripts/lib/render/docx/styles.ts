// Named styles of the document (word/styles.xml): what a paragraph or run of each role looks like.
// Blocks refer to a style by id and carry direct formatting only where they differ from it
// (text.ts compares), so a form's ~1.600 cells do not each repeat their size, spacing and borders.
//   Normal          document defaults: Times New Roman, body size, left, no spacing, single lines
//   Body            narrative paragraphs: justified, first-line indent, spacing after, 1.15 lines
//   Heading1–3      Mục / khoản / điểm: the body's geometry, bold (level 3 bold italic), kept with next
//   FormTable       table style of the bordered tables on a portrait page (FormTableWide: on a
//                   landscape page): thin black borders on every side and between cells, cells
//                   centred vertically, and their text: table size, right-aligned (figures, most
//                   cells); a text cell states only its alignment
//   TableEmpty      an empty cell: a body-size line
//   TableHeader     header cells: centred, bold (TableHeaderWide: landscape size)
//   Note, NoteWide  the notes under a form's table: one size above the table's, single spacing
//   Signature       the signer's lines: centred

import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from "docx";
import type { Align, Profile } from "./measure.js";

export const FONT = "Times New Roman";

/** Points → half-points (as profile.ts `pt`; kept here so that profile.ts may import this file). */
const pt = (points: number): number => Math.round(points * 2);

/** A paragraph's geometry, every field resolved. */
export interface ParaProps {
  align: Align;
  before: number;
  after: number;
  line: number;
  firstLine: number;
  left: number;
  right: number;
  hanging: number;
  keepNext: boolean;
  keepLines: boolean;
}

export interface RunProps {
  size: number; // pt
  bold: boolean;
  italics: boolean;
}

export interface StyleDef {
  id: string;
  name: string;
  /** A table style: its paragraph and run properties are those of the text in its cells
   *  (a cell's paragraph names no style of its own). */
  table?: boolean;
  para: ParaProps;
  run: RunProps;
  /** Outline level (headings: 0–2), for the navigation pane. */
  outline?: number;
}

export const NORMAL_PARA: ParaProps = {
  align: AlignmentType.LEFT,
  before: 0,
  after: 0,
  line: 240,
  firstLine: 0,
  left: 0,
  right: 0,
  hanging: 0,
  keepNext: false,
  keepLines: false,
};

export interface TableStyles {
  /** The table style, and the text of its cells. */
  cell: StyleDef;
  /** An empty cell. */
  empty: StyleDef;
  header: StyleDef;
  note: StyleDef;
}

export interface StyleSet {
  normal: StyleDef;
  body: StyleDef;
  headings: Record<1 | 2 | 3, StyleDef>;
  /** Form tables on a portrait page, and on a landscape ("wide") one. */
  table: { portrait: TableStyles; landscape: TableStyles };
  signature: StyleDef;
}

const def = (id: string, name: string, para: Partial<ParaProps>, run: RunProps, outline?: number): StyleDef => ({
  id,
  name,
  para: { ...NORMAL_PARA, ...para },
  run,
  ...(outline === undefined ? {} : { outline }),
});

function tableStyles(profile: Profile, landscape: boolean): TableStyles {
  const size = landscape ? profile.tableLandscape : profile.tablePortrait;
  const suffix = landscape ? "Wide" : "";
  const label = landscape ? " (landscape)" : "";
  const plain = { size, bold: false, italics: false };
  return {
    cell: { ...def(`FormTable${suffix}`, `Form table${label}`, { align: AlignmentType.RIGHT }, plain), table: true },
    // An empty cell's line is as tall as a body-size line, as when its paragraph mark had the
    // document's size (rows with an empty cell, and so page breaks, stay as they were).
    empty: def("TableEmpty", "Table empty cell", {}, { ...plain, size: profile.body }),
    header: def(`TableHeader${suffix}`, `Table header${label}`, { align: AlignmentType.CENTER }, { ...plain, bold: true }),
    note: def(`Note${suffix}`, `Note${label}`, { align: AlignmentType.JUSTIFIED, firstLine: profile.firstLine, after: 40 }, { ...plain, size: size + 1 }),
  };
}

/** Every style of a document in a profile's sizes. */
export function styleSet(profile: Profile): StyleSet {
  const run = { size: profile.body, bold: false, italics: false };
  const body: Partial<ParaProps> = { align: AlignmentType.JUSTIFIED, firstLine: profile.firstLine, after: profile.after, line: profile.line };
  const heading = (level: 1 | 2 | 3): StyleDef =>
    def(`Heading${level}`, `heading ${level}`, { ...body, keepNext: true, keepLines: true, before: level === 1 ? 120 : 0 }, { ...run, bold: true, italics: level === 3 }, level - 1);
  return {
    normal: def("Normal", "Normal", {}, run),
    body: def("Body", "Body", body, run),
    headings: { 1: heading(1), 2: heading(2), 3: heading(3) },
    table: { portrait: tableStyles(profile, false), landscape: tableStyles(profile, true) },
    signature: def("Signature", "Signature", { align: AlignmentType.CENTER }, run),
  };
}

function paragraphOptions(s: StyleDef) {
  const p = s.para;
  return {
    paragraph: {
      alignment: p.align,
      // lineRule stated: without it LibreOffice reads the line as an exact height.
      spacing: { before: p.before, after: p.after, line: p.line, lineRule: LineRuleType.AUTO },
      ...(p.firstLine || p.left || p.right || p.hanging ? { indent: { left: p.left, right: p.right, ...(p.hanging ? { hanging: p.hanging } : { firstLine: p.firstLine }) } } : {}),
      ...(p.keepNext ? { keepNext: true } : {}),
      ...(p.keepLines ? { keepLines: true } : {}),
      ...(s.outline === undefined ? {} : { outlineLevel: s.outline }),
    },
    run: { font: FONT, size: pt(s.run.size), bold: s.run.bold, italics: s.run.italics, color: "000000" },
  };
}

const styleOptions = (s: StyleDef): IParagraphStyleOptions => ({ id: s.id, name: s.name, basedOn: "Normal", quickFormat: true, ...paragraphOptions(s) });

const FORM_TABLE_PR =
  `<w:tblPr><w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join("")}</w:tblBorders>` +
  `<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
  `<w:tcPr><w:vAlign w:val="center"/></w:tcPr>`;

/** A table style: borders, cell margins, vertical centring, and the paragraph and run properties of its cells' text. */
function tableStyleXml(s: StyleDef): string {
  return (
    `<w:style w:type="table" w:styleId="${s.id}"><w:name w:val="${s.name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="${s.para.before}" w:after="${s.para.after}" w:line="${s.para.line}" w:lineRule="auto"/><w:jc w:val="${s.para.align}"/></w:pPr>` +
    `<w:rPr><w:sz w:val="${pt(s.run.size)}"/><w:szCs w:val="${pt(s.run.size)}"/></w:rPr>${FORM_TABLE_PR}</w:style>`
  );
}

/**
 * The form table styles (portrait, landscape). docx has no table-style builder, so they are given
 * as an "external" styles part holding only them, which docx merges with its own default styles
 * (fixed text: same bytes every time).
 */
export function externalStyles(profile: Profile): string {
  const set = styleSet(profile);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `${tableStyleXml(set.table.portrait.cell)}${tableStyleXml(set.table.landscape.cell)}</w:styles>`
  );
}

/** word/styles.xml (with externalStyles()): document defaults, the headings in the official look, every role's style. */
export function documentStyles(profile: Profile): IStylesOptions {
  const set = styleSet(profile);
  const tables = [set.table.portrait.empty, ...[set.table.portrait, set.table.landscape].flatMap((t) => [t.header, t.note])];
  return {
    default: {
      document: {
        run: { font: FONT, size: pt(profile.body), language: { value: "vi-VN" } },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      heading1: paragraphOptions(set.headings[1]),
      heading2: paragraphOptions(set.headings[2]),
      heading3: paragraphOptions(set.headings[3]),
    },
    paragraphStyles: [set.body, ...tables, set.signature].map(styleOptions),
  };
}
