// Small builders of the site model's value types from the roll-up's figures.
import type { Values } from "../../aggregate/roll-up.js";
import { daysBetween, shortDate } from "../../model/dates.js";
import type { Period } from "../../model/types.js";
import { figure } from "../../text/format.js";
import type { DateVal, DaysLeft, Series } from "../model.js";

export function date(iso: string | null | undefined): DateVal | null {
  return iso ? { iso, text: shortDate(iso) } : null;
}

export function daysLeft(deadline: string | null, asOf: string): DaysLeft | null {
  if (!deadline) return null;
  const value = daysBetween(asOf, deadline);
  return { value, text: value > 0 ? `Còn ${value} ngày` : value === 0 ? "Hôm nay là hạn cuối" : `Quá hạn ${-value} ngày` };
}

export function series(values: Values, id: string, periods: readonly Period[], decimals = 0, suffix = "", flows = false): Series {
  return periods
    .filter((p) => !flows || p.flow_label !== null)
    .map((p) => ({ period: p.id, ...figure(values[id]?.[p.id], decimals, suffix) }));
}
