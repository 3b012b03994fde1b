// The input workbook of one unit, described as data: which sheets, which fixed cells (titles,
// headers, row numbers and labels), which input cells and what each one binds to in the report
// file. Export writes it, import checks a workbook against it and reads the input cells back,
// locate maps a report pointer to its cell. Pure: no I/O, no exceljs.
import { createHash } from "node:crypto";
import type { Dataset } from "../model/dataset.js";
import type { FormColumn, FormSpec, Indicator, Period, Unit } from "../model/types.js";
import { applicableIndicators } from "../workflow/new-report.js";
import { financeSheet, infoSheet, narrativeSheet, otherSheet } from "./other-sheets.js";
import { address, footnotes, leaves, newSheet, numberType, quoted, sheetNameOf, titleBlock, type SheetLayout, type WorkbookLayout } from "./sheet.js";

function depth(cols: readonly FormColumn[]): number {
  return Math.max(0, ...cols.map((c) => 1 + depth(c.children ?? [])));
}

/** Header cells of nested columns: a group spans its leaves, a leaf spans down to the last header row. */
function headerCells(cols: readonly FormColumn[], top: number, rows: number, sheet: SheetLayout): void {
  let col = 1;
  const place = (list: readonly FormColumn[], level: number) => {
    for (const c of list) {
      const start = col;
      if (c.children?.length) {
        sheet.fixed.push({ row: top + level, col: start, role: "header", text: c.label, bold: true });
        place(c.children, level + 1);
        if (col - 1 > start) sheet.merges.push(`${address(top + level, start)}:${address(top + level, col - 1)}`);
      } else {
        sheet.fixed.push({ row: top + level, col: start, role: "header", text: c.label, bold: true });
        if (top + rows - 1 > top + level) sheet.merges.push(`${address(top + level, start)}:${address(top + rows - 1, start)}`);
        col++;
      }
    }
  };
  place(cols, 0);
}

/** What every annex form sheet is laid out against, and what the forms share across sheets. */
interface FormContext {
  unit: Unit;
  illustrative: boolean;
  periods: readonly Period[];
  indicators: Map<string, Indicator>;
  applicable: Set<string>;
  /** First input cell of an indicator at a period, workbook-wide ("'Biểu 01'!D7"). */
  firstCell: Map<string, string>;
  /** Indicators some form shows a row of. */
  shownRows: Set<string>;
  /** Formulas of computed columns, laid once every input cell is known. */
  deferred: (() => void)[];
}

export function workbookLayout(ds: Dataset, unit: Unit): WorkbookLayout {
  const illustrative = ds.project.illustrative;
  const periods = ds.project.periods;
  const ctx: FormContext = {
    unit,
    illustrative,
    periods,
    indicators: new Map(ds.catalogue.indicators.map((i) => [i.id, i])),
    applicable: new Set(applicableIndicators(ds, unit).map((i) => i.id)),
    firstCell: new Map(),
    shownRows: new Set(),
    deferred: [],
  };
  const forms = ds.forms.filter((f) => f.levels.includes(unit.level));
  const sheets: SheetLayout[] = [infoSheet(ds, unit, illustrative)];
  // Annex forms laid out by indicator: the unit's own figures.
  for (const form of forms.filter((f) => f.layout === "indicators")) sheets.push(formSheet(form, ctx));

  // Indicators the unit reports that no form of its level shows.
  const others = [...ctx.applicable].filter((id) => !ctx.shownRows.has(id)).map((id) => ctx.indicators.get(id)!);
  if (others.length) sheets.push(otherSheet(others, unit, illustrative, periods.map((p) => ({ id: p.id, label: p.flow_label ?? p.stock_label })), ctx.firstCell));

  if (forms.some((f) => f.layout === "finance_sources" || f.layout === "finance_components")) sheets.push(financeSheet(ds, unit, illustrative));
  sheets.push(narrativeSheet(ds, unit, illustrative));
  for (const run of ctx.deferred) run();
  for (const s of sheets) s.fixed.sort((a, b) => a.row - b.row || a.col - b.col);

  return { unit, round: ds.project.round, version: layoutVersion(sheets), sheets };
}

/** The SHA-256 of the sheets' shape as JSON (`[{"n":…,"f":…,"i":…,"m":…},…]`), first 12 hex digits,
 *  hashed sheet by sheet: the same digest as of the whole text at once, without building it (a
 *  workbook's shape is ~120 000 characters; one string of it costs 3 times as much to hash). */
function layoutVersion(sheets: readonly SheetLayout[]): string {
  const h = createHash("sha256").update("[");
  sheets.forEach((s, i) => {
    const shape = { n: s.name, f: s.fixed.map((c) => [c.row, c.col, c.role, c.text]), i: s.inputs.map((c) => [c.row, c.col, c.type, c.binding]), m: s.merges };
    h.update(i === 0 ? JSON.stringify(shape) : `,${JSON.stringify(shape)}`);
  });
  return h.update("]").digest("hex").slice(0, 12);
}

