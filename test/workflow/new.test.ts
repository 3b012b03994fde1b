// `npm run new`: the empty report of a unit, every field commented; `check` refuses it and names
// the fields to fill until the officer fills them in; refusals for an existing file and an
// unknown code (with the closest codes).
import { parseDocument } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeFixture, type Fixture } from "../check/fixture.js";
import { runScript } from "./helpers.js";

const COMMUNE = "reports/902-huyen-son-khe/00133-xa-ban-lay.yaml";

interface JsonReport {
  diagnostics: { code: string; severity: string; file: string; pointer: string; line: number; message: string }[];
}

describe("npm run new", () => {
  let fx: Fixture;
  beforeEach(() => {
    fx = makeFixture();
  });
  afterEach(() => fx.cleanup());

  const check = (format: "json" | "text") => runScript("check", ["--data", "data", "--format", format], fx.root);

  it("writes the unit's report at its canonical path, every field commented, status dang_soan", () => {
    const r = runScript("new", ["00133", "--data", "data"], fx.root);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Đã tạo data/${COMMUNE} cho Xã Bản Lầy (mã 00133).`);
    const text = fx.read(COMMUNE);
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../../schemas/report.schema.json");
    const doc = parseDocument(text);
    expect(doc.errors).toEqual([]);
    const data = doc.toJS() as { status: string; finance: unknown[]; values: Record<string, Record<string, unknown>>; narrative: Record<string, string>; document: { signer: Record<string, unknown> } };
    expect(data.status).toBe("dang_soan");
    expect(data.finance).toEqual([]);
    expect(data.document.signer).toEqual({ authority: "", deputy: null, position: "", name: "" });
    expect(Object.values(data.values).flatMap((byP) => Object.values(byP)).every((v) => v === null)).toBe(true);
    expect(data.values.ho_ngheo).toEqual({ baseline: null, y2016: null, y2017: null, mid2018: null });
    expect(data.values.ty_le_ho_ngheo, "computed rates are never entered").toBeUndefined();
    expect(Object.values(data.narrative).every((t) => t === "")).toBe(true);
    expect(Object.keys(data.narrative)).toContain("dac_diem_tinh_hinh");

    // Every key line has a comment line above it, except indicator lines, which end with the
    // indicator's name and unit as a comment.
    const lines = text.split("\n");
    const missing: string[] = [];
    let inValues = false;
    lines.forEach((line, i) => {
      const key = /^(\s*)([a-z_0-9]+):/.exec(line);
      if (!key) return;
      if (key[1] === "") inValues = key[2] === "values";
      if (inValues && key[1] === "  ") {
        if (!/\} # .+ \(.+\)$/.test(line)) missing.push(line);
      } else if (!/^\s*#/.test(lines[i - 1] ?? "")) missing.push(line);
    });
    expect(missing).toEqual([]);
    expect(text).toContain("  ho_ngheo: {baseline: null, y2016: null, y2017: null, mid2018: null} # Số hộ nghèo (hộ)\n");
    expect(text).toContain("    # Họ và tên người ký (bắt buộc điền): Họ và tên đầy đủ, không ghi học hàm, học vị.\n    name: \"\"\n");
    expect(text).toContain("  # I. ĐẶC ĐIỂM TÌNH HÌNH; THỰC TRẠNG VÀ NGUYÊN NHÂN NGHÈO\n  dac_diem_tinh_hinh: \"\"\n");
  });

  it("the finance hint's example record uses the programme's own ids (first sub-project, first source, first flow period)", () => {
    fx.edit("catalogue/programme.yaml", "sources:\n", "sources:\n  - id: ngan_sach_tinh\n    name: Ngân sách tỉnh\n    group: II\n");
    const r = runScript("new", ["00133", "--data", "data"], fx.root);
    expect(r.stderr).toBe("");
    // The comment as one line (it wraps at 96 characters).
    expect(fx.read(COMMUNE).replace(/\n\s*# /g, " ")).toContain("Mỗi dòng viết dạng {component: DA1.TDA1, source: ngan_sach_tinh, period: y2016, plan: 0, disbursed: 0};");
  });

  it("check refuses the untouched file, naming the empty fields; filled in, check accepts it", () => {
    expect(runScript("new", ["00133", "--data", "data"], fx.root).status).toBe(0);
    const json = check("json");
    expect(json.status).toBe(1);
    const mine = (JSON.parse(json.stdout) as JsonReport).diagnostics.filter((d) => d.file === `data/${COMMUNE}`);
    expect(mine.map((d) => [d.severity, d.pointer])).toEqual([
      ["error", "/document/signer/position"],
      ["error", "/document/signer/name"],
    ]);
    const text = check("text");
    expect(text.status).toBe(1);
    // The report shows each empty field with its commented title just above it.
    expect(text.stdout).toMatch(/# Chức vụ \(bắt buộc điền\)[^\n]*\n\s*> \d+ \|\s+position: ""/);
    expect(text.stdout).toMatch(/# Họ và tên người ký \(bắt buộc điền\)[^\n]*\n\s*> \d+ \|\s+name: ""/);
    expect(text.stdout).toContain("✖ Số liệu chưa hợp lệ: 2 lỗi");

    fx.edit(COMMUNE, '    authority: ""', "    authority: TM. ỦY BAN NHÂN DÂN");
    fx.edit(COMMUNE, '    position: ""', "    position: CHỦ TỊCH");
    fx.edit(COMMUNE, '    name: ""', "    name: Lò Văn Pao");
    fx.edit(COMMUNE, "ho_dan_cu: {baseline: null, y2016: null, y2017: null, mid2018: null}", "ho_dan_cu: {baseline: 640, y2016: 652, y2017: 661, mid2018: 668}");
    fx.edit(COMMUNE, "ho_ngheo: {baseline: null, y2016: null, y2017: null, mid2018: null}", "ho_ngheo: {baseline: 301, y2016: 279, y2017: 250, mid2018: 238}");
    const ok = check("text");
    expect(ok.stdout).toContain("✔ Số liệu hợp lệ: 0 lỗi");
    expect(ok.status).toBe(0);
  });

  it("writes a department's report in its level's folder, with the department's outline sections", () => {
    const r = runScript("new", ["ban-dan-toc", "--data", "data"], fx.root);
    expect(r.status).toBe(0);
    const data = parseDocument(fx.read("reports/so-ban-nganh/ban-dan-toc.yaml")).toJS() as { narrative: Record<string, string>; values: Record<string, unknown> };
    expect(Object.keys(data.narrative)).not.toContain("dac_diem_tinh_hinh");
    // Ban Dân tộc chairs DA2 (infrastructure, production): only those indicators.
    expect(data.values.cong_trinh_ha_tang_moi).toEqual({ y2016: null, y2017: null, mid2018: null });
    expect(data.values.ho_ngheo, "poverty counts are not this department's").toBeUndefined();
    expect(data.values.lao_dong_xuat_khau, "DA1.TDA4 is not chaired by this department").toBeUndefined();
    expect(check("json").status).toBe(1);
  });

  it("refuses an existing file and an unknown code (exit 1), suggesting the closest codes", () => {
    const before = fx.read("reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml");
    const exists = runScript("new", ["00123", "--data", "data"], fx.root);
    expect(exists.status).toBe(1);
    expect(exists.stderr).toContain("Tệp data/reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml đã có: lệnh new không ghi đè.");
    expect(fx.read("reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml")).toBe(before);

    const unknown = runScript("new", ["0133", "--data", "data"], fx.root);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Không có đơn vị mã "0133" trong danh sách đơn vị');
    expect(unknown.stderr).toContain("00133 (Xã Bản Lầy)");

    const byName = runScript("new", ["Nà Hẩu", "--data", "data"], fx.root);
    expect(byName.status).toBe(1);
    expect(byName.stderr).toContain("Có phải là: 00136 (Xã Nà Hẩu)?");
  });
});
