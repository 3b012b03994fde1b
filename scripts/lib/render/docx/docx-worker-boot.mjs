// Boot file for the DOCX worker when the build runs from TypeScript sources (tsx): register
// tsx's loader inside the worker thread, then load the worker itself.
import { register } from "tsx/esm/api";

register();
await import("./docx-worker.ts");
