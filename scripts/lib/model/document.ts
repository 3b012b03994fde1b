// DocModel: one official document (the plan, or one unit's report), fully formatted, ready to be
// laid out. The view model builds it; the Markdown/HTML renderers and the DOCX builder only lay it
// out. All strings are final text (numbers and dates already in Vietnamese format, NFC).
//
// The body of a document and of an annex is a typed tree of blocks (Block[]): the view stage builds
// it directly, parsing only the narratives from the data (Markdown) once (render/view/blocks.ts);
// the Markdown, HTML and DOCX renderers lay the tree out and never parse Markdown again. What each block becomes:
//   heading 1 / 2 / 3     Mục (bold, as written) / khoản (bold) / điểm (bold italic)
//   paragraph             body text: justified, first-line indent
//   list                  items written with their marker ("- item", "3. item"), no bullets
//   note                  a note in italics (the "> " convention, e.g. "Số liệu minh họa")
//   table                 a bordered table (DocTable, as the annex forms)
// (An annex starts its own page: no template needs a page break inside a body.)

import type { Signer } from "./types.js";

/** A piece of inline text: plain, bold, italic or both; or a line break. */
export type InlineRun = { kind: "text"; text: string; bold?: true; italic?: true } | { kind: "break" };

export interface ListItem {
  /** As written: "-" for a dash item, "3." or "3)" for a numbered one. */
  marker: string;
  runs: InlineRun[];
}

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; runs: InlineRun[] }
  | { kind: "paragraph"; runs: InlineRun[] }
  | { kind: "list"; ordered: boolean; items: ListItem[] }
  | { kind: "note"; runs: InlineRun[] }
  | { kind: "table"; table: DocTable };

export interface DocHeader {
  /** Top-left lines, e.g. ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH AN"] or ["UBND TỈNH MẪU", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]. */
  issuer: string[];
  /** How many of the issuer lines, counted from the end, are bold (the issuing body's own name). */
  issuer_bold_lines: number;
  /** "Số: 15/BC-UBND" or "Số:      /KH-UBND" for a draft without a number. */
  number_line: string;
  /** "Bình An, ngày 25 tháng 7 năm 2018" (or with blanks for a draft). */
  place_date: string;
}

/** A form's table, typed and in plain text (not Markdown): the DOCX lays it out as it is; the
 *  Markdown and HTML outputs print it as a pipe table. */
export interface DocTable {
  /** Each column's header, top group first: ["Hộ nghèo cuối kỳ", "Số hộ"]; adjacent columns
   *  sharing a group label get one merged cell above them. */
  headerPaths: string[][];
  align: ("left" | "center" | "right")[];
  /** Body rows; a bold row is a total, subtotal or group row. */
  rows: { cells: string[]; bold: boolean }[];
}

/** An annex form: its table and the notes printed under it. */
export interface DocForm {
  table: DocTable;
  /** Plain text, one note each ("Ghi chú"). */
  footnotes: string[];
}

export interface DocAnnex {
  /** Top-right label: "Biểu số 01", "Phụ lục I". */
  label: string;
  /** Centred bold upper-case title. */
  title: string;
  /** Italic line under the title: "(Kèm theo Báo cáo số …/BC-UBND ngày … của …)". */
  attached_to: string;
  /** "Đơn vị tính: hộ" right-aligned above the table, or null. */
  unit_of_measure: string | null;
  orientation: "portrait" | "landscape";
  /** Short issuer shown top-left of a form ("UBND HUYỆN BÌNH AN"); null on a Phụ lục of the plan. */
  issuer_short: string | null;
  /** Text before the form (a Phụ lục's text); [] for none. */
  body: Block[];
  /** The form's table and notes, or null (a Phụ lục of text only). */
  form: DocForm | null;
  /** Footer of a form: left "NGƯỜI LẬP BIỂU", right the signer; null for none. */
  signature: { preparer: string; signer: Signer; place_date: string } | null;
}

export interface DocModel {
  ruleset: "tt01-2011" | "nd30-2020";
  kind: "plan" | "report";
  header: DocHeader;
  /** "KẾ HOẠCH", "BÁO CÁO". */
  type_name: string;
  /** Trích yếu, lines broken where "\n" appears. */
  title: string;
  /** "Kính gửi:" addressees; empty for none (a Kế hoạch has none). */
  addressees: string[];
  body: Block[];
  /** Nơi nhận lines, already with "- " removed and the final punctuation in place ("Như trên;", "Lưu: VT, VX5."). */
  recipients: string[];
  signer: Signer;
  annexes: DocAnnex[];
  /** Fixed document date for DOCX core properties (ISO date), never the clock. */
  created: string;
  /** Short text shown in the page header band of each page, e.g. "Số liệu minh họa", or null. */
  notice: string | null;
}
