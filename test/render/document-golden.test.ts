// The Markdown and HTML renderers on a small hand-made document tree (document-model.ts), framed
// as the build frames every document: two small goldens a reviewer can read whole. The bundled
// build is tested for properties (test/build/build.test.ts), not by goldens.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { blocksMarkdown } from "../../scripts/lib/render/blocks-markdown.js";
import { inProcessPacker } from "../../scripts/lib/render/docx/docx-pool.js";
import { renderDocument, type RenderedDocument } from "../../scripts/lib/render/documents.js";
import { loadTemplates } from "../../scripts/lib/render/templates.js";
import { parseBlocks } from "../../scripts/lib/render/view/blocks.js";
import { REPO } from "../check/fixture.js";
import { BODY, DOC } from "./document-model.js";

let out: RenderedDocument;
beforeAll(async () => {
  out = await renderDocument(loadTemplates(join(REPO, "templates")), DOC, inProcessPacker());
});

describe("renderDocument on a hand-made tree: golden files", () => {
  it("the .md matches its golden", async () => {
    await expect(out.md).toMatchFileSnapshot("./__golden__/document.md");
  });

  it("the .html matches its golden", async () => {
    await expect(out.html).toMatchFileSnapshot("./__golden__/document.html");
  });
});

describe("renderDocument on a hand-made tree: what the goldens must keep saying", () => {
  it("the body's Markdown reads back as the same tree", () => {
    expect(parseBlocks(blocksMarkdown(BODY))).toEqual(BODY);
  });

  it("data text is text in the HTML: no markup from the data, every < and & escaped", () => {
    expect(out.html).not.toMatch(/<script>|<dân tộc>|<thử>/);
    expect(out.html).toContain("Xã &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out.html).toContain("a | b &amp; c *d*");
  });

  it("the grouped headers are merged cells in HTML and 'group › column' in Markdown", () => {
    expect(out.html).toContain('<th colspan="2" style="text-align:center">Hộ nghèo</th>');
    expect(out.html).toContain('<th rowspan="2" style="text-align:center">TT</th>');
    expect(out.md).toContain("| TT | Đơn vị | Hộ nghèo › Số hộ | Hộ nghèo › Tỷ lệ % |");
  });

  it("says 'Số liệu minh họa' in both outputs and prints no 'undefined'", () => {
    for (const text of [out.md, out.html]) {
      expect(text).toContain("Số liệu minh họa");
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });
});

describe("renderDocument with a broken frame template", () => {
  it("stops with an error naming the template when the frame does not print the body (a bug, not a hang)", async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "frame-"));
    try {
      cpSync(join(REPO, "templates"), dir, { recursive: true });
      const frame = join(dir, "document.md.hbs");
      writeFileSync(frame, readFileSync(frame, "utf8").replaceAll("{{{body}}}", ""));
      await expect(renderDocument(loadTemplates(dir), DOC, inProcessPacker())).rejects.toThrow(/document\.md\.hbs must print the body/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
