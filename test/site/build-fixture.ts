// Builds the fixture site into a fresh temp folder, plus placeholder documents standing in for
// the caller's DOCX/Markdown/HTML files, and reports the build time.

import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildSite } from "../../scripts/lib/site/build-site.js";
import { withStagedOutput } from "../../scripts/lib/write/output-dir.js";
import type { SiteModel } from "../../scripts/lib/site/model.js";
import { fixtureModel } from "./fixture-model.js";

export const SUBPATH = "du-an";

export interface BuiltFixture {
  model: SiteModel;
  /** A temp folder; the site is in its sub-folder SUBPATH, as on a GitHub Pages project address. */
  base: string;
  dir: string;
  ms: number;
  log: string[];
}

export async function buildFixture(): Promise<BuiltFixture> {
  const model = fixtureModel();
  const base = await mkdtemp(join(tmpdir(), "site-fixture-"));
  const dir = join(base, SUBPATH);
  const log: string[] = [];
  const t0 = performance.now();
  await withStagedOutput(dir, (w) => buildSite(model, w, { log: (m) => log.push(m) }));
  const ms = performance.now() - t0;
  const docs = [...model.units.flatMap((u) => u.documents), ...model.plan.documents];
  for (const d of docs) {
    const path = join(dir, d.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `placeholder ${d.format}\n`);
  }
  return { model, base, dir, ms, log };
}
