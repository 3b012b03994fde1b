// The catalogue files (indicators, programme, outline) and the form specs B01–B08: each file
// validates against its JSON Schema (ajv strict mode), the schemas themselves follow the project
// conventions (Vietnamese title + description on every property, closed objects), and every id a
// file references (indicators, components, funding sources, periods, forms) exists.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import type {
  FormColumn,
  FormSpec,
  Indicator,
  IndicatorCatalogue,
  Outline,
  OutlineSection,
  Programme,
} from "../scripts/lib/model/types.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const rel = (...p: string[]) => path.join(ROOT, ...p);

const PERIODS = ["baseline", "y2016", "y2017", "mid2018"] as const;
const FLOW_PERIODS = ["y2016", "y2017", "mid2018"] as const;
const LEVELS = ["province", "district", "commune", "department"] as const;
const FORM_IDS = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08"] as const;
const MAX_LEAF_COLUMNS = 15;

interface DataFile {
  file: string; // path relative to the repository root
  schema: string; // schema file name
}

const DATA_FILES: DataFile[] = [
  { file: "data/catalogue/indicators.yaml", schema: "indicators.schema.json" },
  { file: "data/catalogue/programme.yaml", schema: "programme.schema.json" },
  { file: "data/catalogue/outline.yaml", schema: "outline.schema.json" },
  ...FORM_IDS.map((id) => ({ file: `data/forms/${id}.yaml`, schema: "form.schema.json" })),
];
const SCHEMAS = [...new Set(DATA_FILES.map((d) => d.schema))];

const readText = (file: string): string => readFileSync(rel(file), "utf8");
const readYaml = (file: string): unknown => parse(readText(file), { uniqueKeys: true });
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readText(file)) as Record<string, unknown>;

const catalogue = readYaml("data/catalogue/indicators.yaml") as IndicatorCatalogue;
const programme = readYaml("data/catalogue/programme.yaml") as Programme;
const outline = readYaml("data/catalogue/outline.yaml") as Outline;
const forms = new Map<string, FormSpec>(
  FORM_IDS.map((id) => [id, readYaml(`data/forms/${id}.yaml`) as FormSpec]),
);

const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.id, i]));
const componentIds = new Set(programme.components.map((c) => c.id));
const sourceIds = new Set(programme.sources.map((s) => s.id));
const groupIds = new Set(programme.source_groups.map((g) => g.id));

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  for (const s of SCHEMAS) ajv.addSchema(readJson(`schemas/${s}`));
  return ajv;
}

function flattenSections(sections: OutlineSection[]): OutlineSection[] {
  return sections.flatMap((s) => [s, ...flattenSections(s.children ?? [])]);
}

function leafColumns(columns: FormColumn[]): FormColumn[] {
  return columns.flatMap((c) => (c.children ? leafColumns(c.children) : [c]));
}

