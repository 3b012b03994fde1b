// The human report: grouped by file, each problem with its position, code, message, a code
// frame of the source and the hint. Plain text (no colours), so it reads the same in a CI log.
import type { Diagnostic } from "./diagnostic.js";
import type { CheckSummary } from "./summary.js";

const SEVERITY_VI = { error: "lỗi", warning: "cảnh báo" } as const;

export function frame(text: string | undefined, line: number, column: number): string[] {
  if (!text || line <= 0) return [];
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const src = (lines[n - 1] ?? "").replace(/\t/g, "→");
    out.push(`  ${n === line ? ">" : " "} ${String(n).padStart(width)} | ${src}`.trimEnd());
    if (n === line) out.push(`    ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}^`);
  }
  return out;
}

export function summaryLine(s: CheckSummary, levelNames: Record<string, string>): string {
  const units = Object.entries(s.units)
    .map(([k, v]) => `${v} ${levelNames[k] ?? k}`)
    .join(", ");
  const verdict = s.errors > 0 ? "✖ Số liệu chưa hợp lệ" : "✔ Số liệu hợp lệ";
  return `${verdict}: ${s.errors} lỗi, ${s.warnings} cảnh báo trong ${s.files} tệp.${units ? ` Đơn vị: ${units}.` : ""}`;
}

/** Source texts by displayed path, for code frames (a Map, or texts decoded only when asked for). */
export interface SourceTexts {
  get(path: string): string | undefined;
  keys(): IterableIterator<string>;
}

export function formatText(diagnostics: readonly Diagnostic[], sources: SourceTexts, summary: CheckSummary, levelNames: Record<string, string>): string {
  const out: string[] = [];
  let current: string | null = null;
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current !== null) out.push("");
      out.push(d.file);
      current = d.file;
    }
    const pos = d.line > 0 ? `${d.line}:${d.column}` : "-";
    out.push(`  ${pos}  ${SEVERITY_VI[d.severity]}  ${d.code}  ${d.message}`);
    out.push(...frame(sources.get(d.file), d.line, d.column));
    out.push(`    → ${d.hint}`);
  }
  if (out.length) out.push("");
  out.push(summaryLine(summary, levelNames));
  return out.join("\n") + "\n";
}
