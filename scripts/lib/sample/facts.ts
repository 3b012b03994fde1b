// What a unit's narrative must agree with, once every report's figures are known: the money of
// the unit and of the reports it compiles, the satisfaction of the communes that reported. A
// child's money and figures reach its parent only through its own report.
import type { ReportFile, Unit } from "../model/types.js";
import { typesNoun } from "../render/view/names.js";
import type { SampleContext } from "./context.js";
import type { NarrativeFacts } from "./narrative.js";

const isFiled = (r: ReportFile | undefined) => ["da_nop", "da_duyet"].includes(r?.status ?? "");

function money(cx: SampleContext, made: Map<string, ReportFile>, code: string): { plan: number; done: number } {
  const own = made.get(code)?.finance ?? [];
  const sub = (cx.kids.get(code) ?? []).filter((k) => isFiled(made.get(k.code))).map((k) => money(cx, made, k.code));
  return { plan: own.reduce((s, f) => s + f.plan, 0) + sub.reduce((s, m) => s + m.plan, 0), done: own.reduce((s, f) => s + f.disbursed, 0) + sub.reduce((s, m) => s + m.done, 0) };
}

function asked(cx: SampleContext, made: Map<string, ReportFile>, code: string): { yes: number; all: number } {
  const { ds, kids, isTerritory } = cx;
  const last = ds.project.periods[ds.project.periods.length - 1]!.id;
  const territoryKids = (kids.get(code) ?? []).filter(isTerritory);
  const r = made.get(code);
  if (!territoryKids.length) {
    const num = (id: string) => (typeof r?.values[id]?.[last] === "number" ? (r.values[id]![last] as number) : 0);
    return isFiled(r) || !isTerritory(ds.units.get(code)!) ? { yes: num("nguoi_duoc_hoi_hai_long"), all: num("nguoi_duoc_hoi") } : { yes: 0, all: 0 };
  }
  return territoryKids
    .filter((k) => isFiled(made.get(k.code)) || !(kids.get(k.code) ?? []).some(isTerritory))
    .map((k) => asked(cx, made, k.code))
    .reduce((a, b) => ({ yes: a.yes + b.yes, all: a.all + b.all }), { yes: 0, all: 0 });
}

export function narrativeFacts(cx: SampleContext, made: Map<string, ReportFile>, code: string): NarrativeFacts {
  const m = money(cx, made, code);
  const a = asked(cx, made, code);
  return { disbursementRate: m.plan > 0 ? (m.done / m.plan) * 100 : null, satisfactionRate: a.all > 0 ? (a.yes / a.all) * 100 : null };
}

/** The units a district or the province assigns targets to, by their types as the data has them. */
export function childrenNoun(cx: SampleContext, u: Unit): string | undefined {
  const below = (cx.kids.get(u.code) ?? []).filter(cx.isTerritory);
  const level = cx.ds.levels.get(below[0]?.level ?? "");
  return below.length && level ? typesNoun(below, level.unit_types, level.unit_noun) : undefined;
}
