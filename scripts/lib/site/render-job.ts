// What the build's worker threads make (site/render-pool.ts): a DOCX from its document model, an
// input workbook from its layout and report, the province-wide workbook from its sheets, a chart's
// SVG from its spec. Each is a pure function of the job, and each library (docx, exceljs, echarts)
// is loaded at the first job that needs it.
import type { DocModel } from "../model/document.js";
import type { ReportFile } from "../model/types.js";
import type { WorkbookLayout } from "../xlsx/sheet.js";
import type { ChartSpec } from "./charts.js";
import type { WorkbookSpec } from "./workbook.js";

export type RenderJob =
  | { kind: "docx"; model: DocModel }
  | { kind: "workbook"; layout: WorkbookLayout; report: ReportFile }
  | { kind: "sheets"; spec: WorkbookSpec }
  | { kind: "chart"; spec: ChartSpec };

export async function renderJob(job: RenderJob): Promise<Uint8Array | string> {
  switch (job.kind) {
    case "docx": {
      const [{ buildDocx }, { packDocx }] = await Promise.all([import("../render/docx/build-docx.js"), import("../render/docx/pack-docx.js")]);
      return packDocx(buildDocx(job.model), job.model.created);
    }
    case "workbook": {
      const { exportWorkbook } = await import("../xlsx/export.js");
      return exportWorkbook(job.layout, job.report);
    }
    case "sheets": {
      const { writeSheets } = await import("./workbook.js");
      return writeSheets(job.spec);
    }
    case "chart": {
      const { drawSpec } = await import("./charts.js");
      return drawSpec(job.spec);
    }
  }
}
