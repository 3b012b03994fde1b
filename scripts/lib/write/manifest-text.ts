// manifest.json as the build writes it. Every character beyond ASCII is escaped (\uXXXX): a reader
// gets the same values, and the build reads the file back as a string of one byte a character. A
// single "ả" (a level's name in the check's summary) made a nation's whole 42 MB manifest a string
// of two bytes a character: decoded, hashed and parsed several times slower on every rebuild. Each
// top-level key is on a line of its own, the first two as manifestHead (intact-output.ts) reads them;
// an array's items one per line: smaller than indented, and a diff of two manifests shows one line
// per file that changed.

/** `text` (JSON) with every character beyond ASCII escaped. */
const ascii = (text: string): string => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** A top-level value: an array of one item a line, anything else indented as JSON.stringify does. */
function valueText(value: unknown): string {
  if (Array.isArray(value) && value.length > 0) return `[\n${value.map((item) => `    ${ascii(JSON.stringify(item) ?? "null")}`).join(",\n")}\n  ]`;
  return ascii(JSON.stringify(value, null, 2).replace(/\n/g, "\n  "));
}

/** The manifest's text: its keys in their order, ASCII only, ending with a newline. */
export function manifestText(manifest: object): string {
  const lines = Object.entries(manifest)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `  ${ascii(JSON.stringify(key))}: ${valueText(value)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}
