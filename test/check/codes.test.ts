// The diagnostic catalogue: every code has a Vietnamese title and gives a non-empty message and
// hint whatever its arguments (filled or empty); every code is listed in the README's table.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CODES, type DiagnosticCode } from "../../scripts/lib/diagnostics/codes.js";
import { REPO } from "./fixture.js";

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const codes = Object.keys(CODES) as DiagnosticCode[];

/** Arguments where every name reads as a placeholder ("<name>"), or as an empty string / zero. */
const filled = new Proxy({}, { get: (_t, k) => (typeof k === "string" ? `<${k}>` : undefined) }) as Record<string, string>;
const empty = new Proxy({}, { get: (_t, k) => (typeof k === "string" ? "" : undefined) }) as Record<string, string>;

describe("the code catalogue", () => {
  it("has codes in UPPER_SNAKE_CASE", () => {
    expect(codes.length).toBeGreaterThan(40);
    for (const c of codes) expect(c).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
  });

  it.each(codes)("%s: Vietnamese title, severity, non-empty message and hint", (code) => {
    const spec = CODES[code];
    expect(["error", "warning"]).toContain(spec.severity);
    expect(spec.title.trim()).not.toBe("");
    expect(spec.title, "title in Vietnamese").toMatch(VIETNAMESE);
    for (const args of [filled, empty]) {
      const message = spec.message(args);
      const hint = spec.hint(args);
      for (const text of [message, hint]) {
        expect(text.trim().length).toBeGreaterThan(5);
        expect(text).not.toMatch(/undefined|\[object |NaN/);
        expect(text).toBe(text.normalize("NFC"));
      }
      expect(message + hint, "message or hint in Vietnamese").toMatch(VIETNAMESE);
    }
  });
});

describe("README.md", () => {
  it("lists every code in its table of diagnostics", () => {
    const path = join(REPO, "README.md");
    const readme = existsSync(path) ? readFileSync(path, "utf8") : "";
    // A code counts as listed when it appears as a whole word in a Markdown table row.
    const rows = readme.split("\n").filter((l) => l.trimStart().startsWith("|"));
    const missing = codes.filter((c) => !rows.some((r) => new RegExp(`(^|[^A-Z0-9_])${c}([^A-Z0-9_]|$)`).test(r)));
    expect(missing, `README.md ${existsSync(path) ? "" : "(missing) "}does not list these codes in a table`).toEqual([]);
  });
});
