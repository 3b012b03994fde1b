// A problem found in the data: never an exception (only bugs throw). Every stage returns its
// diagnostics; the CLI prints them all at once (see report-*.ts).
import type { DiagnosticCode } from "./codes.js";

import type { Severity } from "./code-spec.js";

export type { Severity };

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** What is wrong, in Vietnamese, without the location (the reporter prints it). */
  message: string;
  /** How to fix it, in Vietnamese. */
  hint: string;
  /** Path as the user sees it, relative to the working directory ("data/reports/…/00123-….yaml"). */
  file: string;
  /** RFC 6901 pointer into the file's data ("" = whole file). */
  pointer: string;
  /** 1-based; 0 when the file as a whole is at fault. */
  line: number;
  column: number;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order: by file, then line, column, code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
