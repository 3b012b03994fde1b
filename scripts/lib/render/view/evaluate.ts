// Cell expressions of the form specs (types.ts, above FormColumn), evaluated for one row.
import type { FinanceRecord, Indicator, Period } from "../../model/types.js";
import type { Values } from "../../aggregate/roll-up.js";
import { formatNumber, formatSigned } from "../format.js";

export interface RowContext {
  number: string;
  label: string;
  /** Row indicator (indicators layout). */
  indicator: Indicator | null;
  values: Values;
  /** Finance records already filtered to the row (finance layouts). */
  finance: FinanceRecord[];
  heading: boolean;
}

export interface EvalEnv {
  indicators: ReadonlyMap<string, Indicator>;
  periods: readonly Period[];
  /** Funding source id → its group id (I, II …). */
  sourceGroup: ReadonlyMap<string, string>;
}

export type Cell = { text: string; align: "left" | "center" | "right" };

const EMPTY = "-";
const right = (text: string): Cell => ({ text, align: "right" });

function fmt(ind: Indicator | undefined, v: number | undefined | null): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return EMPTY;
  // Money is shown in whole units of the money unit in every form (no "288.401,0" beside "311.763").
  const decimals = ind?.kind === "money" ? 0 : ind?.kind === "rate" ? (ind.decimals ?? 2) : (ind?.decimals ?? (Number.isInteger(v) ? 0 : 1));
  return formatNumber(v, decimals);
}

function financeSum(records: FinanceRecord[], measure: "plan" | "disbursed", period: string, filter: string | undefined, env: EvalEnv): number | null {
  const picked = records.filter((r) => (period === "all" || r.period === period) && (!filter || r.source === filter || env.sourceGroup.get(r.source) === filter));
  return picked.length ? picked.reduce((s, r) => s + r[measure], 0) : null;
}

export function evaluate(expr: string, row: RowContext, env: EvalEnv): Cell {
  const [op, a, b, c] = expr.split(":");
  if (op === "number") return { text: row.number, align: "center" };
  if (op === "label") return { text: row.label, align: "left" };
  if (op === "unit") return { text: row.indicator?.unit ?? "", align: "center" };
  if (op === "note") return { text: "", align: "left" };
  if (row.heading && !op?.startsWith("plan") && !op?.startsWith("disbursed")) return { text: "", align: "right" };
  const flows = env.periods.filter((p) => p.flow_label !== null).map((p) => p.id);
  const val = (id: string | undefined, p: string | undefined) => (id && p ? row.values[id]?.[p] : undefined);
  switch (op) {
    case "value": {
      const id = b ?? row.indicator?.id;
      return right(fmt(id ? env.indicators.get(id) : undefined, val(id, a)));
    }
    case "share": {
      const id = c ?? row.indicator?.id;
      const n = val(id, a);
      const d = val(b, a);
      return right(n === undefined || d === undefined || d === 0 ? EMPTY : formatNumber((n / d) * 100, 2));
    }
    case "sum_flows": {
      const id = a ?? row.indicator?.id;
      const got = flows.map((p) => val(id, p)).filter((v): v is number => v !== undefined);
      return right(got.length ? fmt(id ? env.indicators.get(id) : undefined, got.reduce((s, v) => s + v, 0)) : EMPTY);
    }
    case "change": {
      const id = c ?? row.indicator?.id;
      const from = val(id, a);
      const to = val(id, b);
      const ind = id ? env.indicators.get(id) : undefined;
      return right(from === undefined || to === undefined ? EMPTY : formatSigned(to - from, ind?.kind === "rate" ? 2 : (ind?.decimals ?? 0)));
    }
    case "plan":
    case "disbursed": {
      const v = financeSum(row.finance, op, a ?? "all", b, env);
      return right(v === null ? EMPTY : formatNumber(v, 0));
    }
    case "disbursed_rate": {
      const plan = financeSum(row.finance, "plan", a ?? "all", b, env);
      const done = financeSum(row.finance, "disbursed", a ?? "all", b, env);
      return right(plan === null || done === null || plan === 0 ? EMPTY : formatNumber((done / plan) * 100, 2));
    }
    default:
      throw new Error(`unknown cell expression "${expr}" (form specs are validated by form.schema.json)`);
  }
}
