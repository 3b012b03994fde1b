import { distance } from "fastest-levenshtein";

/** The closest candidate to `input`, if close enough to be a likely typo. */
export function suggest(input: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  const a = input.toLowerCase();
  for (const c of candidates) {
    const d = distance(a, c.toLowerCase());
    if (d < bestD || (d === bestD && best !== null && c < best)) {
      best = c;
      bestD = d;
    }
  }
  if (best === null) return null;
  const limit = Math.max(2, Math.floor(Math.max(a.length, best.length) / 3));
  return bestD <= limit ? best : null;
}
