// Column widths of a data table from its content, in whole twips summing to the text width.
//   hard minimum: the longest word of the column (numbers never break), a row-number column narrow;
//   soft minimum: also the header label on at most two lines;
//   wish: the longest cell on one line (capped), a short header label on one line;
//   too wide → number columns stay narrow (their figures on one line, their header on up to four)
//   and text columns (names) share the rest, from their soft minimum towards their wish; only
//   when that is not enough does every column fall back to its soft (or hard) minimum;
//   room to spare → text columns share it by their wish.

import { cellText, type TableSpec } from "./table-model.js";
import { clean } from "./text.js";

/** Labels of a first column holding row numbers. */
const NUMBER_COLUMN = /^(s?tt|số\s*tt|số\s*thứ\s*tự|mã\s*số)$/i;
/** Label of a notes column: its wish is capped lower. */
const NOTES_COLUMN = /^ghi\s*chú$/i;
/** Header labels up to this many characters are wished on one line. */
const SHORT_LABEL = 12;
const MAX_WISH = 40;
const NOTES_WISH = 16;
const NUMERIC = /^[\d.,%\s+\-–]*$/;

const chars = (s: string): number => [...s].length;
/** Width of a figure in ems: digits and signs half an em, "." "," and spaces a quarter. */
const figureEm = (s: string): number => [...s].reduce((a, ch) => a + (/[.,\s]/.test(ch) ? 0.25 : 0.5), 0);
const longestWord = (s: string): number => Math.max(0, ...s.split(/\s+/).map(chars));
/** In body text a line may also break after a slash before a letter ("nghìn đồng/người/tháng"),
 *  as word processors break it; never inside a date or a figure ("30/6/2018"). */
const longestBodyWord = (s: string): number => Math.max(0, ...s.split(/\s+|(?<=\/)(?=\p{L})/u).map(chars));

export function columnWidths(spec: TableSpec, total: number, size: number): number[] {
  const n = spec.levels.length;
  if (n === 0) return [];
  const charW = size * 20 * 0.5; // average advance of a character in twips (Times, Vietnamese text)
  const pad = 2 * 85 + 60; // cell margins + slack
  const tw = (k: number): number => Math.round(k * charW + pad);

  const min: number[] = [];
  const soft: number[] = [];
  const wish: number[] = [];
  const isText: boolean[] = [];
  /** A number column's narrow width: its longest figure on one line, its header on up to four lines. */
  const numeric: number[] = [];
  for (let c = 0; c < n; c++) {
    // The leaf label, or a group label that spans only this column if that is longer.
    const own = (spec.levels[c] ?? []).filter((l, k) => spec.levels[c - 1]?.[k] !== l && spec.levels[c + 1]?.[k] !== l);
    const leaf = clean([spec.levels[c]?.at(-1) ?? "", ...own].sort((a, b) => chars(b) - chars(a))[0] ?? "");
    const body = spec.rows.map((r) => cellText(r.cells[c]).trim()).filter((t) => t.length > 0);
    const bodyLen = Math.max(0, ...body.map(chars));
    const words = Math.max(2, longestWord(leaf), ...body.map(longestBodyWord));
    const twoLines = Math.max(longestWord(leaf), Math.ceil(chars(leaf) / 2) + 1);
    const head = chars(leaf) <= SHORT_LABEL ? chars(leaf) : twoLines;
    const narrow = c === 0 && (NUMBER_COLUMN.test(leaf) || (bodyLen <= 4 && chars(leaf) <= 4));
    const cap = NOTES_COLUMN.test(leaf) ? NOTES_WISH : MAX_WISH;
    const text = !narrow && body.some((t) => !NUMERIC.test(t));
    // Numbers' headers may take three lines; a text column (names, labels) keeps a short name on one line.
    const threeLines = Math.max(longestWord(leaf), Math.ceil(chars(leaf) / 3) + 1);
    min.push(tw(words * 1.1));
    soft.push(narrow ? min[c]! : tw(text ? Math.max(words * 1.1, twoLines, Math.min(bodyLen, 16)) : Math.max(words * 1.1, threeLines)));
    wish.push(narrow ? tw(Math.max(words * 1.1, 3)) : tw(Math.max(words * 1.1, head, Math.min(bodyLen, cap))));
    isText.push(text);
    // Figures measured as set (digits half an em, separators a quarter), in character units.
    const figures = Math.max(0, ...body.map((t) => 2 * Math.max(0, ...t.split(/\s+/).map(figureEm))));
    const fourLines = Math.max(longestWord(leaf), Math.ceil(chars(leaf) / 4) + 1);
    numeric.push(narrow ? min[c]! : tw(Math.max(2, figures, fourLines)));
  }

  const sumOf = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  let out: number[];
  const wishSum = sumOf(wish);
  // From `lo` towards `hi`, in proportion to the gap, so that the columns fill the total.
  const between = (lo: number[], hi: number[]): number[] => {
    const k = (total - sumOf(lo)) / Math.max(1, sumOf(hi) - sumOf(lo));
    return lo.map((m, c) => Math.floor(m + (hi[c]! - m) * k));
  };
  // Numbers narrow, text at its soft minimum / at its wish.
  const narrowLo = numeric.map((x, c) => (isText[c] ? Math.min(soft[c]!, wish[c]!) : Math.min(x, wish[c]!)));
  const narrowHi = narrowLo.map((x, c) => (isText[c] ? Math.max(x, wish[c]!) : x));
  if (wishSum >= total && isText.some(Boolean) && sumOf(narrowLo) <= total) {
    out = sumOf(narrowHi) >= total ? between(narrowLo, narrowHi) : between(narrowHi, wish);
  } else if (wishSum >= total) {
    const softer = soft.map((x, c) => Math.min(x, wish[c]!));
    if (sumOf(softer) <= total) out = between(softer, wish);
    else if (sumOf(min) <= total) out = between(min, softer);
    else out = min.map((m) => Math.floor((m * total) / sumOf(min)));
  } else {
    const grow = isText.some(Boolean) ? isText : isText.map(() => true);
    const base = sumOf(wish.filter((_, c) => grow[c]));
    out = wish.map((w, c) => (grow[c] ? Math.floor(w + ((total - wishSum) * w) / base) : w));
  }
  // Whole twips summing exactly to the total: the widest column absorbs the rounding.
  const widest = out.indexOf(Math.max(...out));
  out[widest] = out[widest]! + (total - sumOf(out));
  return out;
}
