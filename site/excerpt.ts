// The passage shown under a search result, made from the page's indexed text. Unit pages carry
// their names folded to ASCII at the end of that text ("huyen binh an tinh dak anh", so that an
// accent-free query finds them); readers must not see it, so the passage is taken from the text
// before it, with the words that match the query (accents ignored) marked.

export interface Segment {
  text: string;
  mark: boolean;
}

/** "Huyện Đắk Ảnh" → "huyen dak anh" (as the index folds names). */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A word as the query sees it: folded, without surrounding punctuation ("Hùng./." → "hung"). */
const bare = (w: string): string => fold(w).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/**
 * Up to `length` words of `content` around the most matches of `query`, leaving out the folded
 * names `folded` when the content ends with them; the whole opening when nothing matches.
 */
export function excerpt(content: string, folded: string | undefined, query: string, length = 18): Segment[] {
  let words = content.split(/\s+/).filter(Boolean);
  const tail = folded ? fold(folded).split(" ").filter(Boolean) : [];
  if (tail.length && tail.length <= words.length && fold(words.slice(-tail.length).join(" ")) === tail.join(" ")) {
    words = words.slice(0, -tail.length);
  }
  const terms = fold(query).split(" ").map(bare).filter(Boolean);
  const hit = words.map((w) => {
    const b = bare(w);
    return b !== "" && terms.some((t) => b.startsWith(t));
  });
  let start = 0;
  let best = 0;
  hit.forEach((h, i) => {
    if (!h) return;
    const s = Math.max(0, i - 2);
    const n = hit.slice(s, s + length).filter(Boolean).length;
    if (n > best) [start, best] = [s, n];
  });
  const segments: Segment[] = [];
  const push = (text: string, mark: boolean): void => {
    const last = segments[segments.length - 1];
    if (last && !last.mark && !mark) last.text += text;
    else segments.push({ text, mark });
  };
  words.slice(start, start + length).forEach((w, k) => {
    if (k > 0) push(" ", false);
    push(w, hit[start + k]!);
  });
  return segments;
}
