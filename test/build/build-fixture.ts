// Builds the other-province fixture (test/check/fixture.ts) into a temp folder, in-process.
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build as runBuild, type BuildResult } from "../../scripts/lib/pipeline.js";
import { REPO, SCHEMAS, makeFixture, type Fixture } from "../check/fixture.js";

export const TEMPLATES = join(REPO, "templates");

export async function buildFixture(fx: Fixture, out = mkdtempSync(join(tmpdir(), "build-out-"))): Promise<{ out: string; result: BuildResult }> {
  const result = await runBuild({ dataDir: fx.data, outDir: out, schemaDir: SCHEMAS, templateDir: TEMPLATES, workers: 0 });
  return { out, result };
}

/** Every file under dir, relative path → bytes. */
export function readTreeBytes(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export { makeFixture, REPO };
