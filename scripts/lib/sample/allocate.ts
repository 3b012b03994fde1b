// Splitting a published total over units by weight, in whole numbers that add up to the total
// exactly (largest remainder; ties to the earlier unit, so the split is stable).
/** `total` split in proportion to `weights`, in whole numbers that add up exactly (largest remainder). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const missing = total - out.reduce((s, v) => s + v, 0);
  for (let k = 0; k < missing; k++) out[order[k % order.length]!.i]!++;
  return out;
}
