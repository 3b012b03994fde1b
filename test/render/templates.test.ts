// The Handlebars environment is strict: a field the view model does not provide is an error that
// names the template and its line, never an empty string in an official document.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TemplateError, loadTemplates } from "../../scripts/lib/render/templates.js";

function templates(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "hbs-"));
  mkdirSync(join(dir, "partials"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return loadTemplates(dir);
}

describe("loadTemplates(dir)", () => {
  it("throws a TemplateError naming the template and the line of a missing field", () => {
    const t = templates({ "report.md.hbs": "# {{title}}\n\nThực hiện {{opening}}\n" });
    expect(() => t.render("report.md.hbs", { title: "BÁO CÁO" })).toThrow(TemplateError);
    expect(() => t.render("report.md.hbs", { title: "BÁO CÁO" })).toThrow(/templates\/report\.md\.hbs: "opening" not defined .* - 3:/);
  });

  it("refuses an unknown helper when compiling", () => {
    expect(() => templates({ "x.md.hbs": "{{shout title}}" }).render("x.md.hbs", { title: "a" })).toThrow(/shout/);
  });

  it("escapes data for Markdown with {{md}} and keeps HTML templates HTML-escaped", () => {
    const t = templates({ "a.md.hbs": "**{{md name}}**", "b.html.hbs": "<p>{{name}}</p>" });
    expect(t.render("a.md.hbs", { name: "Xã <script>*A*" })).toBe("**Xã \\<script\\>\\*A\\***");
    expect(t.render("b.html.hbs", { name: "<script>alert(1)</script>" })).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });
});
