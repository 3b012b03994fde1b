// What an agency (a department) chairs: programme components (a component covers its
// sub-components), policy groups and indicator groups, as listed in its `chairs`.
import type { Indicator, Unit } from "./types.js";

export function chairsComponent(unit: Unit, component: string): boolean {
  return (unit.chairs ?? []).some((c) => component === c || component.startsWith(`${c}.`) || c.startsWith(`${component}.`));
}

export function chairsIndicator(unit: Unit, ind: Indicator): boolean {
  const chairs = unit.chairs ?? [];
  return (ind.component !== undefined && chairsComponent(unit, ind.component)) || (ind.policy !== undefined && chairs.includes(ind.policy)) || chairs.includes(ind.group);
}
