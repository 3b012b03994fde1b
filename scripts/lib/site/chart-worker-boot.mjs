// Boot file for the chart worker when the build runs from TypeScript sources (tsx), as the DOCX
// worker's (render/docx/docx-worker-boot.mjs).
import { register } from "tsx/esm/api";

register();
await import("./chart-worker.ts");
