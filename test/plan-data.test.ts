// data/plan.yaml: valid against schemas/plan.schema.json, and a faithful copy of the seed plan.
// The seed text is copied into test/fixtures/seed-plan.txt; when the shared seed file is present
// beside the repository, a test checks the copy still matches it.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Plan, PlanItem } from "../scripts/lib/model/plan.js";

const root = (p: string): string => fileURLToPath(new URL(`../${p}`, import.meta.url));
/** The shared seed beside the repository (present in development and CI). */
const SEED_PATH = root("../shared/seed/000_e7e333f71fc9e581.txt");

/** The seed plan, verbatim (a copy of the shared seed file; stray spaces and blank lines included). */
const SEED = readFileSync(root("test/fixtures/seed-plan.txt"), "utf8");

const schema = JSON.parse(readFileSync(root("schemas/plan.schema.json"), "utf8")) as Record<string, unknown>;
const plan = parse(readFileSync(root("data/plan.yaml"), "utf8")) as Plan;

function makeValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/** D/M/YYYY with the day zero-padded to two digits, the month not padded: 31/7/2018, 05/9/2018. */
function formatDeadline(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  const [, y, mo, d] = m;
  return `${d}/${Number(mo)}/${y}`;
}

const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

function itemText(item: PlanItem): string {
  return item.deadline === undefined ? item.text : item.text.replaceAll("{deadline}", formatDeadline(item.deadline));
}

/** The plan's text in reading order, one entry per printed block, as the renderer lays it out. */
function renderedBlocks(p: Plan): string[] {
  const out: string[] = [...p.issuer, p.type_name, p.title, p.preamble];
  for (const section of p.sections) {
    out.push(`${section.number}. ${section.title}`);
    for (const item of section.items) {
      const text = itemText(item);
      out.push(item.number ? `${item.number}. ${text}` : text);
      out.push(...(item.paragraphs ?? []), ...(item.bullets ?? []));
    }
  }
  out.push(p.closing, ...p.recipients);
  return out.map(collapse);
}

/** Every string value of a parsed YAML tree, with its path. */
function* strings(node: unknown, path = "$"): Generator<[string, string]> {
  if (typeof node === "string") yield [path, node];
  else if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* strings(v, `${path}[${i}]`);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) yield* strings(v, `${path}.${k}`);
}

const allItems = (p: Plan): PlanItem[] => p.sections.flatMap((s) => s.items);

describe("schemas/plan.schema.json", () => {
  it("compiles in strict mode and gives every property a Vietnamese title and description", () => {
    expect(() => makeValidator()).not.toThrow();
    // Every entry of every `properties` map, except the conditional ones (if/then/dependentSchemas)
    // that only restate properties already described; a $ref'd property is described by its target.
    const defs = schema["$defs"] as Record<string, Record<string, unknown>>;
    const conditional = new Set(["if", "then", "dependentSchemas"]);
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        if (conditional.has(key)) continue;
        if (key === "properties" && value && typeof value === "object") {
          for (const [name, sub] of Object.entries(value as Record<string, Record<string, unknown>>)) {
            const ref = sub["$ref"];
            const target = typeof ref === "string" ? (defs[ref.replace("#/$defs/", "")] ?? {}) : sub;
            if (typeof target["title"] !== "string" || typeof target["description"] !== "string")
              missing.push(`${path}/properties/${name}`);
          }
        }
        walk(value, `${path}/${key}`);
      }
    };
    walk(schema, "#");
    expect(missing).toEqual([]);
  });

  it("rejects a {deadline} token without a date, a date without an id or token, unknown keys", () => {
    const validate = makeValidator();
    const withItem = (item: Record<string, unknown>): unknown => ({
      ...plan,
      sections: [{ number: "I", title: "X", items: [item] }],
    });
    expect(validate(withItem({ text: "Hoàn thành trước {deadline}." }))).toBe(false);
    expect(validate(withItem({ text: "Hoàn thành trước {deadline}.", deadline: "2018-07-31" }))).toBe(false);
    expect(validate(withItem({ id: "x", text: "Hoàn thành sớm.", deadline: "2018-07-31" }))).toBe(false);
    expect(validate(withItem({ id: "x", text: "Hoàn thành trước {deadline}.", deadline: "2018-02-31" }))).toBe(false);
    expect(validate(withItem({ text: "Câu.", note: "?" }))).toBe(false);
    expect(validate(withItem({ id: "x", text: "Hoàn thành trước {deadline}.", deadline: "2018-07-31" }))).toBe(true);
    expect(validate({ ...plan, closing: "Trên đây là Kế hoạch." })).toBe(false);
  });
});

