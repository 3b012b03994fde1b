// One parsed data file checked against its kind's schema. The same step runs on the main thread
// and on the parse workers (dataset/parse-pool.ts), so both give the same diagnostics.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { releaseDocument } from "../diagnostics/locate.js";
import type { ParsedFile } from "../parse/parse-yaml.js";
import { schemaDiagnostics } from "./schema-errors.js";
import { SCHEMA_OF, type FileKind, type Validators } from "./schemas.js";

export interface FileOutcome {
  file: ParsedFile;
  /** The schema's diagnostics (the parser's are in file.diagnostics). */
  schema: Diagnostic[];
  /** Null when the file was not validated (unknown location, or it did not parse). */
  valid: boolean | null;
}

export function validateFile(p: ParsedFile, kind: FileKind | null, validators: Validators, unitCodes: ReadonlySet<string>): FileOutcome {
  if (!kind || p.data === undefined || p.diagnostics.some((d) => d.severity === "error")) return { file: p, schema: [], valid: null };
  const validate = validators.get(SCHEMA_OF[kind]);
  if (!validate) throw new Error(`schema ${SCHEMA_OF[kind]} is not loaded`);
  const valid = validate(p.data);
  const schema = valid ? [] : schemaDiagnostics(validate.errors, p, { unitCodes });
  // Reports are many: keep their data and text, not their syntax trees (re-parsed if located).
  if (kind === "report") releaseDocument(p);
  return { file: p, schema, valid };
}
