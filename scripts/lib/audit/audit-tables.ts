// The build-time audit: reads every rendered form table back from its printed cells, as a reader
// adding it up would, and checks the arithmetic the forms declare and the catalogue implies:
// sum rows equal the sum of their rows, "trong đó" parts never exceed their total and exhaustive
// parts add up to it, rates equal numerator / denominator, changes equal the difference of their
// columns and period totals the sum of their periods. A failure is a bug in the generator (the
// check has accepted the data), so the build stops with exit 2 and names the cell.
import type { Dataset } from "../model/dataset.js";
import type { Indicator } from "../model/types.js";
import { LEVEL_SEPARATOR } from "../render/view/blocks.js";
import type { TableModel } from "../render/view/form-table.js";

export interface AuditFailure {
  document: string;
  form: string;
  row: string;
  column: string;
  message: string;
}

export interface AuditedTable {
  document: string;
  /** "Biểu số 04". */
  form: string;
  table: TableModel;
}

export interface AuditEnv {
  indicators: ReadonlyMap<string, Indicator>;
  /** Ids of the flow periods, in order (y2016, y2017, mid2018). */
  flowPeriods: readonly string[];
}

export function auditEnv(ds: Dataset): AuditEnv {
  return { indicators: new Map(ds.catalogue.indicators.map((i) => [i.id, i])), flowPeriods: ds.project.periods.filter((p) => p.flow_label !== null).map((p) => p.id) };
}

/** A printed number with the rounding it may carry: "1.234" → 1234 ± 0; "7,09" → 7.09 ± 0.005. */
interface Printed {
  value: number;
  tol: number;
}

/** Reads a cell as printed ("28.667", "−0,80", "+12"); null for an empty or "-" cell. Cells are
 *  plain text (the DocTable's), so the text is read as it is. */
