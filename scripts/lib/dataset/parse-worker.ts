// Worker thread of parse-pool.ts: claims report files from the shared counter (the main thread
// claims from the same one), reads each file's text from the shared buffer, parses and validates
// it, and posts the outcome on its port (the syntax tree stays here: the main thread re-parses a
// file only to locate a diagnostic in it).
// Counts itself done in the shared flag, error or not.
import { workerData, type MessagePort } from "node:worker_threads";
import { loadValidators } from "../schema/schemas.js";
import { parseAndValidate } from "./parse-file.js";
import { sharedSource, type SharedSources, type WorkerMessage } from "./parse-pool.js";

const { files, schemaDir, unitCodes, port, shared } = workerData as { files: SharedSources; schemaDir: string; unitCodes: string[]; port: MessagePort; shared: Int32Array };
try {
  const validators = loadValidators(schemaDir);
  const codes = new Set(unitCodes);
  for (let i = Atomics.add(shared, 0, 1); i < files.names.length; i = Atomics.add(shared, 0, 1)) {
    const source = sharedSource(files, i);
    const { file, schema, valid } = parseAndValidate(source, "report", validators, codes);
    const { doc, lineCounter: _lines, text, ...rest } = file;
    const message: WorkerMessage = { i, outcome: { file: { ...rest, doc: null, lineCounter: null, released: rest.released === true || doc !== null, ...(doc !== null ? { yamlDocument: true } : {}), ...(text === source.text ? {} : { text }) }, schema, valid } };
    port.postMessage(message);
  }
} catch (err) {
  port.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies WorkerMessage);
} finally {
  port.close();
  Atomics.add(shared, 1, 1);
  Atomics.notify(shared, 1);
}
