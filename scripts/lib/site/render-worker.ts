// Worker thread of render-pool.ts: a job in (a DOCX, a workbook, a chart), its bytes or SVG out.
import { serveJobs } from "../render/worker-threads.js";
import { renderJob } from "./render-job.js";

serveJobs(renderJob);
