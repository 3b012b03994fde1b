// Whose figures a report's tables show while the roll-up below its unit is incomplete: one source
// per table (the unit's own declared figures or the sum of the units that reported), and the note
// saying how many units below it were received.
import type { Tree, UnitFigures, Values } from "../../aggregate/roll-up.js";
import type { Dataset } from "../../model/dataset.js";
import type { Unit } from "../../model/types.js";
import { typesNoun } from "./names.js";

const CHILDREN = new WeakMap<Dataset, Map<string, Unit[]>>();
/** Each unit's child units, once per dataset. */
function childrenOf(ds: Dataset): Map<string, Unit[]> {
  let map = CHILDREN.get(ds);
  if (!map) {
    map = new Map();
    for (const u of ds.units.values()) {
      if (!u.parent) continue;
      const list = map.get(u.parent) ?? [];
      list.push(u);
      map.set(u.parent, list);
    }
    CHILDREN.set(ds, map);
  }
  return map;
}

/** One source per table: while the roll-up below a unit is incomplete, a table shows either the
 *  unit's own declared figures (when it declared any of the table's indicators) or the sum of
 *  the units that reported, never a mix, and says which. */
export function tableSource(ds: Dataset, fig: UnitFigures, ids: readonly string[]): { values: Values; note: string | null } {
  if (!fig.rolled || fig.coverage.complete) return { values: fig.effective, note: null };
  const entered = (id: string) => !ds.catalogue.indicators.find((i) => i.id === id)?.computed && Object.keys(fig.declared[id] ?? {}).length > 0;
  const level = ds.levels.get(ds.project.levels.find((l) => l.parent === fig.unit.level && l.kind === "territory")?.id ?? "");
  const kids = childrenOf(ds).get(fig.unit.code)?.filter((u) => u.level === level?.id) ?? [];
  const noun = typesNoun(kids, level?.unit_types, level?.unit_noun ?? "đơn vị");
  const count = `${fig.coverage.reporting}/${fig.coverage.total} ${noun}`;
  if (ids.some(entered)) return { values: fig.declared, note: `Số liệu do ${fig.unit.type} báo cáo (đến ngày lập báo cáo, ${count} đã nộp báo cáo).` };
  return { values: fig.rolled, note: `Số liệu tổng hợp từ ${count} đã nộp báo cáo.` };
}

/** Whose figures a report with unreported units below it shows: its own, or a partial sum. */
export function coverageNote(ds: Dataset, tree: Tree, unit: Unit): string {
  // A leaf is in the figures only when every report between it and this unit was received, each
  // by the unit above it at that unit's own date.
  const leaves: { fig: UnitFigures; counted: boolean }[] = [];
  const walk = (code: string, counted: boolean) => {
    const kids = (tree.children.get(code) ?? []).filter((c) => ds.levels.get(ds.units.get(c)!.level)?.kind === "territory");
    if (!kids.length && code !== unit.code) leaves.push({ fig: tree.figures.get(code)!, counted });
    for (const k of kids) walk(k, counted && tree.received(tree.figures.get(k)!.report, code));
  };
  walk(unit.code, true);
  const done = leaves.filter((l) => l.counted).length;
  const leafLevel = ds.levels.get(leaves[0]?.fig.unit.level ?? "");
  const noun = typesNoun(leaves.map((l) => l.fig.unit), leafLevel?.unit_types, leafLevel?.unit_noun ?? "đơn vị");
  const own = tree.figures.get(unit.code)!.declared[ds.catalogue.roles.poor] !== undefined;
  return own
    ? `*(Các số liệu nêu trên do ${unit.type ?? "đơn vị"} tổng hợp, báo cáo. Đến ngày lập báo cáo, số liệu của ${done}/${leaves.length} ${noun} đã được tiếp nhận qua báo cáo của đơn vị cấp dưới; các biểu tổng hợp theo đơn vị cấp dưới chỉ gồm các đơn vị đó.)*`
    : `*(Số liệu tổng hợp từ báo cáo của ${done}/${leaves.length} ${noun}, chưa đầy đủ.)*`;
}