/** Every string value (and map key) in a parsed document, with its JSON path. */
function* strings(value: unknown, at = "$"): Generator<[string, string]> {
  if (typeof value === "string") yield [at, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${at}[${i}]`);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      yield [`${at} (key)`, k];
      yield* strings(v, `${at}.${k}`);
    }
}

function indicatorProblem(id: string | undefined, where: string): string[] {
  if (id === undefined) return [];
  return indicators.has(id) ? [] : [`${where}: unknown indicator "${id}"`];
}

function periodProblem(period: string, indicatorId: string | undefined, where: string): string[] {
  if (!(PERIODS as readonly string[]).includes(period)) return [`${where}: unknown period "${period}"`];
  const ind = indicatorId === undefined ? undefined : indicators.get(indicatorId);
  if (ind && !ind.periods.includes(period)) return [`${where}: "${indicatorId}" has no value for ${period}`];
  return [];
}

/**
 * Problems of one cell expression in a form of the given layout (empty when valid). Checks the
 * vocabulary of scripts/lib/model/types.ts and that every indicator, period, source or group named exists.
 */
function cellProblems(expr: string, layout: FormSpec["layout"], where: string): string[] {
  const [head, ...args] = expr.split(":");
  const finance = layout === "finance_sources" || layout === "finance_components";
  const argc = (min: number, max: number) =>
    args.length >= min && args.length <= max ? [] : [`${where}: "${expr}" needs ${min}–${max} arguments`];
  switch (head) {
    case "number":
    case "label":
    case "note":
      return argc(0, 0);
    case "unit":
    case "chair":
    case "target":
    case "verdict":
      return [...argc(0, 0), ...(layout === "indicators" ? [] : [`${where}: "${head}" only in an indicators layout`])];
    case "value": {
      if (finance) return [`${where}: "${expr}" not allowed in a finance layout`];
      const [period = "", ind] = args;
      const need = layout === "children" ? argc(2, 2) : argc(1, 1);
      return [...need, ...indicatorProblem(ind, where), ...periodProblem(period, ind, where)];
    }
    case "share": {
      if (finance) return [`${where}: "${expr}" not allowed in a finance layout`];
      const [period = "", of, ind] = args;
      const need = layout === "children" ? argc(3, 3) : argc(2, 3);
      return [
        ...need,
        ...indicatorProblem(of, where),
        ...indicatorProblem(ind, where),
        ...periodProblem(period, of, where),
        ...(ind ? periodProblem(period, ind, where) : []),
      ];
    }
    case "sum_flows": {
      if (finance) return [`${where}: "${expr}" not allowed in a finance layout`];
      const [ind] = args;
      const need = layout === "children" ? argc(1, 1) : argc(0, 1);
      const flows =
        ind && indicators.has(ind) && !FLOW_PERIODS.some((p) => indicators.get(ind)?.periods.includes(p))
          ? [`${where}: "${ind}" has no flow period`]
          : [];
      return [...need, ...indicatorProblem(ind, where), ...flows];
    }
    case "change": {
      if (finance) return [`${where}: "${expr}" not allowed in a finance layout`];
      const [from = "", to = "", ind] = args;
      const need = layout === "children" ? argc(3, 3) : argc(2, 3);
      return [
        ...need,
        ...indicatorProblem(ind, where),
        ...periodProblem(from, ind, where),
        ...periodProblem(to, ind, where),
      ];
    }
    case "plan":
    case "disbursed":
    case "disbursed_rate": {
      if (!finance) return [`${where}: "${expr}" only in a finance layout`];
      const [period = "", source] = args;
      const out = head === "disbursed_rate" ? argc(1, 1) : argc(1, 2);
      if (period !== "all" && !(PERIODS as readonly string[]).includes(period))
        out.push(`${where}: unknown period "${period}"`);
      if (source !== undefined && !sourceIds.has(source) && !groupIds.has(source))
        out.push(`${where}: unknown funding source or group "${source}"`);
      return out;
    }
    default:
      return [`${where}: unknown cell expression "${expr}"`];
  }
}

// ───────────────────────────── schemas ─────────────────────────────

describe("JSON Schemas of the catalogue and the forms", () => {
  it.each(SCHEMAS)("%s compiles in ajv strict mode", (s) => {
    const ajv = makeAjv();
    expect(() => ajv.getSchema(s)).not.toThrow();
    expect(ajv.getSchema(s)).toBeTypeOf("function");
  });

  it.each(SCHEMAS)("%s: $id is the file name, 2020-12 dialect", (s) => {
    const schema = readJson(`schemas/${s}`);
    expect(schema.$id).toBe(s);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it.each(SCHEMAS)("%s: every property has a Vietnamese title and description; objects are closed", (s) => {
    const problems: string[] = [];
    const walk = (node: unknown, at: string, conditional: boolean): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}[${i}]`, conditional));
      if (node === null || typeof node !== "object") return;
      const obj = node as Record<string, unknown>;
      const props = obj.properties as Record<string, Record<string, unknown>> | undefined;
      if (props) {
        // A schema that declares an object closes it. Branches that only narrow properties already
        // declared by their parent (if/then/else, untyped oneOf branches) stay open on purpose.
        if (!conditional && obj.type === "object" && obj.additionalProperties !== false)
          problems.push(`${at}: additionalProperties is not false`);
        if (!conditional && obj.type === undefined && !at.includes("oneOf"))
          problems.push(`${at}: properties without type "object"`);
        for (const [name, p] of Object.entries(props)) {
          for (const key of ["title", "description"])
            if (typeof p[key] !== "string" || !/\p{L}/u.test(p[key] as string))
              problems.push(`${at}.properties.${name}: missing ${key}`);
        }
      }
      for (const [k, v] of Object.entries(obj))
        walk(v, `${at}.${k}`, conditional || k === "if" || k === "then" || k === "else");
    };
    walk(readJson(`schemas/${s}`), "#", false);
    expect(problems).toEqual([]);
  });
});

