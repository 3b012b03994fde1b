// One document, three formats: the body template gives Markdown; the document template frames
// it for the .md file; markdown-it turns that into the .html page; the DOCX builder lays the
// same body Markdown out in the official format.
import MarkdownIt from "markdown-it";
import type { DocAnnex, DocModel } from "../model/document.js";
import type { DocxPacker } from "./docx/docx-pool.js";
import type { Templates } from "./templates.js";
import type { TableModel } from "./view/form-table.js";

export interface RenderedDocument {
  md: string;
  html: string;
  docx: Uint8Array;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const DELIM = { left: ":---", center: ":---:", right: "---:" } as const;

/** A form table as Markdown (the form-table partial), with its footnotes. */
export function formMarkdown(templates: Templates, table: TableModel, footnotes: string[]): string {
  return templates.render("form.md.hbs", { table: { ...table, delims: table.align.map((a) => DELIM[a]) }, footnotes });
}

export function markdownToHtml(markdown: string): string {
  return md.render(markdown);
}

export async function renderDocument(templates: Templates, doc: DocModel, packer: DocxPacker): Promise<RenderedDocument> {
  const markdown = templates.render("document.md.hbs", doc).replace(/\n{3,}/g, "\n\n");
  const html = templates.render("document.html.hbs", { title: `${doc.type_name} ${doc.title}`, html: markdownToHtml(markdown) });
  const docx = await packer.pack(doc);
  return { md: markdown, html, docx };
}

export type { DocAnnex };
