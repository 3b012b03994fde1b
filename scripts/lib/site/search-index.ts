// Full-text search: pagefind indexes the written pages (only what is inside data-pagefind-body)
// and writes pagefind/ next to them. Pagefind strips combining marks but keeps "đ", so each page
// also carries its names folded to ASCII (see the layout's `fold` field).

import { join } from "node:path";
import * as pagefind from "pagefind";

export async function writeSearchIndex(outDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi", keepIndexUrl: true });
  try {
    if (!index) throw new Error(`site: pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: outDir, glob: "**/*.html" });
    if (added.errors.length) throw new Error(`site: pagefind indexing failed: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(outDir, "pagefind") });
    if (written.errors.length) throw new Error(`site: pagefind write failed: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
