// Vietnamese name forms used in documents, derived from the GSO names in data.
import type { Unit } from "../../model/types.js";

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
