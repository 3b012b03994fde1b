// Boot file for the render worker when the build runs from TypeScript sources (tsx), as the DOCX
// worker's (render/docx/docx-worker-boot.mjs).
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
