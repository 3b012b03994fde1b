// markdown-it inline tokens → runs (bold / italic; everything else as plain text).

import type { Token } from "markdown-it";
import { clean, run, type RunSpec, type RunStyle } from "./text.js";

/** Runs of an `inline` token's children, on top of a base style (size, bold, italics). */
export function inlineRuns(token: Token | undefined, base: RunStyle, prefix = ""): RunSpec[] {
  const runs: RunSpec[] = [];
  let bold = 0;
  let italic = 0;
  const push = (text: string, br = false): void => {
    if (!text && !br) return;
    // Emphasis sets bold/italics; elsewhere the base's, or (unset) the paragraph style's.
    runs.push({ ...run(text, { ...base, ...(bold > 0 ? { bold: true } : {}), ...(italic > 0 ? { italics: true } : {}) }), ...(br ? { break: true } : {}) });
  };
  if (prefix) push(prefix);
  for (const t of token?.children ?? []) {
    switch (t.type) {
      case "strong_open":
        bold++;
        break;
      case "strong_close":
        bold = Math.max(0, bold - 1);
        break;
      case "em_open":
        italic++;
        break;
      case "em_close":
        italic = Math.max(0, italic - 1);
        break;
      case "softbreak":
        push(" ");
        break;
      case "hardbreak":
        push("", true);
        break;
      case "text":
      case "code_inline":
      case "html_inline":
        push(t.content);
        break;
      case "image":
        push(t.content || String(t.attrGet("alt") ?? ""));
        break;
      default:
        // link_open/close, s_open/close …: formatting dropped, the text children come through.
        break;
    }
  }
  return runs;
}

/** Plain text of an inline token (for measuring column widths). */
export function inlineText(token: Token | undefined): string {
  if (!token) return "";
  const parts: string[] = [];
  for (const t of token.children ?? []) {
    if (t.type === "text" || t.type === "code_inline") parts.push(t.content);
    else if (t.type === "softbreak" || t.type === "hardbreak") parts.push(" ");
  }
  return clean(parts.join(""));
}

/** True when the Markdown of a cell is wrapped in ** … ** (or __ … __) as a whole. */
export function isWhollyBold(token: Token | undefined): boolean {
  const src = (token?.content ?? "").trim();
  return /^\*\*[\s\S]+\*\*$/.test(src) || /^__[\s\S]+__$/.test(src);
}