describe("data/plan.yaml", () => {
  it("is valid against the schema", () => {
    const validate = makeValidator();
    const ok = validate(plan);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("holds NFC text only", () => {
    for (const [path, s] of strings(plan)) expect(s.normalize("NFC"), path).toBe(s);
  });

  it("carries the schedule deadlines as data, never typed in the text", () => {
    const byId = new Map(allItems(plan).flatMap((i) => (i.id ? [[i.id, i] as const] : [])));
    expect(byId.get("cap_xa")).toMatchObject({ level: "commune", deadline: "2018-07-31" });
    expect(byId.get("cap_huyen")).toMatchObject({ level: "district", deadline: "2018-08-31" });
    expect(byId.get("cap_tinh")).toMatchObject({ level: "province" });
    expect(byId.get("cap_tinh")?.deadline).toBeUndefined();
    expect(byId.get("tong_hop_tinh")).toMatchObject({ level: "province", deadline: "2018-09-05" });
    expect(byId.get("cap_xa")?.text).toMatch(/Hoàn thành trước \{deadline\}\.$/);
    expect(byId.get("cap_huyen")?.text).toMatch(/Hoàn thành trước ngày \{deadline\}\.$/);
    expect(byId.get("tong_hop_tinh")?.text).toContain("trước ngày {deadline} để tổng hợp");
    expect(formatDeadline("2018-07-31")).toBe("31/7/2018");
    expect(formatDeadline("2018-09-05")).toBe("05/9/2018");

    const deadlines = allItems(plan).flatMap((i) => (i.deadline ? [i.deadline] : []));
    expect(deadlines).toHaveLength(3);
    const spellings = deadlines.flatMap((iso) => {
      const [y, m, d] = iso.split("-");
      return [`${d}/${m}/${y}`, `${Number(d)}/${Number(m)}/${y}`, `${d}/${Number(m)}/${y}`, `${Number(d)}/${m}/${y}`];
    });
    for (const [path, s] of strings(plan))
      for (const typed of spellings) expect(s.includes(typed), `${path} types ${typed}`).toBe(false);
  });

  it.skipIf(!existsSync(SEED_PATH))("embeds the shared seed file verbatim", () => {
    expect(SEED).toBe(readFileSync(SEED_PATH, "utf8"));
  });

  it("contains every line and sentence of the seed, in order", () => {
    const seed = SEED.normalize("NFC");
    // Labels the renderer prints itself (not data).
    const rendererLabels = new Set(["Nơi nhận:"]);
    const lines = seed
      .split(/\r?\n/)
      .map(collapse)
      .filter((l) => l !== "" && !rendererLabels.has(l))
      .map((l) => l.replace(/^- /, "")); // dash items are stored without their "- "
    expect(lines.length).toBeGreaterThan(40);

    const blocks = renderedBlocks(plan);
    const text = blocks.join("\n");
    let from = 0;
    const notFound: string[] = [];
    for (const line of lines) {
      const at = text.indexOf(line, from);
      if (at < 0) notFound.push(line);
      else from = at + line.length;
    }
    expect(notFound).toEqual([]);

    // Sentence by sentence too (a line may hold several sentences).
    const sentences = collapse(seed.replaceAll(/^\s*- /gm, " "))
      .split(/(?<=[.;:])\s+/)
      .filter((s) => s !== "" && !rendererLabels.has(s));
    const flat = collapse(blocks.join(" "));
    for (const sentence of sentences) expect(flat.includes(sentence), sentence).toBe(true);
  });

  it("adds no text that the seed does not have (besides header, signer and annexes)", () => {
    const seedFlat = collapse(SEED.normalize("NFC"));
    const extra = renderedBlocks(plan)
      .slice(plan.issuer.length)
      .filter((b) => !seedFlat.includes(b));
    expect(extra).toEqual([]);
  });

  it("keeps the conventional header, closing, recipients and annexes", () => {
    expect(plan.issuer).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ"]);
    // The seed has no number, date nor signer: illustrative values, marked as such.
    expect(plan).toMatchObject({ symbol: "KH-UBND", number: "1852", place: "Phú Thọ", date: "2018-05-18", year: 2018 });
    expect(plan.illustrative).toEqual(["number", "date", "signer"]);
    expect(plan.sections.map((s) => s.number)).toEqual(["I", "II", "III", "IV"]);
    expect(plan.closing.endsWith("giải quyết./.")).toBe(true);
    expect(plan.recipients[0]).toBe("Bộ LĐTBXH;");
    expect(plan.recipients.at(-1)).toBe("Lưu: VT, VX5.");
    expect(plan.contact_email).toBe("btxhphutho@gmail.com");
    expect(plan.signer).toMatchObject({ authority: "TM. ỦY BAN NHÂN DÂN", deputy: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH" });
    expect(plan.annexes.map((a) => [a.label, a.title, a.kind])).toEqual([
      ["Phụ lục I", "ĐỀ CƯƠNG BÁO CÁO", "outline"],
      ["Phụ lục II", "HỆ THỐNG BIỂU MẪU LÀM VIỆC CỦA TỈNH", "forms"],
    ]);
    expect(plan.annexes[1]!.note).toMatch(/biểu mẫu làm việc .* chờ hệ thống biểu mẫu chính thức theo Thông tư số 39\/2016\/TT-BLĐTBXH/);
  });
});
