// An isolated Handlebars environment for the site: strict mode (a missing field is an error,
// not an empty string), default HTML escaping for everything. Pages live in templates/site/*.hbs,
// partials in templates/site/partials/*.hbs (registered under their file name).
//
// Triple-stash ({{{ }}}) is used only for: the bodies of reports and the plan (`html` fields of
// the SiteModel: document trees rendered by `blocksHtml`, every text escaped) and the chart SVG
// produced here by ECharts (which escapes its text). Everything else goes through {{ }}.

import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { repoPath } from "../files/repo-root.js";

export const TEMPLATES_DIR = repoPath("templates", "site");

export type RenderPage = (page: string, context: object) => string;

async function hbsFiles(dir: string): Promise<{ name: string; source: string }[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith(".hbs")).sort();
  return Promise.all(
    names.map(async (f) => ({ name: basename(f, ".hbs"), source: await readFile(join(dir, f), "utf8") })),
  );
}

export async function loadTemplates(dir = TEMPLATES_DIR): Promise<RenderPage> {
  const hb = Handlebars.create();
  const options = { strict: true, preventIndent: true } as const;

  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("gt", (a: unknown, b: unknown) => Number(a) > Number(b));
  hb.registerHelper("or", (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper("not", (a: unknown) => !a);

  for (const p of await hbsFiles(join(dir, "partials"))) {
    hb.registerPartial(p.name, hb.compile(p.source, options));
  }
  const pages = new Map<string, Handlebars.TemplateDelegate>();
  for (const p of await hbsFiles(dir)) pages.set(p.name, hb.compile(p.source, options));

  return (page, context) => {
    const tpl = pages.get(page);
    if (!tpl) throw new Error(`site: no template templates/site/${page}.hbs`);
    return tpl(context);
  };
}
