// Small builders of the site model's value types from the roll-up's figures.
import type { Values } from "../../aggregate/roll-up.js";
import type { Period } from "../../model/types.js";
import { figure } from "../../text/format.js";
import type { Series } from "../model.js";

export function series(values: Values, id: string, periods: readonly Period[], decimals = 0, suffix = "", flows = false): Series {
  return periods
    .filter((p) => !flows || p.flow_label !== null)
    .map((p) => ({ period: p.id, ...figure(values[id]?.[p.id], decimals, suffix) }));
}
