// Worker thread: DocModel in, DOCX bytes out. Laying out and packing a DOCX is the slow part of
// a build (a commune's report with its eight forms is ~0,22 MB of XML), so the build spreads it
// over the machine's cores.
import { parentPort } from "node:worker_threads";
import type { DocModel } from "../../model/document.js";
import { buildDocx } from "./build-docx.js";
import { packDocx } from "./pack-docx.js";

parentPort?.on("message", async (msg: { id: number; model: DocModel }) => {
  try {
    const bytes = await packDocx(buildDocx(msg.model), msg.model.created);
    parentPort!.postMessage({ id: msg.id, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
