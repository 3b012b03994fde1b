// One document, three formats, all from its tree: the serializer (blocks-markdown.ts) writes the
// body and each annex as Markdown and the document template's frame (rendered once) holds them for the .md file; the
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

/** The frame (document.md.hbs: header, title, addressees, signature, each annex's heading) rendered
 *  once, each body and annex marked by a placeholder word (`<word><i>end`) the frame's own text does
 *  not contain; `fill` puts each part where its mark stands, in one pass. */
function documentFrame(templates: Templates, doc: DocModel): { text: string; fill: (into: string, around: (mark: string) => string, parts: readonly string[]) => string } {
  const count = 1 + doc.annexes.length;
  let word = "htmlblock";
  let found = 0;
  // A word the data happens to contain is lengthened; a frame that does not print each body once
  // is a template bug (exit 2), never a hang.
  for (let tries = 0; tries < 8; tries++, word += "x") {
    const mark = (i: number) => `${word}${i}end`;
    const text = templates.render("document.md.hbs", { ...doc, body: mark(0), annexes: doc.annexes.map((a, i) => ({ ...a, body: mark(i + 1) })) });
    found = text.split(word).length - 1;
    if (found === count) {
      const fill = (into: string, around: (m: string) => string, parts: readonly string[]) => into.replace(new RegExp(around(`${word}(\\d+)end`), "g"), (_, i: string) => parts[Number(i)]!);
      return { text, fill };
    }
  }
  throw new Error(`templates/document.md.hbs must print the body and each annex's body exactly once (${count} in all); it printed ${found}`);
}

export async function renderDocument(templates: Templates, doc: DocModel, packer: DocxPacker): Promise<RenderedDocument> {
  // The DOCX first: a thread packs it while this one writes the Markdown and HTML.
  const docx = packer.pack(doc);
  docx.catch(() => {}); // awaited below (a failing template must not leave it unhandled)
  const frame = documentFrame(templates, doc);
  // The .md: each body and annex serialized as Markdown in the frame's text.
  const markdown = frame.fill(frame.text, (m) => m, [blocksMarkdown(doc.body), ...doc.annexes.map(annexMarkdown)]).replace(/\n{3,}/g, "\n\n");
  // The .html: the frame through markdown-it, each body and annex rendered from its tree where
  // markdown-it made its mark a paragraph.
  const page = frame.fill(markdownToHtml(frame.text), (m) => `<p>${m}</p>\n`, [blocksHtml(doc.body), ...doc.annexes.map(annexHtml)]);
  const html = templates.render("document.html.hbs", { title: `${doc.type_name} ${doc.title}`, html: page });
  return { md: markdown, html, docx: await docx };
}

export { blocksHtml };
export type { DocAnnex };
