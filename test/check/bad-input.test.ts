// One bad input per test, each from the valid other-province fixture with one thing broken:
// the diagnostic's code, severity, file, line and column; the CLI's exit code (1, never 2) for a few;
// and every problem of several broken files in one run.
import { closeSync, ftruncateSync, openSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FILES, expectAt, makeFixture, only, type Fixture } from "./fixture.js";

const C = FILES.commune;
let fx: Fixture;
beforeEach(() => {
  fx = makeFixture();
});
afterEach(() => fx.cleanup());

const err = (code: string, rel: string, line: number, column: number) => ({ code: code as never, severity: "error" as const, file: fx.shown(rel), line, column });

describe("reading files", () => {
  it("YAML_SYNTAX: a field without its colon, at the line, exit 1", () => {
    fx.edit(C, "status: da_nop", "status da_nop");
    const d = expectAt(fx.check(), err("YAML_SYNTAX", C, 4, 1));
    expect(d.message).toContain("thiếu dấu hai chấm");
    const cli = fx.cli("json");
    expect(cli.status).toBe(1);
    expect(JSON.parse(cli.stdout).diagnostics[0]).toMatchObject({ code: "YAML_SYNTAX", file: fx.shown(C), line: 4, column: 1 });
  });

  it("YAML_TAB_INDENT: a line indented with a tab", () => {
    fx.edit(C, '  number: "12"', '\tnumber: "12"');
    expectAt(fx.check(), err("YAML_TAB_INDENT", C, 8, 1));
  });

  it("YAML_DUPLICATE_KEY: a field given twice, at the second one, naming it", () => {
    fx.edit(C, "status: da_nop\n", "status: da_nop\nstatus: da_duyet\n");
    expect(expectAt(fx.check(), err("YAML_DUPLICATE_KEY", C, 5, 1)).message).toContain('"status"');
  });

  it("YAML_EMPTY_FILE: an empty file, and one with only comments", () => {
    fx.write(C, "");
    fx.write(FILES.commune2, "# chưa điền\n\n   # còn trống\n");
    const r = fx.check();
    expectAt(r, err("YAML_EMPTY_FILE", C, 1, 1));
    expectAt(r, err("YAML_EMPTY_FILE", FILES.commune2, 1, 1));
  });

  it("YAML_ALIAS_LIMIT: an alias bomb is refused", () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 10; i++) {
      const [prev, cur] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    fx.write(C, lines.join("\n") + "\n");
    const r = fx.check();
    expectAt(r, err("YAML_ALIAS_LIMIT", C, 1, 1));
  });

  it("YAML_FILE_TOO_LARGE: a 50 MB file is not read", () => {
    const fd = openSync(join(fx.data, C), "w");
    ftruncateSync(fd, 50 * 1024 * 1024); // sparse: nothing written, nothing read
    closeSync(fd);
    const r = fx.check();
    expect(expectAt(r, err("YAML_FILE_TOO_LARGE", C, 0, 0)).message).toContain("50,0 MB");
    expect(r.sources.get(fx.shown(C))).toBeUndefined();
  });

  it("YAML_FORBIDDEN_KEY: __proto__ and constructor, without polluting Object.prototype", () => {
    fx.edit(C, "status: da_nop\n", "status: da_nop\n__proto__: {polluted: true}\n");
    fx.edit(C, "  ho_ngheo:", "  constructor: {prototype: {polluted: true}}\n  ho_ngheo:");
    const r = fx.check();
    expect(expectAt(r, err("YAML_FORBIDDEN_KEY", C, 5, 1)).message).toContain("__proto__");
    expect(expectAt(r, err("YAML_FORBIDDEN_KEY", C, 20, 3)).message).toContain("constructor");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("FILE_UNKNOWN_LOCATION: a YAML file outside every known folder", () => {
    fx.write("ghi-chu/nhap.yaml", "ghi_chu: bản nháp\n");
    expect(expectAt(fx.check(), err("FILE_UNKNOWN_LOCATION", "ghi-chu/nhap.yaml", 0, 0)).message).toContain("data/ghi-chu/nhap.yaml");
  });

  it("FILE_MISSING: a required file, shown relative to the working directory", () => {
    fx.remove("plan.yaml");
    const r = fx.check();
    expect(expectAt(r, err("FILE_MISSING", "plan.yaml", 0, 0)).message).toContain('"data/plan.yaml"');
    expect(r.ok).toBe(false);
  });

  it("a long comment header is accepted", () => {
    fx.write(C, "# ghi chú của cán bộ\n".repeat(60) + fx.read(C));
    const r = fx.check();
    expect(r.diagnostics).toEqual([]);
  });

  it("a --data folder that does not exist is the user's slip: exit 1, not 2", () => {
    rmSync(fx.data, { recursive: true });
    const cli = fx.cli("text");
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("Không tìm thấy thư mục số liệu");
  });
});

describe("values typed the Vietnamese way", () => {
  it("NUMBER_THOUSANDS_SEPARATOR: a household count typed 1.234", () => {
    fx.edit(C, "mid2018: 1234}", "mid2018: 1.234}");
    const d = expectAt(fx.check(), err("NUMBER_THOUSANDS_SEPARATOR", C, 18, 66));
    expect(d.hint).toContain("1234");
  });

  it('NUMBER_THOUSANDS_SEPARATOR: a household count typed "1.234"', () => {
    fx.edit(C, "mid2018: 1234}", 'mid2018: "1.234"}');
    const d = expectAt(fx.check(), err("NUMBER_THOUSANDS_SEPARATOR", C, 18, 66));
    expect(d.message).toContain("dấu nháy");
    expect(d.hint).toContain("1234");
  });

  it("NUMBER_THOUSANDS_SEPARATOR: money in a finance line typed 1.500", () => {
    fx.edit(C, "plan: 150, disbursed: 140", "plan: 1.500, disbursed: 140");
    const r = fx.check();
    expectAt(r, err("NUMBER_THOUSANDS_SEPARATOR", C, 31, 64));
    expect(only(r, "FINANCE_OVER_PLAN")).toEqual([]);
  });

  it("DATE_FORMAT: a date typed 31/7/2018", () => {
    fx.edit(C, "submitted_on: 2018-07-25", "submitted_on: 31/7/2018");
    expect(expectAt(fx.check(), err("DATE_FORMAT", C, 5, 15)).hint).toContain("2018-07-31");
  });

  it("TEXT_NOT_NFC: decomposed Vietnamese is a warning and is normalised", () => {
    fx.edit(C, "Nguyễn Văn An", "Nguyễn Văn An".normalize("NFD"));
    const r = fx.check();
    expectAt(r, { code: "TEXT_NOT_NFC", severity: "warning", file: fx.shown(C), line: 14, column: 15 });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toHaveLength(1);
    const report = r.dataset!.reports.find((x) => x.report.unit === "00123")!.report;
    expect(report.document.signer.name).toBe("Nguyễn Văn An".normalize("NFC"));
  });

  it('CODE_LEADING_ZERO: unit: 123 and unit: 00123 for "00123", and an unquoted code in units.yaml', () => {
    fx.edit(C, 'unit: "00123"', "unit: 123");
    fx.edit(FILES.commune2, 'unit: "00126"', "unit: 00126");
    const r1 = fx.check();
    expect(expectAt(r1, err("CODE_LEADING_ZERO", C, 2, 7)).hint).toContain('"00123"');
    expect(expectAt(r1, err("CODE_LEADING_ZERO", FILES.commune2, 2, 7)).hint).toContain('"00126"');
    fx.edit("units.yaml", 'code: "00136"', "code: 00136");
    expect(expectAt(fx.check(), err("CODE_LEADING_ZERO", "units.yaml", 57, 11)).hint).toContain('"00136"');
  });

  it('SCHEMA_UNKNOWN_FIELD: statu: → did you mean "status" (and no second error for the missing status)', () => {
    fx.edit(C, "status: da_nop", "statu: da_nop");
    const r = fx.check();
    expect(expectAt(r, err("SCHEMA_UNKNOWN_FIELD", C, 4, 1)).hint).toContain('"status"');
    expect(r.diagnostics).toHaveLength(1);
  });

  it("SCHEMA_PATTERN: a repository address that is not an https web address of a repository", () => {
    const text = fx.read("project.yaml");
    fx.write("project.yaml", `${text.replace(/\n*$/, "\n")}repository:\n  url: github.com/to-chuc\n`);
    const line = text.replace(/\n*$/, "\n").split("\n").length + 1;
    expect(expectAt(fx.check(), err("SCHEMA_PATTERN", "project.yaml", line, 8)).message).toContain("github.com/to-chuc");
    fx.edit("project.yaml", "url: github.com/to-chuc", "url: https://github.com/to-chuc/danh-gia\n  branch: main");
    expect(fx.check().diagnostics).toEqual([]);
  });

  it("SCHEMA_RANGE: a negative count", () => {
    fx.edit(C, "ho_tai_ngheo: {y2016: 2", "ho_tai_ngheo: {y2016: -2");
    expect(expectAt(fx.check(), err("SCHEMA_RANGE", C, 21, 25)).message).toContain("-2");
  });
});

describe("several broken files", () => {
  it("reports every error of every file in one run (CLI exit 1)", () => {
    fx.edit(C, '  number: "12"', '\tnumber: "12"');
    fx.edit(FILES.commune2, "submitted_on: 2018-07-20", "submitted_on: 20/7/2018");
    fx.edit(FILES.department, "disbursed: 420", "disbursed: -420");
    fx.write("ghi-chu.yaml", "a: 1\n");
    const cli = fx.cli("json");
    expect(cli.status).toBe(1);
    expect(cli.stderr).toBe("");
    const out = JSON.parse(cli.stdout) as { diagnostics: { code: string; file: string; line: number }[]; summary: { errors: number } };
    const found = out.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`);
    expect(found).toEqual(
      expect.arrayContaining([
        `FILE_UNKNOWN_LOCATION ${fx.shown("ghi-chu.yaml")}:0`,
        `YAML_TAB_INDENT ${fx.shown(C)}:8`,
        `DATE_FORMAT ${fx.shown(FILES.commune2)}:5`,
        `SCHEMA_RANGE ${fx.shown(FILES.department)}:19`,
      ]),
    );
    expect(out.summary.errors).toBe(out.diagnostics.length);
  });
});
