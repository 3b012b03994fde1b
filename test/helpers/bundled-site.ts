// The site of a data folder built without packing DOCX files (the slow part of `build`): the same
// check, roll-up, report bodies and site model as `build`, documents left out. For browser tests
// that need the bundled province's names (search ranking) in seconds rather than minutes.
import { rollUp } from "../../scripts/lib/aggregate/roll-up.js";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import { readGeo } from "../../scripts/lib/load/read-geo.js";
import { blocksHtml } from "../../scripts/lib/render/documents.js";
import { planDocModel } from "../../scripts/lib/render/view/plan-view.js";
import { reportDocModel } from "../../scripts/lib/render/view/report-doc.js";
import { reportView } from "../../scripts/lib/render/view/report-view.js";
import { unitViews } from "../../scripts/lib/render/view/unit-view.js";
import { siteModel } from "../../scripts/lib/site/adapt/site-model.js";
import type { UnitDocs } from "../../scripts/lib/site/adapt/unit-page.js";
import { buildSite } from "../../scripts/lib/site/build-site.js";
import { withStagedOutput } from "../../scripts/lib/write/output-dir.js";
import type { SiteModel } from "../../scripts/lib/site/model.js";
import { SCHEMAS } from "../check/fixture.js";

/** `charts`: draw the unit pages' charts too, as `build` does (slower; default off). */
export async function buildDataSite(dataDir: string, outDir: string, opts: { charts?: boolean } = {}): Promise<SiteModel> {
  const check = runCheck({ dataDir, schemaDir: SCHEMAS, cwd: process.cwd() });
  if (!check.ok || !check.dataset) throw new Error(`data does not check: ${check.diagnostics.slice(0, 5).map((d) => `${d.file}:${d.line} ${d.code}`).join("; ")}`);
  const ds = check.dataset;
  const tree = rollUp(ds);
  const docs = new Map<string, UnitDocs>();
  for (const unit of ds.units.values()) {
    const hasBody = tree.figures.get(unit.code)?.report != null || (tree.children.get(unit.code)?.length ?? 0) > 0;
    const body = hasBody ? blocksHtml(reportDocModel(reportView(ds, tree, unit), ds.project).body) : null;
    docs.set(unit.code, { md: `documents/${unit.code}.md`, html: `documents/${unit.code}.html`, docx: `documents/${unit.code}.docx`, bodyHtml: body });
  }
  const planModel = planDocModel(ds);
  const plan = { md: "documents/ke-hoach.md", html: "documents/ke-hoach.html", docx: "documents/ke-hoach.docx", bodyHtml: blocksHtml(planModel.body) };
  const model = siteModel({ ds, tree, docs, plan, geo: readGeo(dataDir), views: unitViews(ds, tree) });
  await withStagedOutput(outDir, (w) => buildSite(model, w, opts.charts ? {} : { chartLevels: [] }));
  return model;
}
