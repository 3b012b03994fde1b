// One document, three formats, all from its tree: the serializer (blocks-markdown.ts) writes the
// body and each annex as Markdown and the document template frames them for the .md file; the
// .html page's body and annexes are rendered from the tree (blocks-html.ts: merged group headers,
// bold rows, alignment), and markdown-it renders only the frame around them (header, title,
// addressees, signature); the DOCX builder lays the tree out in the official format.
import MarkdownIt from "markdown-it";
import type { DocAnnex, DocModel } from "../model/document.js";
import { blocksHtml, formHtml } from "./blocks-html.js";
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

/** An annex's HTML: its text, then its form. */
function annexHtml(annex: DocAnnex): string {
  return blocksHtml(annex.body) + (annex.form ? formHtml(annex.form) : "");
}

/** The page's HTML: the frame through markdown-it, each body and annex from its tree, put where
 *  the frame holds its placeholder (a paragraph of a word the frame's own text does not contain). */
function documentHtml(templates: Templates, doc: DocModel): string {
  const parts = [blocksHtml(doc.body), ...doc.annexes.map(annexHtml)];
  const frameOf = (mark: (i: number) => string) => templates.render("document.md.hbs", { ...doc, body: mark(0), annexes: doc.annexes.map((a, i) => ({ ...a, body: mark(i + 1) })) });
  let word = "htmlblock";
  while (frameOf(() => "").includes(word)) word += "x";
  const mark = (i: number) => `${word}${i}end`;
  let html = markdownToHtml(frameOf(mark));
  parts.forEach((part, i) => (html = html.replace(`<p>${mark(i)}</p>\n`, () => part)));
  return html;
}

export async function renderDocument(templates: Templates, doc: DocModel, packer: DocxPacker): Promise<RenderedDocument> {
  const framed = { ...doc, body: blocksMarkdown(doc.body), annexes: doc.annexes.map((a) => ({ ...a, body: annexMarkdown(a) })) };
  const markdown = templates.render("document.md.hbs", framed).replace(/\n{3,}/g, "\n\n");
  const html = templates.render("document.html.hbs", { title: `${doc.type_name} ${doc.title}`, html: documentHtml(templates, doc) });
  const docx = await packer.pack(doc);
  return { md: markdown, html, docx };
}

export { blocksHtml };
export type { DocAnnex };
