// A build on threads (DOCX packed by the pool, the unit pages' charts drawn by theirs) writes the
// same bytes as a build on this thread alone: every document, workbook and page, charts included.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { build } from "../../scripts/lib/pipeline.js";
import { SCHEMAS } from "../check/fixture.js";
import { makeFixture, readTreeBytes, TEMPLATES } from "./build-fixture.js";

it("builds the same output with worker threads as without", async () => {
  const fx = makeFixture();
  const outs = await Promise.all(
    [0, 2].map(async (workers) => {
      const outDir = mkdtempSync(join(tmpdir(), `build-threads-${workers}-`));
      const result = await build({ dataDir: fx.data, outDir, schemaDir: SCHEMAS, templateDir: TEMPLATES, workers, load: { workers: 0 } });
      expect(result.built).toBe(true);
      return readTreeBytes(outDir);
    }),
  );
  const [alone, threads] = outs as [Map<string, Buffer>, Map<string, Buffer>];
  expect([...threads.keys()]).toEqual([...alone.keys()]);
  const pages = [...alone.keys()].filter((p) => /\.html$/.test(p) && alone.get(p)!.includes("<svg"));
  expect(pages.length).toBeGreaterThan(3); // pages with charts are compared too
  for (const [path, bytes] of alone) expect(threads.get(path)?.equals(bytes), path).toBe(true);
}, 600_000);
