// Tables → bordered tables in the form table style (styles.ts: borders, cell margins, vertical
// centring, the cells' text size and alignment): fixed layout, DXA widths on the table, its grid
// and every merged cell, repeated header rows with merged group cells, a cell's alignment stated
// only where it is not the style's, bold rows.
//
// A form table is written here as XML text, not as docx's Table / TableRow / TableCell objects: a
// commune report's ≈ 30 forms are ≈ 85 % of its document.xml, and docx built and formatted an
// object tree for every row and table of every document. The text is byte for byte what docx wrote
// for those objects (test/docx/table-xml.test.ts compares it with them, test/helpers/docx-table.ts);
// a cell's paragraph is still docx's (text.ts), written once per thread and content; a form's
// closing blocks (notes, signature) stay docx components, written in the document's context.

import { AlignmentType, FileChild, type IContext, type IXmlableObject } from "docx";
import type { Ctx } from "./profile.js";
import { escapeXml, rawXml, xmlText } from "./raw-xml.js";
import type { StyleDef, TableStyles } from "./styles.js";
import { cellText, headerGrid, type TableSpec } from "./table-model.js";
import { columnWidths, tableLines } from "./table-widths.js";
import { endMark, NO_CELL_BORDERS, para, run, type Align } from "./text.js";

export const CELL_MARGINS = { top: 28, bottom: 28, left: 85, right: 85 };

const sum = (xs: number[], from: number, span: number): number =>
  xs.slice(from, from + span).reduce((a, b) => a + b, 0);

/** A twips value as docx writes one (whole twips, rounded down). */
const twips = (n: number): number => Math.floor(n);

/** Cell margins as docx writes them (w:tblCellMar, w:tcMar): top, left, bottom, right. */
const marginsXml = (name: string, m: typeof CELL_MARGINS): string =>
  `<${name}><w:top w:type="dxa" w:w="${twips(m.top)}"/><w:left w:type="dxa" w:w="${twips(m.left)}"/><w:bottom w:type="dxa" w:w="${twips(m.bottom)}"/><w:right w:type="dxa" w:w="${twips(m.right)}"/></${name}>`;

/** Each cell's paragraph is written outside any document: it holds plain text and nothing to resolve. */
const NO_CONTEXT = { stack: [] } as unknown as IContext;

/**
 * The cells of this thread's documents, as XML text, by their content: a form's labels, row
 * numbers, empty cells and many figures recur in every unit's report, so each is built and written
 * once (capped: the cache starts again when full).
 */
const cells = new Map<string, string>();
const CELLS_MAX = 50_000;
/** Each style's content, as part of a cell's key (a document's styles are objects of its own). */
const styleKeys = new WeakMap<StyleDef, string>();
const styleKey = (s: StyleDef): string => {
  let k = styleKeys.get(s);
  if (k === undefined) styleKeys.set(s, (k = JSON.stringify(s)));
  return k;
};

interface CellOptions {
  span?: number;
  vMerge?: "restart" | "continue" | null;
  bold?: boolean;
  align?: Align;
  keepNext?: boolean;
}

/**
 * A form table's cell (w:tc): one column wide, no width of its own (the grid's, fixed layout: a
 * w:tcW on every cell was ~50 KB of a commune report's XML); wider, its width stated (the grid's
 * sum). Its one paragraph is docx's (text.ts), written once.
 */
function cell(width: number, text: string, style: StyleDef, opts: CellOptions = {}): string {
  const span = opts.span ?? 1;
  const key = [styleKey(style), span > 1 ? width : 0, span, opts.vMerge ?? "", opts.bold ? 1 : 0, opts.align ?? "", opts.keepNext ? 1 : 0, text].join("\u0001");
  let out = cells.get(key);
  if (out !== undefined) return out;
  const paragraph = para(text ? [run(text, opts.bold ? { bold: true } : {})] : [], { style, ...(opts.align !== undefined ? { align: opts.align } : {}), ...(opts.keepNext ? { keepNext: true } : {}) });
  // w:tcPr's children in docx's order: tcW, gridSpan, vMerge.
  const props = (span > 1 ? `<w:tcW w:type="dxa" w:w="${twips(width)}"/><w:gridSpan w:val="${span}"/>` : "") + (opts.vMerge ? `<w:vMerge w:val="${opts.vMerge}"/>` : "");
  out = `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${xmlText(paragraph.prepForXml(NO_CONTEXT)!)}</w:tc>`;
  if (cells.size >= CELLS_MAX) cells.clear();
  cells.set(key, out);
  return out;
}

