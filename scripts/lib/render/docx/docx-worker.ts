// Worker thread: DocModel in, DOCX bytes out. Laying out and packing a DOCX is the slow part of
// a build (a commune's report with its eight forms is ~0,22 MB of XML), so the build spreads it
// over the machine's cores.
import type { DocModel } from "../../model/document.js";
import { serveJobs } from "../worker-threads.js";
import { buildDocx } from "./build-docx.js";
import { packDocx } from "./pack-docx.js";

serveJobs((model: DocModel) => packDocx(buildDocx(model), model.created));
