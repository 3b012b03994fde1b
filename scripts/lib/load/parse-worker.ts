// Worker thread of parse-pool.ts: claims report files from the shared counter (the main thread
// claims from the same one), parses and validates each, and posts the outcome on its port (the
// syntax tree stays here: the main thread re-parses a file only to locate a diagnostic in it).
// Counts itself done in the shared flag, error or not.
import { workerData, type MessagePort } from "node:worker_threads";
import type { SourceFile } from "../parse/parse-yaml.js";
import { loadValidators } from "../schema/schemas.js";
import { parseAndValidate } from "./parse-file.js";

const { files, schemaDir, unitCodes, port, shared } = workerData as { files: SourceFile[]; schemaDir: string; unitCodes: string[]; port: MessagePort; shared: Int32Array };
try {
  const validators = loadValidators(schemaDir);
  const codes = new Set(unitCodes);
  for (let i = Atomics.add(shared, 0, 1); i < files.length; i = Atomics.add(shared, 0, 1)) {
    const { file, schema, valid } = parseAndValidate(files[i]!, "report", validators, codes);
    const { doc, lineCounter: _lines, ...rest } = file;
    port.postMessage({ file: { ...rest, doc: null, lineCounter: null, released: rest.released === true || doc !== null }, schema, valid });
  }
} catch (err) {
  port.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
} finally {
  port.close();
  Atomics.add(shared, 1, 1);
  Atomics.notify(shared, 1);
}
