// A docx component's XML written once and then placed, as text, wherever the component recurs.
//
// docx writes a part in two passes: each component's `prepForXml` gives a tree of plain objects
// ({ "w:p": [{ "w:pPr": … }, …] }), and its writer turns the tree into text, the way the `xml`
// package did. A form table's cells recur in every report (labels, row numbers, empty cells), and
// writing their trees again for every document was most of a DOCX's cost. `xmlText` writes such a
// tree exactly as docx's writer does (no indentation: docx packs without it), and `rawXml` wraps
// the text in a node docx's writer copies as it is: an element without a name writes no tag, and
// a content value that is neither a string nor an object is written with String() (numbers are
// written so), not escaped. test/docx/raw-xml.test.ts compares both with docx's own output.

import type { IXmlableObject } from "docx";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };
/** What docx escapes in text and attribute values; control characters are dropped. */
const TO_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** A value as docx writes it: strings escaped, other values (numbers, booleans) by String(). */
const valueText = (value: unknown): string => (typeof value === "string" ? escapeXml(value) : value === undefined ? "" : String(value));

/** Text or an attribute value escaped as docx escapes it (control characters dropped). */
export const escapeXml = (text: string): string => text.replace(TO_ESCAPE, (ch) => ESCAPES[ch] ?? "");

type Tree = Readonly<Record<string, unknown>>;

/**
 * The text docx writes for a formatted tree (what its `stringifyXmlable` gives without indentation),
 * quirks included: attributes from `_attr` (first in an element's content), a string among an
 * element's children replacing the child before it, an element with only attributes closed as `/>`.
 */
export function xmlText(tree: Tree): string {
  const name = Object.keys(tree)[0];
  const values = name === undefined ? undefined : tree[name];
  const attributes: string[] = [];
  const addAttributes = (attr: Tree): void => {
    for (const [key, value] of Object.entries(attr)) attributes.push(`${key}="${valueText(value)}"`);
  };
  const content: string[] = [];
  if (typeof values !== "object") content.push(valueText(values));
  else if (values !== null) {
    const { _attr: attr, _cdata: cdata } = values as { _attr?: Tree; _cdata?: string };
    if (attr) addAttributes(attr);
    if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, "]]]]><![CDATA[>")}]]>`);
    if (Array.isArray(values)) contentOf(values, content, addAttributes);
  }
  const open = (name ? `<${name}` : "") + (attributes.length > 0 ? ` ${attributes.join(" ")}` : "");
  if (content.length === 0) return `${open}/>`;
  return `${open}${name ? ">" : ""}${content.join("")}${name ? `</${name}>` : ""}`;
}

/** An element's children into `content`, framed by empty entries as docx's writer frames them. */
function contentOf(values: readonly unknown[], content: string[], addAttributes: (attr: Tree) => void): void {
  let text = false;
  content.push("");
  for (const value of values) {
    if (typeof value === "object" && value !== null) {
      if (Object.keys(value)[0] === "_attr") addAttributes((value as { _attr: Tree })._attr);
      else content.push(xmlText(value as Tree));
    } else {
      content.pop();
      text = true;
      content.push(valueText(value));
    }
  }
  if (!text) content.push("");
}

/** A formatted node that docx's writer writes as `xml`, verbatim (see the file's head). */
export function rawXml(xml: string): IXmlableObject {
  const verbatim = Object.assign(() => xml, { toString: () => xml });
  return { "": verbatim } as unknown as IXmlableObject;
}
