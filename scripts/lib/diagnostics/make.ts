import { CODES, type DiagnosticCode } from "./codes.js";
import type { Diagnostic } from "./diagnostic.js";
import { locate, type Located } from "./locate.js";

export type DiagnosticArgs = Record<string, string | number>;

/** Where a problem is: a parsed file and a JSON pointer into it, reported on the key or the value. */
export interface Where {
  file: Located;
  pointer: string;
  on?: "key" | "value";
}

/** Builds a diagnostic from the catalogue; line and column come from the YAML AST. */
export function diagnostic(code: DiagnosticCode, args: DiagnosticArgs, where: Where): Diagnostic {
  const spec = CODES[code];
  const pos = locate(where.file, where.pointer, where.on ?? "value");
  return {
    code,
    severity: spec.severity,
    message: spec.message(args),
    hint: spec.hint(args),
    file: where.file.path,
    pointer: where.pointer,
    line: pos.line,
    column: pos.column,
  };
}

/** A diagnostic at an explicit position (YAML syntax errors, whole-file problems). */
export function diagnosticAt(code: DiagnosticCode, args: DiagnosticArgs, file: string, line: number, column: number): Diagnostic {
  const spec = CODES[code];
  return { code, severity: spec.severity, message: spec.message(args), hint: spec.hint(args), file, pointer: "", line, column };
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
