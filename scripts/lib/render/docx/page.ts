// Page setup: the page header (page number, notice) and section options.

import {
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from "docx";
import { A4, pt, type Ctx } from "./profile.js";
import { clean, para, endMark } from "./text.js";

export { documentStyles, FONT } from "./styles.js";

/**
 * The page header band: the page number centred (13–14 pt, upright, in the top margin) and, when
 * given, the notice right-aligned in small italics. `withNumber` false gives the first-page header,
 * which carries the notice only (no number on page 1).
 */
function headerParagraph(ctx: Ctx, notice: string | null, withNumber: boolean): Paragraph {
  const children: TextRun[] = [];
  if (withNumber) {
    children.push(new TextRun({ children: [new Tab(), PageNumber.CURRENT], size: pt(ctx.profile.pageNumber) }));
  } else {
    children.push(new TextRun({ children: [new Tab()], size: pt(ctx.profile.pageNumber) }));
  }
  if (notice) {
    children.push(new TextRun({ children: [new Tab()], size: pt(ctx.profile.notice) }));
    children.push(new TextRun({ text: clean(notice), italics: true, size: pt(ctx.profile.notice) }));
  }
  return para(children, {}, {
    tabStops: [
      { type: TabStopType.CENTER, position: Math.floor(ctx.textWidth / 2) },
      { type: TabStopType.RIGHT, position: ctx.textWidth },
    ],
  });
}

export function pageHeaders(ctx: Ctx, notice: string | null): { default: Header; first: Header } {
  return {
    default: new Header({ children: [headerParagraph(ctx, notice, true)] }),
    first: new Header({ children: [headerParagraph(ctx, notice, false)] }),
  };
}

/**
 * One section: A4 (docx's default size, never recomputed from mm), margins from the profile,
 * page numbers restarting at 1 (annexes are numbered on their own), no number on the first page.
 * For landscape, docx 9 swaps width/height itself when given the portrait size and LANDSCAPE.
 */
export function section(ctx: Ctx, notice: string | null, children: FileChild[]): ISectionOptions {
  const m = ctx.landscape ? ctx.profile.landscapeMargins : ctx.profile.portraitMargins;
  return {
    properties: {
      titlePage: true,
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: ctx.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...m, gutter: 0 },
        pageNumbers: { start: 1 },
      },
    },
    headers: pageHeaders(ctx, notice),
    // A section ending with a table gets a 1-pt paragraph to hold its properties (text.ts endMark).
    children: children.at(-1) instanceof Paragraph ? children : [...children, endMark()],
  };
}