/** One annex form laid out by indicator: title, nested headers, a row per indicator row of the unit's level. */
function formSheet(form: FormSpec, ctx: FormContext): SheetLayout {
  const sheet = newSheet(sheetNameOf(form));
  const cols = leaves(form.columns);
  sheet.widths = cols.map((c) => c.width * 1.6);
  const top = titleBlock(sheet, cols.length, sheet.name, form.title, ctx.unit, ctx.illustrative, form.unit_of_measure);
  const hdr = depth(form.columns);
  headerCells(form.columns, top, hdr, sheet);
  let row = top + hdr;
  sheet.bodyRow = row;
  for (const r of form.rows.filter((x) => !x.levels || x.levels.includes(ctx.unit.level))) {
    const ind = r.indicator ? ctx.indicators.get(r.indicator) : undefined;
    if (ind) ctx.shownRows.add(ind.id);
    formRow(sheet, row, r, ind, cols, ctx);
    row++;
  }
  footnotes(sheet, form.footnotes ?? [], row + 1, cols.length);
  return sheet;
}

/** The cells of one form row: number, label and unit fixed; an input per value the unit reports (a
 *  formula pointing to it when another sheet already asks for the same value); computed columns deferred. */
function formRow(sheet: SheetLayout, row: number, r: FormSpec["rows"][number], ind: Indicator | undefined, cols: ReturnType<typeof leaves>, ctx: FormContext): void {
  const heading = !!r.heading || !ind;
  const cellOf = new Map<string, number>(); // period → column of this row's value cell
  cols.forEach((c, i) => {
    const col = i + 1;
    const [op, a] = c.value.split(":");
    if (op === "number") sheet.fixed.push({ row, col, role: "number", text: r.number, bold: heading });
    else if (op === "label") sheet.fixed.push({ row, col, role: "label", text: r.label ?? ind?.name ?? "", bold: heading });
    else if (op === "unit") sheet.fixed.push({ row, col, role: "label", text: ind?.unit ?? "" });
    else if (op === "value" && ind && a && !heading && !ind.computed && ctx.applicable.has(ind.id) && ind.periods.includes(a)) {
      const key = `${ind.id}@${a}`;
      const first = ctx.firstCell.get(key);
      cellOf.set(a, col);
      if (first) sheet.fixed.push({ row, col, role: "formula", text: first });
      else {
        sheet.inputs.push({ row, col, type: numberType(ind), binding: { kind: "value", indicator: ind.id, period: a }, decimals: ind.decimals ?? 0 });
        ctx.firstCell.set(key, `${quoted(sheet.name)}!${address(row, col)}`);
      }
    } else if (op === "note") sheet.fixed.push({ row, col, role: "label", text: "" });
    else if (!heading) {
      // Computed columns (totals, changes, rates): formulas once every input cell is known.
      ctx.deferred.push(() => {
        const f = formulaFor(c.value, ind!, cellOf, row, ctx.firstCell, ctx.periods.filter((p) => p.flow_label !== null).map((p) => p.id));
        sheet.fixed.push(f ? { row, col, role: "formula", text: f } : { row, col, role: "computed", text: "" });
      });
    }
  });
}

function formulaFor(expr: string, ind: Indicator, cellOf: Map<string, number>, row: number, firstCell: Map<string, string>, flows: string[]): string | null {
  const [op, a, b] = expr.split(":");
  const here = (p: string | undefined) => (p && cellOf.has(p) ? address(row, cellOf.get(p)!) : null);
  if (op === "sum_flows") {
    const cells = flows.map(here).filter((c): c is string => c !== null);
    return cells.length ? `SUM(${cells.join(",")})` : null;
  }
  if (op === "change") {
    const from = here(a);
    const to = here(b);
    return from && to ? `IF(OR(${from}="",${to}=""),"",${to}-${from})` : null;
  }
  if (op === "share") {
    const part = here(a);
    const whole = a && b ? firstCell.get(`${b}@${a}`) : undefined;
    return part && whole ? `IF(N(${whole})=0,"",ROUND(${part}/${whole}*100,2))` : null;
  }
  if (op === "value" && a && ind.aggregate.rule === "ratio") {
    const num = firstCell.get(`${ind.aggregate.numerator}@${a}`);
    const den = firstCell.get(`${ind.aggregate.denominator}@${a}`);
    return num && den ? `IF(N(${den})=0,"",ROUND(${num}/${den}*${ind.aggregate.scale},2))` : null;
  }
  return null;
}
