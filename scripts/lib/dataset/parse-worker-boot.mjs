// Boot file for the parse worker when the check runs from TypeScript sources (tsx): register
// tsx's loader inside the worker thread, then load the worker. A failure to load still counts the
// worker as done (with an error message), so the main thread never waits for it forever.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

try {
  register();
  await import("./parse-worker.ts");
} catch (err) {
  workerData.port.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  workerData.port.close();
  Atomics.add(workerData.shared, 1, 1);
  Atomics.notify(workerData.shared, 1);
}