export function readCell(text: string): Printed | null {
  const t = text.trim();
  if (t === "" || t === "-") return null;
  const m = /^([+−-]?)(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?$/.exec(t);
  if (!m) return null;
  const decimals = m[3]?.length ?? 0;
  const value = Number(`${m[2]!.replace(/\./g, "")}.${m[3] ?? "0"}`) * (m[1] === "−" || m[1] === "-" ? -1 : 1);
  return { value, tol: decimals ? 0.5 * 10 ** -decimals : 0 };
}

const EPS = 1e-6;
const fmt = (v: number) => String(Math.round(v * 1000) / 1000).replace(".", ",");

type Kind = "additive" | "bounded" | "other";

/** What a column holds: additive (counts, money, changes), bounded (non-negative amounts: a part
 *  is at most its total), or neither (rates, text). */
function columnKind(expr: string, rowIndicator: Indicator | undefined, env: AuditEnv): Kind {
  const [op, a, b, c] = expr.split(":");
  const named = op === "value" ? b : op === "sum_flows" ? a : op === "change" ? c : undefined;
  const ind = named ? env.indicators.get(named) : rowIndicator;
  const ratio = ind !== undefined && (ind.kind === "rate" || ind.kind === "mean" || ind.kind === "text");
  switch (op) {
    case "value":
    case "sum_flows":
      return ratio ? "other" : "bounded";
    case "plan":
    case "disbursed":
      return "bounded";
    case "change":
      return ratio ? "other" : "additive";
    default:
      return "other";
  }
}

export function auditTable(t: AuditedTable, env: AuditEnv): AuditFailure[] {
  const out: AuditFailure[] = [];
  const { table } = t;
  const cell = (r: number, c: number) => readCell(table.rows[r]?.cells[c] ?? "");
  const rowName = (r: number) => {
    const row = table.rows[r]!;
    const number = row.cells[table.columns.indexOf("number")] ?? "";
    const label = row.cells[table.columns.indexOf("label")] ?? "";
    return [number, label].filter(Boolean).join(" ");
  };
  const fail = (r: number, c: number, message: string) => out.push({ document: t.document, form: t.form, row: rowName(r), column: table.headerPaths[c]!.join(` ${LEVEL_SEPARATOR} `), message });
  const indicatorOf = (r: number) => (table.rows[r]?.indicator ? env.indicators.get(table.rows[r]!.indicator!) : undefined);
  const kinds = (r: number) => table.columns.map((e) => columnKind(e, indicatorOf(r), env));

  const checkSum = (r: number, parts: number[], c: number, what: string) => {
    const target = cell(r, c);
    const got = parts.map((p) => cell(p, c));
    if (what === "phân tổ đầy đủ" && got.some((g) => !g)) return; // a breakdown not given in full is not a wrong figure
    if (got.every((g) => !g)) {
      if (target) fail(r, c, `${what}: ${fmt(target.value)} nhưng các dòng ${parts.map(rowName).join(" + ")} đều để trống`);
      return;
    }
    const sum = got.reduce((s, g) => s + (g?.value ?? 0), 0);
    const tol = (target?.tol ?? 0) + got.reduce((s, g) => s + (g?.tol ?? 0), 0) + EPS;
    if (Math.abs((target?.value ?? 0) - sum) > tol) fail(r, c, `${what}: ${target ? fmt(target.value) : "-"} ≠ tổng các dòng ${parts.map(rowName).join(" + ")} = ${fmt(sum)}`);
  };

  table.rows.forEach((row, r) => {
    const k = kinds(r);
    if (row.sum) k.forEach((kind, c) => kind !== "other" && checkSum(r, row.sum!, c, "dòng tổng"));
    for (const g of row.parts ?? []) {
      k.forEach((kind, c) => {
        if (kind === "other") return;
        if (g.exhaustive) checkSum(r, g.rows, c, "phân tổ đầy đủ");
        if (kind !== "bounded") return;
        const total = cell(r, c);
        if (g.disjoint) {
          const got = g.rows.map((p) => cell(p, c)).filter((x): x is Printed => x !== null);
          const sum = got.reduce((s, x) => s + x.value, 0);
          const tol = got.reduce((s, x) => s + x.tol, 0) + (total?.tol ?? 0) + EPS;
          if (got.length && sum - (total?.value ?? 0) > tol) fail(r, c, `các phần không trùng nhau ${g.rows.map(rowName).join(" + ")} = ${fmt(sum)} lớn hơn dòng tổng (${total ? fmt(total.value) : "-"})`);
        }
        for (const p of g.rows) {
          const part = cell(p, c);
          if (part && part.value - part.tol > (total?.value ?? 0) + (total?.tol ?? 0) + EPS) fail(p, c, `phần "trong đó" ${fmt(part.value)} lớn hơn dòng tổng ${rowName(r)} (${total ? fmt(total.value) : "-"})`);
        }
      });
    }
  });
  checkRates(table, env, cell, fail);
  checkColumnRelations(table, env, cell, fail);
  return out;
}

type CellAt = (r: number, c: number) => Printed | null;
type Fail = (r: number, c: number, message: string) => void;

/** n / d × scale, as an interval over the rounding of n and d, compared with the printed rate. */
function checkRatio(rate: Printed | null, n: Printed | null, d: Printed | null, scale: number): string | null {
  if (!n || !d || d.value - d.tol <= 0) return null;
  if (!rate) return null; // a rate left out ("-") is not a wrong figure
  const lo = ((n.value - n.tol) / (d.value + d.tol)) * scale;
  const hi = ((n.value + n.tol) / (d.value - d.tol)) * scale;
  if (rate.value + rate.tol + EPS < lo || rate.value - rate.tol - EPS > hi) return `tỷ lệ ${fmt(rate.value)} ≠ ${fmt(n.value)} / ${fmt(d.value)} × ${scale} = ${fmt((n.value / d.value) * scale)}`;
  return null;
}

function checkRates(table: TableModel, env: AuditEnv, cell: CellAt, fail: Fail): void {
  const col = (expr: string) => table.columns.indexOf(expr);
  const rowOf = (id: string) => table.rows.findIndex((r) => r.indicator === id);
  table.columns.forEach((expr, c) => {
    const [op, a, b, x] = expr.split(":");
    table.rows.forEach((row, r) => {
      let msg: string | null = null;
      if (op === "disbursed_rate") {
        // The rate column's own money columns: unfiltered, or filtered to one source group.
        const plans = table.columns.filter((e) => e === `plan:${a}` || e.startsWith(`plan:${a}:`));
        const pair = plans.map((p) => [col(p), col(p.replace(/^plan/, "disbursed"))] as const).find(([, d]) => d >= 0);
        if (pair) msg = checkRatio(cell(r, c), cell(r, pair[1]), cell(r, pair[0]), 100);
      } else if (op === "share" && a && b) {
        const num = x ? col(`value:${a}:${x}`) : col(`value:${a}`);
        const denRow = x ? r : rowOf(b);
        const den = x ? col(`value:${a}:${b}`) : col(`value:${a}`);
        if (num >= 0 && den >= 0 && denRow >= 0) msg = checkRatio(cell(r, c), cell(r, num), cell(denRow, den), 100);
      } else if (op === "value" && a) {
        const ind = env.indicators.get(b ?? row.indicator ?? "");
        if (ind?.aggregate.rule !== "ratio") return;
        const { numerator, denominator, scale } = ind.aggregate;
        if (b) {
          const n = col(`value:${a}:${numerator}`);
          const d = col(`value:${a}:${denominator}`);
          if (n >= 0 && d >= 0) msg = checkRatio(cell(r, c), cell(r, n), cell(r, d), scale);
        } else {
          const n = rowOf(numerator);
          const d = rowOf(denominator);
          if (n >= 0 && d >= 0) msg = checkRatio(cell(r, c), cell(n, c), cell(d, c), scale);
        }
      }
      if (msg) fail(r, c, msg);
    });
  });
}

function checkColumnRelations(table: TableModel, env: AuditEnv, cell: CellAt, fail: Fail): void {
  const col = (expr: string) => table.columns.indexOf(expr);
  table.columns.forEach((expr, c) => {
    const [op, a, b, x] = expr.split(":");
    table.rows.forEach((row, r) => {
      const ind = env.indicators.get(row.indicator ?? "");
      if (op === "change" && a && b) {
        const from = col(x ? `value:${a}:${x}` : `value:${a}`);
        const to = col(x ? `value:${b}:${x}` : `value:${b}`);
        const f = cell(r, from);
        const t = cell(r, to);
        const d = cell(r, c);
        if (from < 0 || to < 0 || !f || !t || !d) return;
        if (Math.abs(d.value - (t.value - f.value)) > d.tol + f.tol + t.tol + EPS) fail(r, c, `mức tăng/giảm ${fmt(d.value)} ≠ ${fmt(t.value)} − ${fmt(f.value)}`);
      } else if (op === "sum_flows" && (a || (ind && ind.kind !== "rate" && ind.kind !== "mean"))) {
        const named = a ? env.indicators.get(a) : ind;
        const cols = env.flowPeriods.filter((p) => !named || named.periods.includes(p)).map((p) => col(a ? `value:${p}:${a}` : `value:${p}`));
        if (cols.some((k) => k < 0)) return;
        const parts = cols.map((k) => cell(r, k));
        const total = cell(r, c);
        if (parts.some((p) => !p)) {
          if (total) fail(r, c, `tổng các kỳ ${fmt(total.value)} in ra khi có kỳ để trống`);
          return;
        }
        const sum = parts.reduce((s, p) => s + (p?.value ?? 0), 0);
        const tol = (total?.tol ?? 0) + parts.reduce((s, p) => s + (p?.tol ?? 0), 0) + EPS;
        if (Math.abs((total?.value ?? 0) - sum) > tol) fail(r, c, `tổng các kỳ ${total ? fmt(total.value) : "-"} ≠ ${fmt(sum)}`);
      }
    });
  });
}

/** Every failure of every table, in document order. */
export function auditTables(tables: readonly AuditedTable[], env: AuditEnv): AuditFailure[] {
  return tables.flatMap((t) => auditTable(t, env));
}

export function auditMessage(failures: readonly AuditFailure[]): string {
  const shown = failures.slice(0, 20).map((f) => `  ${f.document} · ${f.form} · dòng "${f.row}" · cột "${f.column}": ${f.message}`);
  return [`Kiểm tra bảng sau khi tạo văn bản: ${failures.length} ô không khớp (lỗi của chương trình, không phải của số liệu):`, ...shown, ...(failures.length > 20 ? [`  … và ${failures.length - 20} ô khác`] : [])].join("\n");
}

/** A bug found by the audit: the build stops (exit 2) and leaves the previous output in place. */
export class AuditError extends Error {
  constructor(readonly failures: readonly AuditFailure[]) {
    super(auditMessage(failures));
    this.name = "AuditError";
  }
}
