// The code version names the deflate at hand (files/zip.ts): DOCX and XLSX bytes depend on node's
// zlib (its version, and its hashing by CPU), so a Node upgrade or another machine's deflate must
// give other content addresses, and the same deflate the same ones.
import { describe, expect, it, vi } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const deflate = vi.hoisted(() => ({ fingerprint: "zlib 1.3.1-aaaaaaa 0123456789abcdef" }));
vi.mock("../../scripts/lib/files/zip.js", () => ({ deflateFingerprint: () => deflate.fingerprint }));

const { codeVersion } = await import("../../scripts/lib/write/code-version.js");

describe("codeVersion", () => {
  it("changes with the deflate's fingerprint, and only with it when the files are the same", () => {
    const root = mkdtempSync(join(tmpdir(), "code-version-"));
    for (const dir of ["scripts", "site", "templates"]) mkdirSync(join(root, dir));
    writeFileSync(join(root, "package-lock.json"), "{}");
    writeFileSync(join(root, "scripts", "a.ts"), "export {};");
    const templates = join(root, "templates");
    const first = codeVersion(templates, root);
    expect(codeVersion(templates, root)).toBe(first);
    deflate.fingerprint = "zlib 1.3.1-bbbbbbb 0123456789abcdef";
    const upgraded = codeVersion(templates, root);
    expect(upgraded).not.toBe(first);
    deflate.fingerprint = "zlib 1.3.1-bbbbbbb fedcba9876543210";
    expect(codeVersion(templates, root)).not.toBe(upgraded);
  });
});
