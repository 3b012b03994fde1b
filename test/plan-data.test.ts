// data/plan.yaml: valid against schemas/plan.schema.json, and a faithful copy of the seed plan.
// The seed text is embedded below (CI runs on a clean clone without /work/shared); when the shared
// seed file is present, a test checks the embedded copy still matches it.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Plan, PlanItem } from "../scripts/lib/model/plan.js";

const root = (p: string): string => fileURLToPath(new URL(`../${p}`, import.meta.url));
const SEED_PATH = "/work/shared/seed/000_e7e333f71fc9e581.txt";

/** The seed plan, verbatim (000_e7e333f71fc9e581.txt; stray spaces and blank lines included). */
const SEED = ` KẾ HOẠCH

Tổ chức đánh giá giữa kỳ Chương trình mục tiêu quốc gia Giảm nghèo
bền vững giai đoạn 2016-2020 và kết quả rà soát, tích hợp hệ thống

chính sách giảm nghèo trên địa bàn tỉnh Phú Thọ

Thực hiện Hướng dẫn số 1749/LĐTBXH-VPQGGN ngày 10/5/2018 của Bộ Lao động - Thương binh và Xã hội về việc tổ chức đánh giá giữa kỳ Chương trình MTQG Giảm nghèo bền vững giai đoạn 2016-2020 và kết quả rà soát, tích hợp hệ thống chính sách giảm nghèo. Ủy ban nhân dân tỉnh xây dựng Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Đánh giá những kết quả đạt được so với tiến độ, mục tiêu, chỉ tiêu, nhiệm vụ đề ra trong Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016-2020 (sau đây gọi là Chương trình) và kết quả rà soát, tích hợp hệ thống chính sách giảm nghèo theo Nghị quyết số 76/2014/QH13 ngày 24/6/2014 của Quốc hội trên địa bàn tỉnh Phú Thọ;

 2. Phân tích những tồn tại, hạn chế và nguyên nhân của những tồn tại, hạn chế đó trong quá trình tổ chức thực hiện Chương trình giai đoạn 2016-2020 và các chính sách giảm nghèo. Đề xuất, kiến nghị về việc hoàn thiện cơ chế, chính sách giảm nghèo; giải pháp huy động, bố trí và sử dụng nguồn lực; giải pháp chỉ đạo, điều hành, tổ chức thực hiện mục tiêu giảm nghèo từ nay đến năm 2020 và cho giai đoạn tiếp theo. 
3. Qua đánh giá giữa kỳ, đề xuất hướng sửa đổi, bổ sung, chỉ số đo lường nghèo đa chiều cho giai đoạn tiếp theo nhằm phản ánh tốt hơn thực trạng nghèo, hướng tác động nâng cao khả năng tiếp cận các dịch vụ xã hội cơ bản.
II. NỘI DUNG ĐÁNH GIÁ

1. Đánh giá kết quả triển khai thực hiện Quyết định 2324/QĐ-TTg ngày 19/12/2014 của Thủ tướng Chính phủ về Kế hoạch hành động triển khai Nghị quyết số 76/2014/QH13 của Quốc hội đẩy mạnh thực hiện mục tiêu giảm nghèo bền vững đến năm 2020. 

Trong đó tập trung đánh giá: Thực trạng và nguyên nhân nghèo trên địa bàn; kết quả xây dựng đề án, kế hoạch giảm nghèo trên địa bàn, bổ sung cơ chế, chính sách giảm nghèo đặc thù, giải pháp huy động nguồn lực; việc phân công, chỉ đạo, theo dõi thực hiện mục tiêu giảm nghèo trên địa bàn. Đánh giá kết quả thực hiện các chính sách giảm nghèo (theo Nghị quyết số 80/NQ-CP ngày 19/5/2011 của Chính phủ  về định hướng giảm nghèo bền vững thời kỳ từ năm 2011 đến năm 2020 trên địa bàn. 

2. Đánh giá tình hình, kết quả thực hiện Chương trình Mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016 - 2020 theo Kế hoạch số 3805/KH-UBND ngày 29/8/2017 của UBND tỉnh Phú Thọ về việc thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững tỉnh Phú Thọ giai đoạn 2016-2020 trên các nội dung:
- Công tác chỉ đạo điều hành, triển khai thực hiện Chương trình;

- Tiến độ, kết quả thực hiện các chính sách, dự án, tiểu dự án, hoạt động thuộc Chương trình;
- Việc bố trí nguồn lực cho Chương trình; 
- Đánh giá kết quả các mục tiêu của Chương trình: mục tiêu giảm tỷ lệ hộ nghèo, hộ cận nghèo; mục tiêu tăng thu nhập của các hộ nghèo, hộ cận nghèo; mục tiêu đưa các địa bàn thoát khỏi tình trạng đặc biệt khó khăn (gồm huyện nghèo, xã đặc biệt khó khăn, xã an toàn khu, các thôn, bản đặc biệt khó khăn) và kết quả các mục tiêu và chỉ tiêu cụ thể khác của Chương trình. 

- Đánh giá mức độ tham gia của các đối tượng hưởng lợi vào công tác lập kế hoạch trung hạn và hàng năm của Chương trình; sự tham gia của người dân trong tổ chức thực hiện theo các dự án, tiểu dự án, hoạt động của Chương trình; kết quả thực hiện một số chủ đề, lĩnh vực có sự hợp tác, hỗ trợ của các cơ quan, tổ chức trong việc phân cấp, trao quyền, phát huy nội lực cộng đồng, giảm nghèo dựa vào cộng đồng; sự hài lòng của người dân; thực hiện bình đẳng giới trong giảm nghèo; xây dựng chuỗi giá trị hướng đến giảm nghèo bền vững... 
- Công tác quản lý, kiểm tra và giám sát, đánh giá thực hiện chương trình giảm nghèo. 
3. Đánh giá chung: 

- Những thuận lợi; tồn tại hạn chế và nguyên nhân; bài học kinh nghiệm.

- Các đề xuất và kiến nghị: Kiến nghị điều chỉnh mục tiêu và thiết kế trên các phương diện: mục tiêu, đối tượng thụ hưởng của dự án, các hoạt động của dự án; bố trí vốn và cơ chế, giải pháp huy động vốn; cơ chế quản lý tài chính phù hợp; Đề xuất hoàn thiện cơ chế chỉ đạo, điều hành và phối kết hợp của các ngành, các cấp; cách thức tổ chức, quản lý thực hiện chương trình (về nhân lực, bộ máy, trang thiết bị, chế độ chính sách, công tác kiểm tra và giám sát đánh giá...).
III. HÌNH THỨC, THỜI GIAN ĐÁNH GIÁ

1. Cấp xã: UBND xã xây dựng kế hoạch và tổ chức thực hiện đánh giá giữa kỳ mục tiêu giảm nghèo trên địa bàn, tổng hợp báo cáo gửi UBND cấp huyện. Hoàn thành trước 31/7/2018.
2. Cấp huyện: UBND huyện xây dựng kế hoạch và tổ chức thực hiện đánh giá giữa kỳ mục tiêu giảm nghèo trên địa bàn, chỉ đạo cơ quan chuyên môn tổng hợp báo cáo của huyện gửi Ban chỉ đạo giảm nghèo tỉnh. Hoàn thành trước ngày 31/8/2018.
3. Cấp tỉnh: UBND tỉnh xây dựng kế hoạch và tổ chức thực hiện đánh giá giữa kỳ mục tiêu giảm nghèo trên địa bàn tỉnh, tổng hợp báo cáo theo quy định.
IV. TỔ CHỨC THỰC HIỆN
1. Các Sở, ban, ngành, các đơn vị liên quan, Ủy ban nhân dân các huyện, thành, thị xây dựng kế hoạch tổ chức đánh giá Chương trình theo nội dung trên; báo cáo gửi về Sở Lao động - Thương binh và Xã hội, các cơ quan chủ trì dự án, tiểu dự án theo quy định (Đề cương và các biểu mẫu đánh giá thực hiện theo quy định tại Thông tư số 39/2016/TT-BLĐTBXH ngày 25/10/2016 của Bộ Lao động - Thương binh và Xã hội về hướng dẫn quy trình kiểm tra và giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia về Giảm nghèo giai đoạn 2016-2020 gửi kèm Kế hoạch này).

- Báo cáo của các Sở, ngành, các đơn vị, UBND các huyện, thành, thị gửi Sở Lao động - Thương binh và Xã hội (Cơ quan Thường trực Chương trình MTQG giảm nghèo bền vững tỉnh) theo đường công văn và gửi file mềm qua địa chỉ email: btxhphutho@gmail.com.
2. Sở Lao động - Thương binh và Xã hội (cơ quan Thường trực Chương trình mục tiêu quốc gia giảm nghèo bền vững) chủ trì, phối hợp với các sở, ban, ngành, các đơn vị liên quan, UBND các huyện, thành, thị tổng hợp hoàn thiện dự thảo báo cáo kết quả thực hiện gửi trình Ủy ban nhân dân tỉnh trước ngày 05/9/2018 để tổng hợp báo cáo Bộ Lao động – Thương binh và Xã hội, Bộ Kế hoạch và Đầu tư, Bộ Tài chính.
Trên đây là Kế hoạch tổ chức đánh giá giữa kỳ Chương trình mục tiêu quốc gia Giảm nghèo bền vững giai đoạn 2016-2020 và kết quả rà soát, tích hợp hệ thống chính sách giảm nghèo trên địa bàn tỉnh, trong quá trình thực hiện, nếu có vướng mắc đề nghị phản ánh về UBND tỉnh (qua Sở Lao động - Thương binh và Xã hội) để được hướng dẫn, giải quyết./.
\tNơi nhận:
- Bộ LĐTBXH;

- TT: TU, HĐND tỉnh;

- CT; các PCT;
- MTTQVN tỉnh;
- Văn phòng quốc gia giảm nghèo (Bộ LĐTB&XH);
- Các sở, ban, ngành, đoàn thể tỉnh;
- Chi nhánh NHCSXH tỉnh;

- Các huyện, thành, thị ủy; 

- UBND các huyện, thành, thị;

- CVP, các PCVP;
- CV NCTH;

- Lưu: VT, VX5.
 `;

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
    expect(plan).toMatchObject({ symbol: "KH-UBND", number: null, place: "Phú Thọ", date: null, year: 2018 });
    expect(plan.sections.map((s) => s.number)).toEqual(["I", "II", "III", "IV"]);
    expect(plan.closing.endsWith("giải quyết./.")).toBe(true);
    expect(plan.recipients[0]).toBe("Bộ LĐTBXH;");
    expect(plan.recipients.at(-1)).toBe("Lưu: VT, VX5.");
    expect(plan.contact_email).toBe("btxhphutho@gmail.com");
    expect(plan.signer).toMatchObject({ authority: "TM. ỦY BAN NHÂN DÂN", deputy: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH" });
    expect(plan.annexes.map((a) => [a.label, a.title, a.kind])).toEqual([
      ["Phụ lục I", "ĐỀ CƯƠNG BÁO CÁO", "outline"],
      ["Phụ lục II", "HỆ THỐNG BIỂU MẪU", "forms"],
    ]);
  });
});
