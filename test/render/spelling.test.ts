// One spelling per name in a document: names come from data as the GSO list spells them (e.g.
// "Thanh Thuỷ", "Hạ Hoà"), so the fixed text of the templates and of the code that writes
// documents must not use the other tone placement of the same syllables ("Thủy" vs "Thuỷ"):
// it keeps the modern placement everywhere ("hòa", "thủy", "Ủy ban").
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../check/fixture.js";

/** A word ending in oà/oá/oả/oã/oạ, oè…, uỳ/uý/uỷ/uỹ/uỵ: the old tone placement (hoà, thuỷ). */
const OLD_PLACEMENT = /[\p{L}]*(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}])/giu;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|hbs|html|css|js)$/.test(n) ? [p] : [];
  });
}

describe("fixed text of the documents", () => {
  it("uses the modern tone placement only (names keep the GSO spelling, from data)", () => {
    const found = [join(REPO, "templates"), join(REPO, "scripts/lib/render")].flatMap(files).flatMap((f) =>
      readFileSync(f, "utf8")
        .normalize("NFC")
        .split("\n")
        .flatMap((line, i) => [...line.matchAll(OLD_PLACEMENT)].map((m) => `${relative(REPO, f)}:${i + 1}: ${m[0]}`)),
    );
    expect(found).toEqual([]);
  });

  it("the check above finds the old placement when it is there", () => {
    expect("huyện Thanh Thuỷ, xã Hạ Hoà, hóa, Ủy ban".match(OLD_PLACEMENT)).toEqual(["Thuỷ", "Hoà"]);
  });
});
