// Column widths of a data table from its content, in whole twips summing to the text width.
//   floor: every column holds its longest word on one line (a figure such as "1.234.567" or a
//   header word never breaks inside), a row-number column stays narrow, and a number column also
//   holds its header on at most four lines;
//   then the rest of the width goes, a step at a time, to the column where it shortens the table
//   most: the estimated height of every body row (its tallest cell) and of the header, so that
//   names and labels get room while figures, on one line already, stay narrow;
//   once no step shortens the table, what is left goes to the text columns in proportion to their
//   longest cell; when even the floors do not fit, every column shrinks in proportion to its floor.

import { cellText, type TableSpec } from "./table-model.js";
import { clean } from "./text.js";

/** Labels of a first column holding row numbers. */
const NUMBER_COLUMN = /^(s?tt|số\s*tt|số\s*thứ\s*tự|mã\s*số)$/i;
const NUMERIC = /^[\d.,%\s+\-–−]*$/;
/** A number column's header may take this many lines. */
const NUMBER_HEADER_LINES = 4;
/** Weight of the header's height against a body row's (it repeats on every page). */
const HEADER_WEIGHT = 1.5;
/** Line-filling of wrapped text: a line holds this share of its width on average. */
const FILL = 0.9;
/** The width is handed out in at most this many steps. */
const STEPS = 120;

const chars = (s: string): number => [...s].length;
/** Width of a figure in characters: digits and signs one, "." "," and spaces a half. */
const figureChars = (s: string): number => [...s].reduce((a, ch) => a + (/[.,\s]/.test(ch) ? 0.5 : 1), 0);
const longestWord = (s: string): number => Math.max(0, ...s.split(/\s+/).map(chars));
/** In body text a line may also break after a slash before a letter ("nghìn đồng/người/tháng"),
 *  as word processors break it; never inside a date or a figure ("30/6/2018"). */
const longestBodyWord = (s: string): number => Math.max(0, ...s.split(/\s+|(?<=\/)(?=\p{L})/u).map(chars));
const sumOf = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** What a column holds, in characters. */
interface Column {
  /** The leaf header label (or a longer group label spanning only this column). */
  head: number;
  /** Length of each body cell (0 when empty). */
  cells: number[];
  /** Longest word of the header label. */
  headWord: number;
  /** Longest word of the body's text. */
  word: number;
  /** Longest figure, as set (digits one character, separators a half). */
  figure: number;
  /** A text column (names, labels, units); otherwise figures or a row number. */
  text: boolean;
  /** A row-number first column. */
  narrow: boolean;
}

function measure(spec: TableSpec, c: number): Column {
  const own = (spec.levels[c] ?? []).filter((l, k) => spec.levels[c - 1]?.[k] !== l && spec.levels[c + 1]?.[k] !== l);
  const leaf = clean([spec.levels[c]?.at(-1) ?? "", ...own].sort((a, b) => chars(b) - chars(a))[0] ?? "");
  const body = spec.rows.map((r) => cellText(r.cells[c]).trim());
  const filled = body.filter((t) => t.length > 0);
  const figures = Math.max(0, ...filled.filter((t) => NUMERIC.test(t)).map(figureChars));
  const words = Math.max(2, ...filled.filter((t) => !NUMERIC.test(t)).map(longestBodyWord));
  const narrow = c === 0 && (NUMBER_COLUMN.test(leaf) || (Math.max(0, ...filled.map(chars)) <= 4 && chars(leaf) <= 4));
  // A figure counts as set (FILL undone: it fills its line), text by its characters.
  const cells = body.map((t) => (t && NUMERIC.test(t) ? figureChars(t) * FILL : chars(t)));
  return { head: chars(leaf), cells, headWord: longestWord(leaf), word: words, figure: figures, text: !narrow && filled.some((t) => !NUMERIC.test(t)), narrow };
}

/** Estimated lines of `len` characters in a column `width` twips wide. */
type Lines = (len: number, width: number) => number;

/**
 * The smallest width of a column: its longest word, figure and header word on one line (a text
 * column's words with room for wide letters; a figure's digits are exactly half an em); a number
 * column also holds its header on at most four lines.
 */
function floorOf(col: Column, tw: (k: number) => number): number {
  if (col.text || col.narrow) return tw(Math.max(col.word, col.headWord) * 1.1);
  return tw(Math.max(col.figure, col.headWord, Math.ceil(col.head / NUMBER_HEADER_LINES) + 1));
}

/** A row of the table: the length of each cell, and how much its height counts. */
interface Row {
  cells: number[];
  weight: number;
}

/** A row's lines at the current widths: its tallest cell (which, and the next tallest) and the sum. */
interface RowLines {
  lines: number[];
  top: number;
  topAt: number;
  second: number;
  all: number;
}

