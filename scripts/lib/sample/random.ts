// A small seeded PRNG (mulberry32), keyed by a seed and a unit code, so that each unit's numbers
// depend only on the seed and that unit: adding or removing another unit changes nothing else.
export interface Rng {
  next(): number; // [0, 1)
  between(lo: number, hi: number): number;
  int(lo: number, hi: number): number; // inclusive
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function rngFor(seed: number, key: string): Rng {
  let a = (hash(key) ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    pick: (items) => items[Math.floor(items.length * next())] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}
