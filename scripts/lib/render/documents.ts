// One document, three formats, all from its tree: the serializer (blocks-markdown.ts) writes the
// body and each annex as Markdown and the document template frames them for the .md file;
// markdown-it turns that same Markdown into the .html page (the serializer's output reads back as
// the tree it came from); the DOCX builder lays the tree out in the official format.
import MarkdownIt from "markdown-it";
import type { Block, DocAnnex, DocModel } from "../model/document.js";
import { blocksMarkdown, formMarkdown } from "./blocks-markdown.js";
import type { DocxPacker } from "./docx/docx-pool.js";
import type { Templates } from "./templates.js";

export interface RenderedDocument {
  md: string;
  html: string;
  docx: Uint8Array;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** An annex's Markdown: its text, then its form. */
export function annexMarkdown(annex: DocAnnex): string {
  return [blocksMarkdown(annex.body), annex.form ? formMarkdown(annex.form) : ""].filter(Boolean).join("\n");
}

export function markdownToHtml(markdown: string): string {
  return md.render(markdown);
}

/** A body as HTML (the site's copy of a document's text). */
export function blocksHtml(blocks: readonly Block[]): string {
  return markdownToHtml(blocksMarkdown(blocks));
}

export async function renderDocument(templates: Templates, doc: DocModel, packer: DocxPacker): Promise<RenderedDocument> {
  const framed = { ...doc, body: blocksMarkdown(doc.body), annexes: doc.annexes.map((a) => ({ ...a, body: annexMarkdown(a) })) };
  const markdown = templates.render("document.md.hbs", framed).replace(/\n{3,}/g, "\n\n");
  const html = templates.render("document.html.hbs", { title: `${doc.type_name} ${doc.title}`, html: markdownToHtml(markdown) });
  const docx = await packer.pack(doc);
  return { md: markdown, html, docx };
}

export type { DocAnnex };
