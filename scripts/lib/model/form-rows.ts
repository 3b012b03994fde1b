// The arithmetic a form declares between its rows (FormRow.sum, FormRow.parts), resolved to row
// indices. "children" follows the TT numbering: the total row ("") owns the shallowest rows,
// "I" owns "1", "2" …, "1" owns "1.1", "1.2" …, and a run of "-" rows right below a row are its
// parts. Rows whose TT ends in a letter ("2a": a rate) are never children. A formula names rows
// by their TT ("I+II+III+IV"), each of which must be unique in the form.
import type { FormRow, FormSpec } from "./types.js";

export interface ResolvedRow {
  /** Rows this row is the sum of. */
  sum?: number[];
  /** Its "trong đó" groups. */
  parts?: { rows: number[]; exhaustive: boolean; disjoint?: boolean }[];
}

export interface RowRefError {
  row: number;
  /** JSON pointer tail below rows/<row>: ["sum"], ["parts", k, "rows"] or ["parts", k, "except", m]. */
  path: (string | number)[];
  ref: string;
  reason: "unknown" | "ambiguous" | "empty";
}

function depth(number: string): number {
  if (number === "") return -1;
  if (/^[IVXL]+$/.test(number)) return 0;
  if (/^\d+$/.test(number)) return 1;
  const m = /^\d+(\.\d+)+$/.exec(number);
  return m ? number.split(".").length : Number.NaN;
}

function childrenOf(rows: readonly FormRow[], i: number): number[] {
  if (rows[i + 1]?.number === "-") {
    const out: number[] = [];
    for (let j = i + 1; j < rows.length && rows[j]!.number === "-"; j++) out.push(j);
    return out;
  }
  const d = depth(rows[i]!.number);
  if (Number.isNaN(d)) return [];
  const below: number[] = [];
  for (let j = i + 1; j < rows.length; j++) {
    const dj = depth(rows[j]!.number);
    if (Number.isNaN(dj)) continue;
    if (dj <= d) break;
    below.push(j);
  }
  const top = Math.min(...below.map((j) => depth(rows[j]!.number)));
  return below.filter((j) => depth(rows[j]!.number) === top);
}

function resolveRef(rows: readonly FormRow[], i: number, expr: string, path: (string | number)[], errors: RowRefError[]): number[] {
  if (expr === "children") {
    const kids = childrenOf(rows, i);
    if (!kids.length) errors.push({ row: i, path, ref: expr, reason: "empty" });
    return kids;
  }
  return expr.split("+").flatMap((ref) => {
    const hits = rows.flatMap((r, j) => (r.number === ref && j !== i ? [j] : []));
    if (hits.length !== 1) errors.push({ row: i, path, ref, reason: hits.length ? "ambiguous" : "unknown" });
    return hits.slice(0, 1);
  });
}

/** Every row's declared arithmetic as row indices, with the references that do not resolve. */
export function resolveRows(rows: readonly FormRow[]): { rows: ResolvedRow[]; errors: RowRefError[] } {
  const errors: RowRefError[] = [];
  const out = rows.map((r, i): ResolvedRow => {
    const res: ResolvedRow = {};
    if (r.sum) res.sum = resolveRef(rows, i, r.sum, ["sum"], errors);
    if (r.parts)
      res.parts = r.parts.map((g, k) => {
        const all = resolveRef(rows, i, g.rows, ["parts", k, "rows"], errors);
        g.except?.forEach((id, m) => {
          if (!all.some((j) => rows[j]!.indicator === id)) errors.push({ row: i, path: ["parts", k, "except", m], ref: id, reason: "unknown" });
        });
        return { rows: all.filter((j) => !g.except?.includes(rows[j]!.indicator ?? "")), exhaustive: g.exhaustive, ...(g.disjoint ? { disjoint: true } : {}) };
      });
    return res;
  });
  return { rows: out, errors };
}

/** Rows in an order where every sum row comes after the rows it adds (sums of sums). */
export function sumOrder(resolved: readonly ResolvedRow[]): number[] {
  const order: number[] = [];
  const state = new Map<number, "visiting" | "done">();
  const visit = (i: number) => {
    if (state.get(i)) return; // a cycle is refused by check (CATALOGUE_FORM_ROW_REF): stop here
    state.set(i, "visiting");
    for (const j of resolved[i]?.sum ?? []) visit(j);
    state.set(i, "done");
    order.push(i);
  };
  resolved.forEach((_, i) => visit(i));
  return order;
}

/** The forms' disjoint "trong đó" groups as indicator ids: the parts are mutually exclusive, so
 *  their sum never exceeds the total. Parts without an indicator are left out. */
export function disjointGroups(forms: readonly FormSpec[]): { total: string; parts: string[] }[] {
  const out: { total: string; parts: string[] }[] = [];
  const seen = new Set<string>();
  for (const form of forms) {
    const resolved = resolveRows(form.rows).rows;
    form.rows.forEach((row, i) => {
      for (const g of resolved[i]?.parts ?? []) {
        if (!g.disjoint || !row.indicator) continue;
        const parts = g.rows.flatMap((j) => (form.rows[j]?.indicator ? [form.rows[j]!.indicator!] : []));
        const key = [row.indicator, ...parts].join(" ");
        if (parts.length < 2 || seen.has(key)) continue;
        seen.add(key);
        out.push({ total: row.indicator, parts });
      }
    });
  }
  return out;
}
