// One document, three formats: the body template gives Markdown; the document template frames
// it, with each annex form printed as a pipe table, for the .md file; markdown-it turns that into
// the .html page; the DOCX builder lays the same body Markdown and the typed forms out in the
// official format.
import MarkdownIt from "markdown-it";
import type { DocAnnex, DocForm, DocModel } from "../model/document.js";
import type { DocxPacker } from "./docx/docx-pool.js";
import type { Templates } from "./templates.js";
import { mdInline, mdText } from "./markdown-escape.js";

export interface RenderedDocument {
  md: string;
  html: string;
  docx: Uint8Array;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const DELIM = { left: ":---", center: ":---:", right: "---:" } as const;

/** A form as Markdown (the form-table partial): its plain text escaped, nested headers joined with " › ". */
export function formMarkdown(templates: Templates, form: DocForm): string {
  const { table } = form;
  return templates.render("form.md.hbs", {
    table: {
      headers: table.headerPaths.map((p) => p.map(mdInline).join(" › ")),
      delims: table.align.map((a) => DELIM[a]),
      rows: table.rows.map((r) => ({ bold: r.bold, cells: r.cells.map(mdInline) })),
    },
    footnotes: form.footnotes.map(mdText),
  });
}

/** An annex's Markdown: its text, then its form. */
export function annexMarkdown(templates: Templates, annex: DocAnnex): string {
  return [annex.body, annex.form ? formMarkdown(templates, annex.form) : ""].filter(Boolean).join("\n\n");
}

export function markdownToHtml(markdown: string): string {
  return md.render(markdown);
}

export async function renderDocument(templates: Templates, doc: DocModel, packer: DocxPacker): Promise<RenderedDocument> {
  const framed = { ...doc, annexes: doc.annexes.map((a) => ({ ...a, body: annexMarkdown(templates, a) })) };
  const markdown = templates.render("document.md.hbs", framed).replace(/\n{3,}/g, "\n\n");
  const html = templates.render("document.html.hbs", { title: `${doc.type_name} ${doc.title}`, html: markdownToHtml(markdown) });
  const docx = await packer.pack(doc);
  return { md: markdown, html, docx };
}

export type { DocAnnex };
