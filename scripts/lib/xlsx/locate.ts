// Cells of the workbook behind a diagnostic of the report file: a JSON pointer into the report
// → "Biểu 01!F12". A broken stock-flow identity names every cell it involves.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { IndicatorCatalogue, Period, ReportFile } from "../model/types.js";
import { cellRef, type Binding, type WorkbookLayout } from "./sheet.js";

function keyOf(b: Binding): string {
  switch (b.kind) {
    case "value":
      return `/values/${b.indicator}/${b.period}`;
    case "finance":
      return `finance|${b.component}|${b.source}|${b.period}|${b.field}`;
    case "narrative":
      return `/narrative/${b.key}`;
    case "info":
      return { status: "/status", submitted_on: "/submitted_on", approved_on: "/approved_on", number: "/document/number", date: "/document/date", recipients: "/document/recipients" }[b.field as string] ?? `/document/signer/${b.field}`;
  }
}

const unescape = (s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~");

export class CellLocator {
  private readonly cells = new Map<string, string>();
  constructor(
    layout: WorkbookLayout,
    private readonly report: ReportFile | null,
    private readonly catalogue: IndicatorCatalogue,
    private readonly periods: readonly Period[],
  ) {
    for (const s of layout.sheets) for (const c of s.inputs) this.cells.set(keyOf(c.binding), cellRef(s.name, c.row, c.col));
  }

  private one(pointer: string): string | undefined {
    const parts = pointer.split("/").slice(1).map(unescape);
    if (parts[0] === "finance" && parts.length >= 2) {
      const rec = this.report?.finance?.[Number(parts[1])];
      const field = parts[2] === "disbursed" ? "disbursed" : "plan";
      return rec ? this.cells.get(`finance|${rec.component}|${rec.source}|${rec.period}|${field}`) : undefined;
    }
    if (parts[0] === "document" && parts[1] === "recipients") return this.cells.get("/document/recipients");
    if (parts[0] === "values" && parts.length === 2) return [...this.cells].find(([k]) => k.startsWith(`/values/${parts[1]}/`))?.[1];
    return this.cells.get(pointer);
  }

  /** Cells of a diagnostic (first the one at fault), empty when it has none in the workbook. */
  locate(d: Diagnostic): string[] {
    const at = this.one(d.pointer);
    const out = at ? [at] : [];
    if (d.code === "VALUE_STOCK_FLOW") {
      const [, , stock, period] = d.pointer.split("/").map(unescape);
      const idn = this.catalogue.identities.find((i) => i.stock === stock);
      const i = this.periods.findIndex((p) => p.id === period);
      if (idn && i > 0) {
        const prev = this.periods[i - 1]!.id;
        for (const ptr of [`/values/${stock}/${prev}`, ...[...idn.minus, ...idn.plus].map((f) => `/values/${f}/${period}`)]) {
          const c = this.cells.get(ptr);
          if (c && !out.includes(c)) out.push(c);
        }
      }
    }
    return out;
  }
}
