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

/** The columns of a table, measured once per table (its widths and its lines both read them). */
const measured = new WeakMap<TableSpec, Column[]>();
function measureAll(spec: TableSpec): Column[] {
  let cols = measured.get(spec);
  if (!cols) measured.set(spec, (cols = spec.levels.map((_, c) => measure(spec, c))));
  return cols;
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

/**
 * Height of a row: its tallest cell, plus a little of every cell (so that a step still counts
 * when another cell of the row is as tall).
 */
const rowHeight = (top: number, all: number): number => top + 0.1 * all;

/**
 * Hand `rest` twips out in steps, each to the column whose widening lowers the table's estimated
 * height (header and body rows) most; returns what no step could use.
 *
 * The rows are the header (weighted HEADER_WEIGHT) and the body rows. At each step a row's lines
 * at the current widths give its tallest cell (which, and the next tallest) and the sum of its
 * cells' lines; a column's gain is, over the rows, how much its next width lowers the row's height.
 * Only the widened column's lines change from one step to the next, so each column's lines at its
 * current and at its next width are kept and only the widened column's are computed again.
 */
function shareByHeight(cols: Column[], widths: number[], rest: number, lines: Lines): number {
  const step = Math.max(1, Math.ceil(rest / STEPS));
  const n = cols.length;
  const m = cols[0]!.cells.length + 1;
  const weight = (r: number): number => (r === 0 ? HEADER_WEIGHT : 1);
  const len = (r: number, c: number): number => (r === 0 ? cols[c]!.head : cols[c]!.cells[r - 1]!);
  // Lines of each cell (row-major) at its column's current width, and at its column's next width.
  const now = new Float64Array(m * n);
  const next = new Float64Array(m * n);
  const fill = (c: number): void => {
    for (let r = 0; r < m; r++) {
      now[r * n + c] = lines(len(r, c), widths[c]!);
      next[r * n + c] = lines(len(r, c), widths[c]! + step);
    }
  };
  for (let c = 0; c < n; c++) fill(c);
  const top = new Float64Array(m);
  const topAt = new Int32Array(m);
  const second = new Float64Array(m);
  const all = new Float64Array(m);
  const gains = new Float64Array(n);
  while (rest >= step) {
    for (let r = 0; r < m; r++) {
      const o = r * n;
      let t = now[o]!;
      let at = 0;
      let sum = 0 + t;
      for (let c = 1; c < n; c++) {
        const l = now[o + c]!;
        if (l > t) (t = l), (at = c);
        sum += l;
      }
      let s = 0;
      for (let c = 0; c < n; c++) if (c !== at && now[o + c]! > s) s = now[o + c]!;
      top[r] = t;
      topAt[r] = at;
      second[r] = s;
      all[r] = sum;
    }
    let best = 0;
    for (let c = 0; c < n; c++) {
      let g = 0;
      if (!cols[c]!.narrow) {
        for (let r = 0; r < m; r++) {
          const o = r * n + c;
          const wider = next[o]!;
          const tallest = Math.max(topAt[r] === c ? second[r]! : top[r]!, wider);
          g += weight(r) * (rowHeight(top[r]!, all[r]!) - rowHeight(tallest, all[r]! - now[o]! + wider));
        }
      }
      gains[c] = g;
      if (g > gains[best]!) best = c;
    }
    if (gains[best]! <= 1e-6) break;
    widths[best] = widths[best]! + step;
    rest -= step;
    fill(best);
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
  const cols = measureAll(spec);
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
  const cols = measureAll(spec);
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
