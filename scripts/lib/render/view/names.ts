// Vietnamese name forms used in documents, derived from the GSO names in data.
import type { Indicator, Unit } from "../../model/types.js";

/** An indicator's short name from the catalogue ("Chỉ số bảo hiểm y tế"), else its name. */
export const shortName = (i: Pick<Indicator, "name" | "short_name">): string => i.short_name ?? i.name;

/** "Huyện Bình An" → "huyện Bình An": the type word in lower case, as inside a sentence. */
export function inSentence(unit: Unit): string {
  const t = unit.type;
  return unit.name.toLowerCase().startsWith(t.toLowerCase()) ? t + unit.name.slice(t.length) : unit.name;
}

/** Upper case as Vietnamese headers print it. */
export const upper = (s: string) => s.toLocaleUpperCase("vi");

export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

/** The authority acting for a unit: "Ủy ban nhân dân huyện Bình An", or an agency's own name. */
export function authorityOf(unit: Unit, isAgency: boolean): string {
  return unit.authority ?? (isAgency ? unit.name : `Ủy ban nhân dân ${inSentence(unit)}`);
}

/**
 * The noun for a set of units, from their types in the order the level declares ("xã, thị trấn",
 * "xã, phường, thị trấn"); types the level does not list follow in first-seen order. Falls back to
 * `fallback` (the level's unit_noun) when the units have no type words in common with any order.
 */
export function typesNoun(units: readonly Unit[], order: readonly string[] | undefined, fallback: string): string {
  const present: string[] = [];
  for (const u of units) if (u.type && !present.includes(u.type)) present.push(u.type);
  if (!present.length || !order?.length) return fallback;
  const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length + present.indexOf(t));
  return present.sort((a, b) => rank(a) - rank(b)).join(", ");
}
