// Lookups over the catalogue files, built once per dataset.
import type { Component, FundingSource, Indicator, IndicatorCatalogue, OutlineSection, Outline, Programme } from "./types.js";

export interface CatalogueIndex {
  indicators: Map<string, Indicator>;
  components: Map<string, Component>;
  sources: Map<string, FundingSource>;
  /** Outline sections that hold narrative, by narrative key, in outline order. */
  narratives: Map<string, OutlineSection>;
}

export function flattenOutline(sections: readonly OutlineSection[]): OutlineSection[] {
  return sections.flatMap((s) => [s, ...flattenOutline(s.children ?? [])]);
}

export function indexCatalogue(catalogue: IndicatorCatalogue, programme: Programme, outline: Outline): CatalogueIndex {
  const narratives = new Map<string, OutlineSection>();
  for (const s of flattenOutline(outline.sections)) if (s.narrative) narratives.set(s.narrative, s);
  return {
    indicators: new Map(catalogue.indicators.map((i) => [i.id, i])),
    components: new Map(programme.components.map((c) => [c.id, c])),
    sources: new Map(programme.sources.map((s) => [s.id, s])),
    narratives,
  };
}

const byId = new WeakMap<readonly Indicator[], ReadonlyMap<string, Indicator>>();

/** The catalogue's indicators by id, built once per catalogue (a view, a page and a form ask for
 *  it for every unit: a nation's 11 363 maps of every indicator cost ≈ 1 s). */
export function indicatorsById(catalogue: Pick<IndicatorCatalogue, "indicators">): ReadonlyMap<string, Indicator> {
  let map = byId.get(catalogue.indicators);
  if (!map) byId.set(catalogue.indicators, (map = new Map(catalogue.indicators.map((i) => [i.id, i]))));
  return map;
}

/** Kinds whose values count things and must be whole numbers. */
export const INTEGER_KINDS = new Set(["stock", "flow", "count", "unit_count"]);