function rowLines(row: Row, widths: number[], lines: Lines): RowLines {
  const ls = row.cells.map((len, c) => lines(len, widths[c]!));
  const topAt = ls.indexOf(Math.max(...ls));
  return { lines: ls, top: ls[topAt]!, topAt, second: Math.max(0, ...ls.filter((_, c) => c !== topAt)), all: sumOf(ls) };
}

/**
 * Height of a row: its tallest cell, plus a little of every cell (so that a step still counts
 * when another cell of the row is as tall).
 */
const rowHeight = (top: number, all: number): number => top + 0.1 * all;

/** How much `wider` (column c's lines at its next width) lowers the table's estimated height. */
function gain(rows: Row[], now: RowLines[], c: number, wider: (len: number) => number): number {
  return sumOf(rows.map((row, r) => {
    const l = now[r]!;
    const next = wider(row.cells[c]!);
    const top = Math.max(l.topAt === c ? l.second : l.top, next);
    return row.weight * (rowHeight(l.top, l.all) - rowHeight(top, l.all - l.lines[c]! + next));
  }));
}

/**
 * Hand `rest` twips out in steps, each to the column whose widening lowers the table's estimated
 * height (header and body rows) most; returns what no step could use.
 */
function shareByHeight(cols: Column[], widths: number[], rest: number, lines: Lines): number {
  const step = Math.max(1, Math.ceil(rest / STEPS));
  const rows: Row[] = [
    { cells: cols.map((col) => col.head), weight: HEADER_WEIGHT },
    ...cols[0]!.cells.map((_, r) => ({ cells: cols.map((col) => col.cells[r]!), weight: 1 })),
  ];
  while (rest >= step) {
    const now = rows.map((row) => rowLines(row, widths, lines));
    const gains = cols.map((col, c) => (col.narrow ? 0 : gain(rows, now, c, (len) => lines(len, widths[c]! + step))));
    const best = gains.indexOf(Math.max(...gains));
    if (gains[best]! <= 1e-6) break;
    widths[best] = widths[best]! + step;
    rest -= step;
  }
  return rest;
}

/** Character advance, cell padding and the line estimate at a text size (pt), in twips. */
function metrics(size: number): { tw: (k: number) => number; lines: Lines } {
  const charW = size * 20 * 0.5; // average advance of a character (Times, Vietnamese text)
  const pad = 2 * 85 + 60; // cell margins + slack
  return {
    tw: (k) => Math.round(k * charW + pad),
    lines: (len, width) => (len === 0 ? 0 : Math.max(1, (len * charW) / (FILL * Math.max(charW, width - pad)))),
  };
}

export function columnWidths(spec: TableSpec, total: number, size: number): number[] {
  const n = spec.levels.length;
  if (n === 0) return [];
  const { tw, lines } = metrics(size);
  const cols = Array.from({ length: n }, (_, c) => measure(spec, c));
  const floor = cols.map((col) => floorOf(col, tw));
  if (sumOf(floor) > total) return exact(floor.map((f) => Math.floor((f * total) / sumOf(floor))), total);

  const out = [...floor];
  const left = shareByHeight(cols, out, total - sumOf(floor), lines);
  // What is left widens the text columns (every column if none) by their longest cell.
  const grow = cols.some((col) => col.text) ? cols.map((col) => col.text) : cols.map((col) => !col.narrow);
  const need = cols.map((col, c) => (grow[c] ? Math.max(1, ...col.cells, col.head) : 0));
  const needSum = Math.max(1, sumOf(need));
  return exact(out.map((w, c) => w + Math.floor((left * need[c]!) / needSum)), total);
}

/**
 * Estimated lines of a table at these widths: of each body row (its tallest cell) and of the
 * header (its tallest leaf label, plus a line per group level above).
 */
export function tableLines(spec: TableSpec, widths: number[], size: number): { head: number; body: number[] } {
  const { lines } = metrics(size);
  const cols = spec.levels.map((_, c) => measure(spec, c));
  const tallest = (cells: number[]): number => Math.max(1, ...cells.map((len, c) => Math.ceil(lines(len, widths[c]!) - 0.05)));
  const depth = Math.max(1, ...spec.levels.map((l) => l.length));
  return { head: tallest(cols.map((col) => col.head)) + depth - 1, body: spec.rows.map((_, r) => tallest(cols.map((col) => col.cells[r]!))) };
}

/** Whole twips summing exactly to the total: the widest column absorbs the rounding. */
function exact(out: number[], total: number): number[] {
  const widest = out.indexOf(Math.max(...out));
  out[widest] = out[widest]! + (total - sumOf(out));
  return out;
}