// ───────────────────────────── files validate ─────────────────────────────

describe("catalogue and form files validate against their schemas", () => {
  const ajv = makeAjv();

  it.each(DATA_FILES)("$file", ({ file, schema }) => {
    const validate = ajv.getSchema(schema);
    expect(validate, `schema ${schema}`).toBeDefined();
    const ok = validate!(readYaml(file));
    expect(validate!.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(DATA_FILES)("$file starts with the yaml-language-server schema line", ({ file, schema }) => {
    const first = readText(file).split("\n")[0] ?? "";
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(m, first).not.toBeNull();
    const target = path.resolve(path.dirname(rel(file)), m![1]!);
    expect(target).toBe(rel("schemas", schema));
    expect(existsSync(target)).toBe(true);
  });

  it("all strings (values, keys, raw text) are NFC", () => {
    const bad: string[] = [];
    const files = [...DATA_FILES.map((d) => d.file), ...SCHEMAS.map((s) => `schemas/${s}`)];
    for (const file of files) {
      const text = readText(file);
      if (text !== text.normalize("NFC")) bad.push(`${file}: raw text is not NFC`);
      const doc = file.endsWith(".json") ? JSON.parse(text) : readYaml(file);
      for (const [at, s] of strings(doc)) if (s !== s.normalize("NFC")) bad.push(`${file} ${at}: ${s}`);
    }
    expect(bad).toEqual([]);
  });
});

// ───────────────────────────── indicator catalogue ─────────────────────────────

describe("indicator catalogue", () => {
  it("has unique ids and unique names", () => {
    const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    expect(dup(catalogue.indicators.map((i) => i.id))).toEqual([]);
    expect(dup(catalogue.indicators.map((i) => i.name))).toEqual([]);
  });

  it("holds the core ids other code depends on", () => {
    const core = [
      "ho_dan_cu", "ho_dan_cu_dtts", "ho_ngheo", "ho_ngheo_dtts", "ho_ngheo_thieu_hut_thu_nhap",
      "ho_ngheo_thieu_hut_dich_vu", "ho_can_ngheo", "ho_can_ngheo_dtts", "ho_thoat_ngheo", "ho_tai_ngheo",
      "ho_ngheo_phat_sinh", "ho_thoat_can_ngheo", "ho_can_ngheo_phat_sinh", "nhan_khau_ho_ngheo",
      "thu_nhap_bq_ho_ngheo", "ty_le_ho_ngheo", "ty_le_ho_ngheo_dtts", "ty_le_ho_can_ngheo",
      "ty_le_ho_can_ngheo_dtts", "so_xa_dbkk", "so_xa_135", "so_xa_atk",
      "thieu_hut_tiep_can_y_te", "thieu_hut_bhyt", "thieu_hut_giao_duc_nguoi_lon", "thieu_hut_tre_em_di_hoc",
      "thieu_hut_chat_luong_nha", "thieu_hut_dien_tich_nha", "thieu_hut_nuoc_sinh_hoat", "thieu_hut_nha_tieu",
      "thieu_hut_vien_thong", "thieu_hut_tai_san_thong_tin",
      "cong_trinh_ha_tang_moi", "cong_trinh_duy_tu", "mo_hinh_sinh_ke", "ho_duoc_ho_tro_sinh_ke",
      "lop_tap_huan", "luot_nguoi_tap_huan", "lao_dong_xuat_khau", "hoi_nghi_doi_thoai",
      "tin_bai_truyen_thong", "ho_ho_tro_phuong_tien_nghe_xem", "cuoc_kiem_tra_giam_sat",
      "luot_ho_vay_von", "doanh_so_cho_vay",
      "thon_lap_ke_hoach_co_tham_gia", "cong_trinh_cong_dong_de_xuat", "cong_trinh_giao_cong_dong",
      "ho_phu_nu_lam_chu_duoc_ho_tro", "nguoi_duoc_hoi_hai_long", "nguoi_duoc_hoi", "ty_le_hai_long",
      "chuoi_gia_tri_duoc_ho_tro",
    ];
    expect(core.filter((id) => !indicators.has(id))).toEqual([]);
    expect(catalogue.indicators.filter((i) => i.group === "thieu_hut")).toHaveLength(10);
  });

  it("references only existing indicators (part_of, ratio, weight, identities)", () => {
    const problems: string[] = [];
    for (const i of catalogue.indicators) {
      problems.push(...indicatorProblem(i.part_of, `${i.id}.part_of`));
      if (i.part_of === i.id) problems.push(`${i.id}: part_of itself`);
      const a = i.aggregate;
      if (a.rule === "ratio") {
        problems.push(...indicatorProblem(a.numerator, `${i.id}.numerator`));
        problems.push(...indicatorProblem(a.denominator, `${i.id}.denominator`));
      }
      if (a.rule === "weighted_mean") problems.push(...indicatorProblem(a.weight, `${i.id}.weight`));
    }
    for (const [n, idn] of catalogue.identities.entries())
      for (const id of [idn.stock, ...idn.minus, ...idn.plus])
        problems.push(...indicatorProblem(id, `identities[${n}]`));
    expect(problems).toEqual([]);
  });

  it("is consistent: kinds, periods, computed values, components", () => {
    const problems: string[] = [];
    for (const i of catalogue.indicators) {
      const rule = i.aggregate.rule;
      if (i.kind === "flow" && i.periods.includes("baseline")) problems.push(`${i.id}: a flow has no baseline`);
      if ((i.kind === "rate") !== (rule === "ratio")) problems.push(`${i.id}: rate ⇔ ratio`);
      if ((i.kind === "unit_count") !== (rule === "count_flagged")) problems.push(`${i.id}: unit_count ⇔ count_flagged`);
      if ((i.kind === "rate" || i.kind === "unit_count") !== (i.computed === true))
        problems.push(`${i.id}: computed must be true exactly for rates and unit counts`);
      if (i.kind === "mean" && rule !== "weighted_mean" && rule !== "own") problems.push(`${i.id}: a mean is never summed`);
      const refs =
        i.aggregate.rule === "ratio"
          ? [i.aggregate.numerator, i.aggregate.denominator]
          : i.aggregate.rule === "weighted_mean"
            ? [i.aggregate.weight]
            : i.part_of
              ? [i.part_of]
              : [];
      for (const r of refs) {
        const other = indicators.get(r);
        const missing = i.periods.filter((p) => other && !other.periods.includes(p));
        if (missing.length) problems.push(`${i.id}: "${r}" lacks periods ${missing.join(", ")}`);
      }
      if (i.group === "du_an" && !i.component) problems.push(`${i.id}: a project output needs a component`);
      if (i.component && !componentIds.has(i.component)) problems.push(`${i.id}: unknown component ${i.component}`);
    }
    for (const idn of catalogue.identities) {
      if (indicators.get(idn.stock)?.kind !== "stock") problems.push(`identity ${idn.stock}: not a stock`);
      for (const f of [...idn.minus, ...idn.plus])
        if (indicators.get(f)?.kind !== "flow") problems.push(`identity ${idn.stock}: ${f} is not a flow`);
    }
    expect(problems).toEqual([]);
  });

  it("states the stock-flow identities of poor and near-poor households", () => {
    expect(catalogue.identities).toContainEqual({
      stock: "ho_ngheo",
      minus: ["ho_thoat_ngheo"],
      plus: ["ho_tai_ngheo", "ho_ngheo_phat_sinh"],
    });
    expect(catalogue.identities).toContainEqual({
      stock: "ho_can_ngheo",
      minus: ["ho_thoat_can_ngheo"],
      plus: ["ho_can_ngheo_phat_sinh"],
    });
  });
});

// ───────────────────────────── programme ─────────────────────────────

describe("programme", () => {
  it("has unique ids and a consistent component tree", () => {
    const problems: string[] = [];
    const ids = programme.components.map((c) => c.id);
    if (new Set(ids).size !== ids.length) problems.push("duplicate component id");
    const byId = new Map(programme.components.map((c) => [c.id, c]));
    for (const c of programme.components) {
      if (c.parent === null) {
        if (c.id.includes(".")) problems.push(`${c.id}: a sub-project needs a parent`);
        continue;
      }
      const parent = byId.get(c.parent);
      if (!parent) problems.push(`${c.id}: unknown parent ${c.parent}`);
      else if (!c.id.startsWith(`${parent.id}.`)) problems.push(`${c.id}: id does not extend ${parent.id}`);
      else if (!parent.applicable && c.applicable) problems.push(`${c.id}: applicable under an inapplicable project`);
    }
    expect(problems).toEqual([]);
    // QĐ 1722: 5 projects, 11 sub-projects.
    expect(programme.components.filter((c) => c.parent === null)).toHaveLength(5);
    expect(programme.components.filter((c) => c.parent !== null)).toHaveLength(11);
  });

  it("funding sources belong to declared groups, every group is used", () => {
    expect(programme.sources.filter((s) => !groupIds.has(s.group))).toEqual([]);
    expect([...groupIds].filter((g) => !programme.sources.some((s) => s.group === g))).toEqual([]);
    expect(sourceIds.size).toBe(programme.sources.length);
    expect(groupIds.size).toBe(programme.source_groups.length);
  });
});

// ───────────────────────────── outline ─────────────────────────────

describe("outline", () => {
  const all = flattenSections(outline.sections);

  it("has unique section ids and unique narrative keys", () => {
    const ids = all.map((s) => s.id);
    const keys = all.flatMap((s) => (s.narrative ? [s.narrative] : []));
    expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
    expect(keys.filter((x, i) => keys.indexOf(x) !== i)).toEqual([]);
  });

  it("numbers sections consistently and nests levels", () => {
    const problems: string[] = [];
    const walk = (sections: OutlineSection[], parent: OutlineSection | null) => {
      for (const s of sections) {
        const last = s.number.split(".").at(-1);
        const expected = parent ? `${parent.id}.${last}` : s.number;
        if (s.id !== expected) problems.push(`${s.id}: expected id ${expected}`);
        if (parent && !s.levels.every((l) => parent.levels.includes(l)))
          problems.push(`${s.id}: levels outside those of ${parent.id}`);
        if (!s.levels.every((l) => (LEVELS as readonly string[]).includes(l))) problems.push(`${s.id}: unknown level`);
        if (!parent && s.title !== s.title.toLocaleUpperCase("vi")) problems.push(`${s.id}: a part title is upper case`);
        walk(s.children ?? [], s);
      }
    };
    walk(outline.sections, null);
    expect(problems).toEqual([]);
  });

  it("quotes only existing forms, and every form somewhere", () => {
    const quoted = new Set(all.flatMap((s) => s.forms));
    expect([...quoted].filter((f) => !forms.has(f))).toEqual([]);
    expect(FORM_IDS.filter((f) => !quoted.has(f))).toEqual([]);
  });
});

// ───────────────────────────── forms ─────────────────────────────

describe("forms", () => {
  it("exactly B01 … B08 exist, each named after its id", () => {
    const files = readdirSync(rel("data/forms")).filter((f) => f.endsWith(".yaml")).sort();
    expect(files).toEqual(FORM_IDS.map((id) => `${id}.yaml`));
    for (const [id, f] of forms) expect(f.id).toBe(id);
  });

  it.each([...FORM_IDS])("%s: columns use the cell-expression vocabulary and existing ids", (id) => {
    const form = forms.get(id)!;
    const leaves = leafColumns(form.columns);
    expect(leaves.length).toBeLessThanOrEqual(MAX_LEAF_COLUMNS);
    const problems = leaves.flatMap((c) =>
      c.value === undefined ? [`${c.label}: no value`] : cellProblems(c.value, form.layout, `${id} "${c.label}"`),
    );
    expect(problems).toEqual([]);
    const exprs = leaves.map((c) => c.value);
    expect(exprs).toContain("number");
    expect(exprs).toContain("label");
  });

  it.each([...FORM_IDS])("%s: rows fit the layout and reference existing ids", (id) => {
    const form = forms.get(id)!;
    const problems: string[] = [];
    const allowed: Record<FormSpec["layout"], string[]> = {
      indicators: ["indicator", "heading"],
      children: [],
      finance_sources: ["source", "source_group", "total", "sum", "heading"],
      finance_components: ["component", "total", "heading", "component+sum"],
    };
    for (const [n, row] of form.rows.entries()) {
      const where = `${id} rows[${n}] (${row.number})`;
      // A sum row is one kind of its own (B04's 1, 2, I), or adds the rows of a total or a component.
      const kinds = (["indicator", "source", "source_group", "component", "total", "sum", "heading"] as const).filter(
        (k) => row[k] !== undefined && !(k === "sum" && row.total),
      );
      const kind = kinds.join("+");
      if (!kinds.length || !allowed[form.layout].includes(kind))
        problems.push(`${where}: one of ${allowed[form.layout].join("/")} expected, got ${kinds.join("+") || "none"}`);
      if ((row.heading || row.total || (row.sum && !row.component)) && !row.label) problems.push(`${where}: a heading, total or sum row needs a label`);
      problems.push(...indicatorProblem(row.indicator, where));
      if (row.source !== undefined && !sourceIds.has(row.source)) problems.push(`${where}: unknown source`);
      if (row.source_group !== undefined && !groupIds.has(row.source_group)) problems.push(`${where}: unknown group`);
      if (row.component !== undefined && !componentIds.has(row.component)) problems.push(`${where}: unknown component`);
    }
    expect(problems).toEqual([]);
  });

  it("B02 is laid out per child unit with no rows of its own", () => {
    const b02 = forms.get("B02")!;
    expect(b02.layout).toBe("children");
    expect(b02.rows).toEqual([]);
  });

  it("B03 lists the 10 deprivation indicators, B05 every component, B04 every source group", () => {
    const rowsOf = (id: string) => forms.get(id)!.rows;
    const b03 = new Set(rowsOf("B03").map((r) => r.indicator));
    const deprivations = catalogue.indicators.filter((i) => i.group === "thieu_hut").map((i) => i.id);
    expect(deprivations.filter((d) => !b03.has(d))).toEqual([]);
    const b05 = rowsOf("B05").flatMap((r) => (r.component ? [r.component] : []));
    expect([...b05].sort()).toEqual([...componentIds].sort());
    const b04 = new Set(rowsOf("B04").map((r) => r.source_group));
    // A group is a row of its own, or (I) the sum row over its sources' rows.
    expect([...groupIds].filter((g) => !b04.has(g) && !rowsOf("B04").some((r) => r.number === g && r.sum))).toEqual([]);
    expect(rowsOf("B04").filter((r) => r.total)).toHaveLength(1);
    expect(rowsOf("B05").filter((r) => r.total)).toHaveLength(1);
  });

  it("every project output and policy result appears in Biểu 06 / 07, participation in Biểu 08", () => {
    const placed = (id: string) => new Set(forms.get(id)!.rows.map((r) => r.indicator));
    const missing = (group: string, form: string, except: string[] = []) =>
      catalogue.indicators
        .filter((i) => i.group === group && !except.includes(i.id) && !placed(form).has(i.id))
        .map((i) => i.id);
    expect(missing("du_an", "B06")).toEqual([]);
    // Dư nợ is a stock: it cannot take the "Tổng" column of Biểu 07.
    expect(missing("chinh_sach", "B07", ["du_no_cho_vay"])).toEqual([]);
    expect(missing("tham_gia", "B08")).toEqual([]);
  });

  it("form levels are known levels", () => {
    for (const f of forms.values())
      expect(f.levels.filter((l) => !(LEVELS as readonly string[]).includes(l)), f.id).toEqual([]);
  });
});
