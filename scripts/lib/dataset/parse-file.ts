// One data file's step: parsed by parse/, then checked against its kind's schema by schema/. The
// same step runs on the main thread and on the parse workers (parse-pool.ts).
import { parseYaml, type SourceFile } from "../parse/parse-yaml.js";
import type { FileKind, Validators } from "../schema/schemas.js";
import { validateFile, type FileOutcome } from "../schema/validate-file.js";

export type { FileOutcome };

export function parseAndValidate(source: SourceFile, kind: FileKind | null, validators: Validators, unitCodes: ReadonlySet<string>): FileOutcome {
  return validateFile(parseYaml(source), kind, validators, unitCodes);
}
