// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC: no clock, no machine time zone.
import type { IsoDate } from "./types.js";

export function dayNumber(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 2018-09-05 → "05/9/2018" (day padded, month not), the style of the plan. */
export function shortDate(iso: IsoDate): string {
  const [y, m, d] = iso.split("-") as [string, string, string];
  return `${d}/${Number(m)}/${y}`;
}

/** A date and its printed text, formatted once where it is derived and read as is by the
 *  documents and the site. */
export interface DateText {
  iso: IsoDate;
  /** shortDate: "05/9/2018". */
  text: string;
}

/** 2018-09-05 → { iso: "2018-09-05", text: "05/9/2018" }; none → null. */
export function dated(iso: IsoDate | null | undefined): DateText | null {
  return iso ? { iso, text: shortDate(iso) } : null;
}

/** 2018-09-05 → "ngày 05 tháng 9 năm 2018" (NĐ 30: day < 10 and months 1, 2 get a leading zero). */
export function longDate(iso: IsoDate): string {
  const [y, m, d] = iso.split("-") as [string, string, string];
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `ngày ${d} tháng ${month} năm ${y}`;
}
