// Text from data placed into Markdown must stay text: backslash-escape every character that
// Markdown (or a pipe table) could read as syntax. markdown-it renders "\<" as "&lt;", so a
// unit named "<script>" shows as text in HTML and DOCX alike. Narratives are Markdown by design
// and are not escaped (markdown-it runs with raw HTML off).
export function mdText(text: string): string {
  return mdLineStart(mdInline(text));
}

/** Text inside a line (a table cell, a heading, part of a sentence): only inline syntax is escaped. */
export function mdInline(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, " ");
}

/**
 * Inline-escaped text that starts a line: what would open a block there (a heading "#", a dash
 * item "-", "+", a setext "=", a numbered item "3." or "3)") is escaped too. A dotted number
 * ("3.1. …", an outline's numbering) has its last dot escaped as well.
 */
export function mdLineStart(inline: string): string {
  return inline.replace(/^(\s*)([#+=-])/, "$1\\$2").replace(/^(\s*)(\d+(?:\.\d+)*)([.)])(\s|$)/, "$1$2\\$3$4");
}
