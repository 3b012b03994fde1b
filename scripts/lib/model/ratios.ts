// The ratios the documents and the site print, one formula each: Biểu 03's shares and Biểu 04–05's
// disbursement rates (render/view/evaluate.ts) and the unit view's derived figures
// (render/view/unit-view.ts) compute them here.

/** `part` as a percentage of `whole`; null when either is missing or the whole is 0. */
export function percentOf(part: number | null | undefined, whole: number | null | undefined): number | null {
  return part === null || part === undefined || whole === null || whole === undefined || whole === 0 ? null : (part / whole) * 100;
}

/** Money in whole units: each amount rounded before it is added, so that every printed total is
 *  the sum of its printed parts. */
export function roundedSum(amounts: Iterable<number>): number {
  let sum = 0;
  for (const a of amounts) sum += Math.round(a);
  return sum;
}
