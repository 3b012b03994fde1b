// Small building blocks: clean text, runs, paragraphs, short rules and border sets.

import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Tab,
  TextRun,
  XmlAttributeComponent,
  XmlComponent,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import { pt, type Align } from "./measure.js";
import { NORMAL_PARA, type ParaProps, type StyleDef } from "./styles.js";

export type { Align };

const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** Strip control characters Word rejects ("unreadable content") and normalise to NFC. */
export function clean(text: string): string {
  return text.replace(CONTROL, "").normalize("NFC");
}

export interface RunStyle {
  size?: number; // pt; unset: the paragraph style's
  bold?: boolean;
  italics?: boolean;
  allCaps?: boolean;
}

/** A run not yet written: para() writes it with only what differs from its paragraph's style. */
export interface RunSpec extends RunStyle {
  kind: "run";
  text: string;
  /** A line break before the text. */
  break?: boolean;
}

export type Inline = RunSpec | ParagraphChild;

export function run(text: string, style: RunStyle = {}): RunSpec {
  return { kind: "run", text: clean(text), ...style };
}

/** A tab character (a real <w:tab/>, not "\t" inside the text). */
export function tab(size: number): TextRun {
  return new TextRun({ children: [new Tab()], size: pt(size) });
}

export interface ParaStyle {
  /** The paragraph's named style (styles.ts); unset: Normal. Every other field overrides it. */
  style?: StyleDef;
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
}

/** Normal, with no size known: runs in an unstyled paragraph always state their size. */
const UNSTYLED: StyleDef = { id: "Normal", name: "Normal", para: NORMAL_PARA, run: { size: Number.NaN, bold: false, italics: false } };

const isSpec = (c: Inline): c is RunSpec => (c as RunSpec).kind === "run";

class SpaceAttributes extends XmlAttributeComponent<{ space: "preserve" }> {
  protected override readonly xmlKeys = { space: "xml:space" };
}

/**
 * A run's <w:t>, with xml:space="preserve" only where white space at its ends or in a row of spaces
 * must be kept (docx writes it on every run: 20 bytes on each of a form's ~1.500 cells).
 */
class RunText extends XmlComponent {
  constructor(text: string) {
    super("w:t");
    if (/^\s|\s$|\s\s|[\t\n]/.test(text)) this.root.push(new SpaceAttributes({ space: "preserve" }));
    this.root.push(text);
  }
}

/** A run with only the properties its paragraph style does not already give. */
function textRun(r: RunSpec, base: StyleDef["run"]): TextRun {
  const bold = r.bold ?? base.bold;
  const italics = r.italics ?? base.italics;
  return new TextRun({
    ...(r.break ? { break: 1 } : {}),
    ...(r.text ? { children: [new RunText(r.text)] } : {}),
    ...(r.size !== undefined && r.size !== base.size ? { size: pt(r.size) } : {}),
    ...(bold !== base.bold ? { bold } : {}),
    ...(italics !== base.italics ? { italics } : {}),
    ...(r.allCaps ? { allCaps: true } : {}),
  });
}

/** Direct paragraph properties: only where the paragraph differs from its style. */
function direct(s: ParaStyle, base: ParaProps): Partial<IParagraphOptions> {
  const p = { ...base, ...Object.fromEntries(Object.entries(s).filter(([k, v]) => k !== "style" && v !== undefined)) } as ParaProps;
  const differs = (keys: (keyof ParaProps)[]): boolean => keys.some((k) => p[k] !== base[k]);
  return {
    ...(p.align !== base.align ? { alignment: p.align } : {}),
    ...(differs(["before", "after", "line"]) ? { spacing: { before: p.before, after: p.after, line: p.line, lineRule: LineRuleType.AUTO } } : {}),
    ...(differs(["firstLine", "left", "right", "hanging"]) ? { indent: { left: p.left, right: p.right, ...(p.hanging ? { hanging: p.hanging } : { firstLine: p.firstLine }) } } : {}),
    ...(p.keepNext && !base.keepNext ? { keepNext: true } : {}),
    ...(p.keepLines && !base.keepLines ? { keepLines: true } : {}),
  };
}

/** A paragraph in a named style (Normal by default), with direct formatting only where it differs. */
export function para(children: Inline[], s: ParaStyle = {}, extra: Partial<IParagraphOptions> = {}): Paragraph {
  const style = s.style ?? UNSTYLED;
  return new Paragraph({
    ...(s.style && !s.style.table && s.style.id !== "Normal" ? { style: s.style.id } : {}),
    ...direct(s, style.para),
    children: children.map((c) => (isSpec(c) ? textRun(c, style.run) : c)),
    ...extra,
  });
}

/** One line of centred text in one style. */
export function centred(text: string, style: RunStyle, s: ParaStyle = {}): Paragraph {
  return para([run(text, style)], { align: AlignmentType.CENTER, ...s });
}

/** An empty paragraph of a given font size (a blank line). */
export function blank(size: number, s: ParaStyle = {}): Paragraph {
  return para([], s, size === s.style?.run.size ? {} : { run: { size: pt(size) } });
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
 * An empty paragraph 1 pt high (an exact line), where OOXML requires a paragraph after a table: the
 * one that ends a section (docx writes the section's properties into it) and the one that ends a
 * table cell holding a nested table. At the body size, a section's closing paragraph falls onto a
 * new, blank page whenever its table ends within a line of the page's bottom.
 */
export function endMark(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: END_MARK_LINE, lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] });
}

/** Height of endMark(): 1 pt, in twips. */
export const END_MARK_LINE = 20;

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
