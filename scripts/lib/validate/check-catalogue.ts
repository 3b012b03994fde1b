// The catalogue files refer to each other (forms → indicators, sources, components; indicators →
// their totals, numerators, weights; identities, breakdowns and roles → indicators). A reference to
// something that does not exist would silently print an empty row, so it is an error.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import type { Dataset } from "../model/dataset.js";
import { resolveRows } from "../model/form-rows.js";
import type { FormColumn, FormSpec, OutlineSection } from "../model/types.js";
import type { ParsedFile } from "../parse/parse-yaml.js";

/** Known ids of every kind a catalogue file may refer to. */
interface Known {
  indicators: Set<string>;
  groups: Set<string>;
  periods: Set<string>;
  sources: Set<string>;
  components: Set<string>;
  levels: Set<string>;
}

/** Reports `id` at `path` of file `f` when `known` lacks it. */
type Ref = (f: ParsedFile | undefined, path: (string | number)[], what: string, id: string | undefined, known: Set<string>) => void;

export function checkCatalogue(ds: Dataset): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known: Known = {
    indicators: new Set(ds.catalogue.indicators.map((i) => i.id)),
    groups: new Set(ds.catalogue.indicators.map((i) => i.group)),
    periods: new Set(ds.project.periods.map((p) => p.id)),
    sources: new Set([...ds.programme.sources.map((s) => s.id), ...ds.programme.source_groups.map((g) => g.id)]),
    components: new Set(ds.programme.components.map((c) => c.id)),
    levels: new Set(ds.levels.keys()),
  };
  const ref: Ref = (f, path, what, id, set) => {
    if (f && id !== undefined && !set.has(id)) out.push(diagnostic("CATALOGUE_UNKNOWN_REF", { what, id }, { file: f, pointer: pointerOf(path) }));
  };
  checkRoles(ds, known, ref);
  checkIndicators(ds, known, ref);
  const prog = ds.files.get("catalogue/programme.yaml");
  const sourceIds = new Set(ds.programme.sources.map((s) => s.id));
  ds.programme.components.forEach((c, k) => c.sources?.forEach((s, j) => ref(prog, ["components", k, "sources", j], "Nguồn vốn", s, sourceIds)));
  ds.programme.source_groups.forEach((g, k) => g.indicators?.forEach((id, j) => ref(prog, ["source_groups", k, "indicators", j], "Chỉ tiêu", id, known.indicators)));
  for (const [rel, f] of ds.files) {
    const form = rel.startsWith("forms/") ? ds.forms.find((x) => x === f.data) : undefined;
    if (form) out.push(...checkForm(form, f, known, ref));
  }
  // Levels are data (project.yaml): an outline section or form switched on for an undeclared level would never be printed.
  const outline = ds.files.get("catalogue/outline.yaml");
  const sectionLevels = (sections: OutlineSection[], path: (string | number)[]): void =>
    sections.forEach((s, k) => {
      s.levels.forEach((l, j) => ref(outline, [...path, k, "levels", j], "Cấp", l, known.levels));
      if (s.children) sectionLevels(s.children, [...path, k, "children"]);
    });
  sectionLevels(ds.outline.sections, ["sections"]);
  return out;
}

/** The roles name indicators and groups of the catalogue: a role naming none would leave its sentence, figure or page empty. */
function checkRoles(ds: Dataset, known: Known, ref: Ref): void {
  const file = ds.files.get("catalogue/indicators.yaml");
  const { deprivation_group, key_groups, ...indicators } = ds.catalogue.roles;
  for (const [role, id] of Object.entries(indicators)) ref(file, ["roles", role], "Chỉ tiêu", id, known.indicators);
  ref(file, ["roles", "deprivation_group"], "Nhóm chỉ tiêu", deprivation_group, known.groups);
  key_groups.forEach((g, k) => ref(file, ["roles", "key_groups", k], "Nhóm chỉ tiêu", g, known.groups));
  const page = ds.catalogue.unit_page;
  page.key_figures.forEach((id, k) => ref(file, ["unit_page", "key_figures", k], "Chỉ tiêu", id, known.indicators));
  page.cards.forEach((c, k) => {
    ref(file, ["unit_page", "cards", k, "indicator"], "Chỉ tiêu", c.indicator, known.indicators);
    if (c.rate !== undefined) ref(file, ["unit_page", "cards", k, "rate"], "Chỉ tiêu", c.rate, known.indicators);
  });
}

