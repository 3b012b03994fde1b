// Vietnamese number and date formats, independent of the machine's locale: "." groups
// thousands, "," marks decimals ("28.667", "7,09").
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split(".") as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = value < 0 && Number(fixed) !== 0 ? "−" : "";
  return sign + grouped + (frac ? "," + frac : "");
}

export function formatPercent(value: number, decimals = 2): string {
  return `${formatNumber(value, decimals)}%`;
}

/** A number without trailing zeros: 1,5; 1,25; 4 (targets, multiples). */
export function formatTrimmed(value: number): string {
  return formatNumber(value, 2).replace(/,?0+$/, "");
}

/** Signed change: "+1,25", "−0,80", "0". */
export function formatSigned(value: number, decimals = 0): string {
  const s = formatNumber(value, decimals);
  return value > 0 && Number(value.toFixed(decimals)) !== 0 ? `+${s}` : s;
}

/** A number typed with Vietnamese thousands dots ("1.234", "28.667"): JSON and YAML read it as a decimal. */
export const VI_THOUSANDS = /^\d{1,3}(\.\d{3})+$/;

/** A figure and its printed text, formatted once where it is derived and read as is by the
 *  documents and the site. */
export interface Figure {
  /** Null where there is no figure (a missing end, no plan, no poor household). */
  value: number | null;
  /** "7,09%", "1,25", "28.667"; NO_FIGURE where there is no figure. */
  text: string;
}

/** The text of a missing figure. */
export const NO_FIGURE = "—";

/** A figure with `decimals` and a `suffix` ("%"); missing or not finite → { null, "—" }. */
export function figure(value: number | null | undefined, decimals = 0, suffix = ""): Figure {
  return value === null || value === undefined || !Number.isFinite(value) ? { value: null, text: NO_FIGURE } : { value, text: formatNumber(value, decimals) + suffix };
}

/** The change between two figures as printed with `decimals` (so a reader's subtraction of the
 *  printed figures agrees); Biểu 01's "Tăng/giảm" column, the
 *  reductions of the unit view and the narrative all use it. */
export function printedChange(from: number, to: number, decimals: number): number {
  const shown = (v: number) => Number(v.toFixed(decimals));
  return Number((shown(to) - shown(from)).toFixed(decimals));
}
