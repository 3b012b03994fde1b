// Cell expressions of the form specs (types.ts, above FormColumn), evaluated for one row.
import type { FinanceRecord, Indicator, Period } from "../../model/types.js";
import type { Values } from "../../aggregate/roll-up.js";
import { percentOf } from "../../model/ratios.js";
import { formatNumber, formatSigned, printedChange } from "../../text/format.js";

export interface RowContext {
  number: string;
  label: string;
  /** Row indicator (indicators layout). */
  indicator: Indicator | null;
  values: Values;
  /** Finance records already filtered to the row (finance layouts). */
  finance: FinanceRecord[];
  /** Money spent with no plan figure (a Biểu 04 group declared by Biểu 07's indicators). */
  unplanned?: { period: string; disbursed: number }[];
  heading: boolean;
}

export interface EvalEnv {
  indicators: ReadonlyMap<string, Indicator>;
  periods: readonly Period[];
  /** Funding source id → its group id (I, II …). */
  sourceGroup: ReadonlyMap<string, string>;
  /** The departments chairing an indicator ("Cơ quan chủ trì"). */
  chairOf?: (ind: Indicator) => string;
  /** The row indicator's target and mid-term verdict for the unit ("Mục tiêu", "Đánh giá"). */
  targetOf?: (ind: Indicator, values: Values) => { target: string; verdict: string } | null;
}

export type Cell = { text: string; align: "left" | "center" | "right" };

const EMPTY = "-";
const right = (text: string): Cell => ({ text, align: "right" });

function fmt(ind: Indicator | undefined, v: number | undefined | null): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return EMPTY;
  const decimals = ind?.kind === "rate" ? (ind.decimals ?? 2) : ind?.kind === "money" ? 0 : (ind?.decimals ?? (Number.isInteger(v) ? 0 : 1));
  return formatNumber(v, decimals);
}

// Money is shown in whole units: each record is rounded before it is added, so every printed
// total is the sum of printed parts.
function financeSum(row: RowContext, measure: "plan" | "disbursed", period: string, filter: string | undefined, env: EvalEnv): number | null {
  let sum = 0;
  let any = false;
  for (const [p, bySource] of financeTotals(row.finance)) {
    if (period !== "all" && p !== period) continue;
    for (const [source, totals] of bySource) {
      if (filter && source !== filter && env.sourceGroup.get(source) !== filter) continue;
      sum += totals[measure];
      any = true;
    }
  }
  if (measure === "disbursed" && !filter)
    for (const u of row.unplanned ?? [])
      if (period === "all" || u.period === period) {
        sum += Math.round(u.disbursed);
        any = true;
      }
  return any ? sum : null;
}

/** A row's records totalled by period and source, each amount rounded before it is added (as
 *  `roundedSum` does): a table's money cells each read a handful of totals, not every record again
 *  (a nation's report rolls up hundreds of thousands of them). Whole numbers: the same sums in any
 *  order. Computed once per list of records. */
const totalsOf = new WeakMap<readonly FinanceRecord[], Map<string, Map<string, { plan: number; disbursed: number }>>>();
function financeTotals(records: readonly FinanceRecord[]): Map<string, Map<string, { plan: number; disbursed: number }>> {
  let totals = totalsOf.get(records);
  if (totals) return totals;
  totals = new Map();
  for (const r of records) {
    let bySource = totals.get(r.period);
    if (!bySource) totals.set(r.period, (bySource = new Map()));
    const t = bySource.get(r.source);
    if (t) {
      t.plan += Math.round(r.plan);
      t.disbursed += Math.round(r.disbursed);
    } else bySource.set(r.source, { plan: Math.round(r.plan), disbursed: Math.round(r.disbursed) });
  }
  totalsOf.set(records, totals);
  return totals;
}

export function evaluate(expr: string, row: RowContext, env: EvalEnv): Cell {
  const [op, a, b, c] = expr.split(":");
  if (op === "number") return { text: row.number, align: "center" };
  if (op === "label") return { text: row.label, align: "left" };
  if (op === "unit") return { text: row.indicator?.unit ?? "", align: "center" };
  if (op === "note") return { text: "", align: "left" };
  if (op === "chair") return { text: row.indicator && env.chairOf ? env.chairOf(row.indicator) : "", align: "left" };
  if (op === "target" || op === "verdict") {
    const t = row.indicator && !row.heading && env.targetOf ? env.targetOf(row.indicator, row.values) : null;
    return { text: t ? t[op] : "", align: "left" };
  }
  if (row.heading) return { text: "", align: "right" };
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
      const pct = percentOf(n, d);
      return right(pct === null ? EMPTY : formatNumber(pct, 2));
    }
    case "sum_flows": {
      const id = a ?? row.indicator?.id;
      const ind = id ? env.indicators.get(id) : undefined;
      // A total over the periods only when every period is there: a partial sum would pass for the whole.
      const got = flows.filter((p) => !ind || ind.periods.includes(p)).map((p) => val(id, p));
      const all = got.filter((v): v is number => v !== undefined);
      return right(all.length && all.length === got.length ? fmt(ind, all.reduce((s, v) => s + v, 0)) : EMPTY);
    }
    case "change": {
      const id = c ?? row.indicator?.id;
      const from = val(id, a);
      const to = val(id, b);
      const ind = id ? env.indicators.get(id) : undefined;
      // The difference of the two figures as printed, so that a reader's subtraction agrees.
      const decimals = ind?.kind === "rate" ? (ind.decimals ?? 2) : ind?.kind === "money" ? 0 : (ind?.decimals ?? 0);
      return right(from === undefined || to === undefined ? EMPTY : formatSigned(printedChange(from, to, decimals), decimals));
    }
    case "plan":
    case "disbursed": {
      const v = financeSum(row, op, a ?? "all", b, env);
      return right(v === null ? EMPTY : formatNumber(v, 0));
    }
    case "disbursed_rate": {
      // A rate over money that had no plan would mean nothing: left empty.
      if (row.unplanned?.some((u) => a === "all" || u.period === a)) return right(EMPTY);
      const plan = financeSum(row, "plan", a ?? "all", b, env);
      const done = financeSum(row, "disbursed", a ?? "all", b, env);
      const pct = percentOf(done, plan);
      return right(pct === null ? EMPTY : formatNumber(pct, 2));
    }
    default:
      throw new Error(`unknown cell expression "${expr}" (form specs are validated by form.schema.json)`);
  }
}
