// Deadlines come from the plan only: a level names the plan item that carries its deadline.
import type { Plan, PlanItem } from "./plan.js";
import type { IsoDate, Level } from "./types.js";

export function planItems(plan: Plan): PlanItem[] {
  return plan.sections.flatMap((s) => s.items);
}

export function deadlineOf(level: Level | undefined, plan: Plan): IsoDate | null {
  if (!level?.deadline_item) return null;
  return planItems(plan).find((i) => i.id === level.deadline_item)?.deadline ?? null;
}
