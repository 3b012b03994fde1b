// The Handlebars environment: isolated, strict (a missing field throws, naming the template and
// its line), known helpers only. Markdown templates run with noEscape because the view model
// has already escaped every data string for Markdown (render/markdown-escape.ts); HTML templates
// keep Handlebars' HTML escaping.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { mdText } from "./markdown-escape.js";

export class TemplateError extends Error {}

export interface Templates {
  render(name: string, data: object): string;
}

export function loadTemplates(dir: string): Templates {
  const hbs = Handlebars.create();
  // {{md x}}: plain text from data, escaped for Markdown (frame fields are plain text in the DocModel).
  hbs.registerHelper("md", (value: unknown) => mdText(String(value ?? "")));
  const partialDir = join(dir, "partials");
  for (const f of (existsSync(partialDir) ? readdirSync(partialDir) : []).filter((f) => f.endsWith(".hbs")).sort()) {
    hbs.registerPartial(f.replace(/\.md\.hbs$|\.html\.hbs$|\.hbs$/, ""), readFileSync(join(partialDir, f), "utf8"));
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".hbs")).sort()) {
    const source = readFileSync(join(dir, f), "utf8");
    compiled.set(f, hbs.compile(source, { strict: true, knownHelpers: { md: true }, knownHelpersOnly: true, noEscape: !f.endsWith(".html.hbs") }));
  }
  return {
    render(name, data) {
      const tpl = compiled.get(name);
      if (!tpl) throw new TemplateError(`templates/${name} does not exist`);
      try {
        return tpl(data);
      } catch (err) {
        throw new TemplateError(`templates/${name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    },
  };
}
