// The import's report: each problem with its place in the workbook (sheet!cell) and, for the
// report file's diagnostics, its line and column there, then the code, message and hint.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CellLocator } from "./locate.js";
import type { XlsxDiagnostic } from "./read.js";

const SEVERITY_VI = { error: "lỗi", warning: "cảnh báo" } as const;

export function formatImport(problems: readonly (Diagnostic | XlsxDiagnostic)[], report: { file: string; locator: CellLocator } | null): string {
  const out: string[] = [];
  for (const d of problems) {
    const own = "cell" in d ? (d.cell ? [d.cell] : []) : report && d.file === report.file ? report.locator.locate(d) : [];
    const where = "cell" in d ? d.file : `${d.file}${d.line > 0 ? `:${d.line}:${d.column}` : ""}`;
    out.push(`${own.length ? `${own.join(", ")}  (${where})` : where}  ${SEVERITY_VI[d.severity]}  ${d.code}  ${d.message}`);
    out.push(`    → ${d.hint}`);
  }
  return out.length ? out.join("\n") + "\n" : "";
}
