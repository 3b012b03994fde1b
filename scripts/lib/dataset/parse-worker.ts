// Worker thread of parse-pool.ts: loads the validators (the stored code, else compiled), waits for its job, then claims report
// files from the shared counter (the main thread claims from the same one), reads each file's text
// from the shared buffer, parses and validates it, and posts the outcome on its port (the syntax
// tree stays here: the main thread re-parses a file only to locate a diagnostic in it).
// Counts itself done in the shared flag, error or not.
import { workerData, type MessagePort } from "node:worker_threads";
import type { Validators } from "../schema/schemas.js";
import { storedValidators } from "../cache/validator-store.js";
import { parseAndValidate } from "./parse-file.js";
import { sharedSource, type ParseJob, type SchemaSource, type WorkerMessage } from "./parse-pool.js";

const { schemaDir, storeDir, port, shared } = workerData as SchemaSource & { port: MessagePort; shared: Int32Array };

/** Counts this worker done (error or not), so the main thread never waits for it forever. */
function finish(error?: unknown): void {
  if (error !== undefined) port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
  port.close();
  Atomics.add(shared, 1, 1);
  Atomics.notify(shared, 1);
}

function run({ files, unitCodes }: ParseJob, validators: Validators): void {
  const codes = new Set(unitCodes);
  for (let i = Atomics.add(shared, 0, 1); i < files.names.length; i = Atomics.add(shared, 0, 1)) {
    const source = sharedSource(files, i);
    const { file, schema, valid } = parseAndValidate(source, "report", validators, codes);
    const { doc, lineCounter: _lines, text, ...rest } = file;
    const message: WorkerMessage = { i, outcome: { file: { ...rest, doc: null, lineCounter: null, released: rest.released === true || doc !== null, ...(doc !== null ? { yamlDocument: true } : {}), ...(text === source.text ? {} : { text }) }, schema, valid } };
    port.postMessage(message);
  }
}

// The validators are loaded while the main thread reads the files; then the job is awaited.
try {
  const { validators } = storedValidators(schemaDir, storeDir);
  port.once("message", (job: ParseJob) => {
    try {
      run(job, validators);
      finish();
    } catch (err) {
      finish(err);
    }
  });
} catch (err) {
  finish(err);
}
