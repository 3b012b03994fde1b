// Text from data placed into Markdown must stay text: backslash-escape every character that
// Markdown (or a pipe table) could read as syntax. markdown-it renders "\<" as "&lt;", so a
// unit named "<script>" shows as text in HTML and DOCX alike. Narratives are Markdown by design
// and are not escaped (markdown-it runs with raw HTML off).
export function mdText(text: string): string {
  return mdInline(text)
    .replace(/^(\s*)([#+=-])/gm, "$1\\$2")
    .replace(/^(\s*)(\d+)([.)])(\s|$)/gm, "$1$2\\$3$4")
    .replace(/\r?\n/g, " ");
}

/** Text inside a line (a table cell, a heading, part of a sentence): only inline syntax is escaped. */
export function mdInline(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, " ");
}