function checkIndicators(ds: Dataset, known: Known, ref: Ref): void {
  const file = ds.files.get("catalogue/indicators.yaml");
  const ind = known.indicators;
  ds.catalogue.indicators.forEach((i, k) => {
    ref(file, ["indicators", k, "part_of"], "Chỉ tiêu tổng", i.part_of, ind);
    ref(file, ["indicators", k, "requires"], "Chỉ tiêu cần có", i.requires, ind);
    ref(file, ["indicators", k, "component"], "Dự án, tiểu dự án", i.component, known.components);
    i.periods.forEach((p, j) => ref(file, ["indicators", k, "periods", j], "Kỳ", p, known.periods));
    const a = i.aggregate;
    if (a.rule === "ratio") {
      ref(file, ["indicators", k, "aggregate", "numerator"], "Chỉ tiêu tử số", a.numerator, ind);
      ref(file, ["indicators", k, "aggregate", "denominator"], "Chỉ tiêu mẫu số", a.denominator, ind);
    }
    if (a.rule === "weighted_mean") ref(file, ["indicators", k, "aggregate", "weight"], "Chỉ tiêu quyền số", a.weight, ind);
  });
  ds.catalogue.identities.forEach((idn, k) => {
    ref(file, ["identities", k, "stock"], "Chỉ tiêu", idn.stock, ind);
    idn.minus.forEach((m, j) => ref(file, ["identities", k, "minus", j], "Chỉ tiêu", m, ind));
    idn.plus.forEach((m, j) => ref(file, ["identities", k, "plus", j], "Chỉ tiêu", m, ind));
  });
  (ds.catalogue.breakdowns ?? []).forEach((b, k) => {
    ref(file, ["breakdowns", k, "total"], "Chỉ tiêu", b.total, ind);
    b.parts.forEach((m, j) => ref(file, ["breakdowns", k, "parts", j], "Chỉ tiêu", m, ind));
  });
}

function checkForm(form: FormSpec, f: ParsedFile, known: Known, ref: Ref): Diagnostic[] {
  const out = resolveRows(form.rows).errors.map((e) =>
    diagnostic("CATALOGUE_FORM_ROW_REF", { row: form.rows[e.row]!.number || form.rows[e.row]!.label || String(e.row + 1), ref: e.ref, reason: e.reason }, { file: f, pointer: pointerOf(["rows", e.row, ...e.path]) }),
  );
  form.rows.forEach((r, k) => {
    ref(f, ["rows", k, "indicator"], "Chỉ tiêu", r.indicator, known.indicators);
    ref(f, ["rows", k, "source"], "Nguồn vốn", r.source, known.sources);
    ref(f, ["rows", k, "source_group"], "Nhóm nguồn vốn", r.source_group, known.sources);
    ref(f, ["rows", k, "component"], "Dự án, tiểu dự án", r.component, known.components);
  });
  const walk = (cols: FormColumn[], path: (string | number)[]) =>
    cols.forEach((c, k) => {
      if (c.children) walk(c.children, [...path, k, "children"]);
      const parts = (c.value ?? "").split(":").slice(1);
      for (const p of parts) {
        if (known.periods.has(p) || p === "all" || known.indicators.has(p) || known.sources.has(p)) continue;
        out.push(diagnostic("CATALOGUE_UNKNOWN_REF", { what: "Mã trong biểu thức cột", id: p }, { file: f, pointer: pointerOf([...path, k, "value"]) }));
      }
    });
  walk(form.columns, ["columns"]);
  form.levels.forEach((l, k) => ref(f, ["levels", k], "Cấp", l, known.levels));
  return out;
}