/** A row (w:tr) of cells' XML: never split over pages; a header row repeated on every page. */
const rowXml = (cellsXml: string, header = false): string =>
  // docx leaves out a row without cells (a table without columns).
  !cellsXml ? "" : `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${cellsXml}</w:tr>`;

/**
 * A form table's frame (w:tbl), its rows to go between `open` and `close`: the table style, as
 * wide as the text, fixed layout, the grid's column widths, and the cell margins (also stated on
 * the table: LibreOffice ignores a table style's cell margins).
 */
function tableFrame(styleId: string, width: number, widths: number[]): { open: string; close: string } {
  const grid = widths.map((w) => `<w:gridCol w:w="${twips(w)}"/>`).join("");
  const props = `<w:tblStyle w:val="${escapeXml(styleId)}"/><w:tblW w:type="dxa" w:w="${twips(width)}"/><w:tblLayout w:type="fixed"/>${marginsXml("w:tblCellMar", CELL_MARGINS)}`;
  return { open: `<w:tbl><w:tblPr>${props}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>`, close: "</w:tbl>" };
}

/** A docx component, or text already written: what an XmlBlock holds. */
type XmlPart = string | { prepForXml(context: IContext): IXmlableObject | undefined };

/**
 * A block of XML text placed among the document's children (docx writes it verbatim: raw-xml.ts),
 * with docx components inside it (a form's closing blocks) written as docx writes them, in the
 * document's context, when the document is written.
 */
export class XmlBlock extends FileChild {
  constructor(private readonly parts: readonly XmlPart[]) {
    super("w:tbl");
  }
  text(context: IContext): string {
    let xml = "";
    for (const part of this.parts) xml += typeof part === "string" ? part : part instanceof XmlBlock ? part.text(context) : partXml(part, context);
    return xml;
  }
  override prepForXml(context: IContext): IXmlableObject {
    return rawXml(this.text(context));
  }
}

/** A docx component's XML as docx writes it (nothing when docx would leave it out). */
const partXml = (part: Exclude<XmlPart, string>, context: IContext): string => {
  const tree = part.prepForXml(context);
  return tree ? xmlText(tree) : "";
};

/**
 * Blocks written outside any document, once, to be placed as text (XmlBlock) in many: only for
 * blocks whose XML depends on nothing but their content (paragraphs of text, layout tables with
 * their widths stated: no relationship, field, number or width taken from where they are placed).
 */
export const blocksXml = (blocks: readonly Exclude<XmlPart, string>[]): string => blocks.map((b) => partXml(b, NO_CONTEXT)).join("");

/** The 1-pt paragraph that ends a closing cell (text.ts endMark), written once. */
const END_MARK = blocksXml([endMark()]);

const ALIGN: Record<"left" | "center" | "right", Align> = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** Table text styles of the page the table is on. */
export const tableStylesOf = (ctx: Ctx): TableStyles => (ctx.landscape ? ctx.styles.table.landscape : ctx.styles.table.portrait);

/**
 * A group heading row ("2 Tiểu dự án 2: …", "V Dự án 5: …"): bold, with no figure (every
 * right-aligned cell empty). It is kept with the row under it, never left alone at a page's foot.
 */
export function isGroupHeading(row: TableSpec["rows"][number], aligns: TableSpec["aligns"]): boolean {
  const figures = aligns.flatMap((a, c) => (a === "right" ? [c] : []));
  return row.bold && figures.length > 0 && figures.every((c) => cellText(row.cells[c]) === "") && row.cells.some((c) => cellText(c) !== "");
}

/**
 * Body rows a form's closing row holds beside its notes and signature: with fewer, a form that runs
 * over a page ends on a page holding one row and the closing text; with more, the page before
 * could end with as many rows' height left blank.
 */
export const KEPT_ROWS = 3;

/**
 * Body rows moved into the closing row: the last KEPT_ROWS, and the group heading rows right above
 * them (a heading keeps with the row under it), so that a closing block never starts a page on its
 * own and the last page of a long form holds a few of its rows, not one.
 */
export function keptRows(spec: TableSpec, fits: (rows: number) => boolean = () => true): number {
  const n = spec.rows.length;
  const withHeadings = (rows: number): number => {
    let k = rows;
    while (k < n && isGroupHeading(spec.rows[n - 1 - k]!, spec.aligns)) k++;
    return k;
  };
  for (let k = Math.min(KEPT_ROWS, n); k > 1; k--) if (fits(withHeadings(k))) return withHeadings(k);
  return withHeadings(Math.min(1, n));
}

/** Estimated height (twips) of `lines` lines of text at `size` pt, single spacing. */
export const linesHeight = (lines: number, size: number): number => Math.ceil(lines * size * 20 * 1.15);

/**
 * Whether the closing row, holding the last `k` body rows and `closingHeight` twips of notes and
 * signature, fits on one page under the repeated header: an unsplittable row taller than a page
 * is split all the same, and the signature would be cut from its title.
 */
export function closingFits(spec: TableSpec, widths: number[], ctx: Ctx, closingHeight: number): (k: number) => boolean {
  const size = tableStylesOf(ctx).cell.run.size;
  const { head, body } = tableLines(spec, widths, size);
  const row = (lines: number): number => linesHeight(lines, size) + CELL_MARGINS.top + CELL_MARGINS.bottom;
  return (k) => row(head) + body.slice(body.length - k).reduce((a, l) => a + row(l), 0) + closingHeight <= ctx.textHeight;
}

/**
 * A docx table from a table spec, as wide as the text. Group heading rows keep with the next row
 * ("keep with next" on their paragraphs: Word and LibreOffice move such a row to the next page with
 * the row under it). With `closing` blocks (notes, a signature block), the table's last rows (with
 * the heading rows right above them, keptRows) and those blocks go into one final, unsplittable,
 * borderless row spanning every column: the rows as a nested table with the same column widths and
 * borders (it reads as the same table), the blocks under it. Word and LibreOffice both move an
 * unsplittable row whole to the next page, so the last row, the notes and the signature stay
 * together; LibreOffice does not reliably keep a table that runs over pages with the paragraphs
 * after it (a keep-with-next chain through many rows is dropped), so no chain of keeps is used.
 */
export function tableFromSpec(spec: TableSpec, ctx: Ctx, closing: FileChild[] = [], closingHeight = 0): FileChild {
  const styles = tableStylesOf(ctx);
  const size = styles.cell.run.size;
  const widths = columnWidths(spec, ctx.textWidth, size);

  const headRows = headerGrid(spec.levels).map((row) =>
    rowXml(row.map((g) => cell(sum(widths, g.col, g.span), g.text, g.text ? styles.header : styles.empty, { span: g.span, vMerge: g.vMerge })).join(""), true),
  );

  const kept = closing.length ? keptRows(spec, closingFits(spec, widths, ctx, closingHeight)) : 0;
  const bodyRows = spec.rows.map((r, i) => {
    // A group heading keeps with the row under it (within the closing row, the row keeps it anyway).
    const keep = i < spec.rows.length - 1 - kept && isGroupHeading(r, spec.aligns) ? { keepNext: true } : {};
    const cellsXml = widths.map((w, c) => {
      const text = (r.cells[c] ?? "").trim();
      return cell(w, text, text ? styles.cell : styles.empty, { bold: r.bold, ...(text ? { align: ALIGN[spec.aligns[c] ?? "left"] } : {}), ...keep });
    });
    return rowXml(cellsXml.join(""));
  });

  const { open, close } = tableFrame(styles.cell.id, ctx.textWidth, widths);
  if (!closing.length) return new XmlBlock([open + headRows.join("") + bodyRows.join("") + close]);

  // The closing row's one cell: as wide as the table, borderless, no margins. It ends with a
  // paragraph (Word requires it after a nested table): a 1-pt one.
  const rows = headRows.join("") + bodyRows.slice(0, bodyRows.length - kept).join("");
  const nested = kept ? open + bodyRows.slice(bodyRows.length - kept).join("") + close : "";
  const cellOpen = `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>${closingCellProps(ctx.textWidth, widths.length)}${nested}`;
  return new XmlBlock([open + rows + cellOpen, ...closing, `${END_MARK}</w:tc></w:tr>${close}`]);
}

/** The closing cell's w:tcPr: its width, every column spanned, no borders (NO_CELL_BORDERS), no margins. */
function closingCellProps(width: number, span: number): string {
  const borders = (["top", "left", "bottom", "right"] as const).map((side) => {
    const b = NO_CELL_BORDERS[side];
    return `<w:${side} w:val="${b.style}" w:color="${b.color}" w:sz="${b.size}"/>`;
  });
  const spanXml = span ? `<w:gridSpan w:val="${span}"/>` : "";
  return `<w:tcPr><w:tcW w:type="dxa" w:w="${twips(width)}"/>${spanXml}<w:tcBorders>${borders.join("")}</w:tcBorders>${marginsXml("w:tcMar", { top: 0, bottom: 0, left: 0, right: 0 })}</w:tcPr>`;
}
