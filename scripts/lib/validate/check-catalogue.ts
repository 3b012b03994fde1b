// The catalogue files refer to each other (forms → indicators, sources, components; indicators →
// their totals, numerators, weights; identities and breakdowns → indicators). A reference to
// something that does not exist would silently print an empty row, so it is an error.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import type { Dataset } from "../model/dataset.js";
import { resolveRows } from "../model/form-rows.js";
import type { FormColumn, OutlineSection } from "../model/types.js";

export function checkCatalogue(ds: Dataset): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ind = new Set(ds.catalogue.indicators.map((i) => i.id));
  const periods = new Set(ds.project.periods.map((p) => p.id));
  const sources = new Set([...ds.programme.sources.map((s) => s.id), ...ds.programme.source_groups.map((g) => g.id)]);
  const components = new Set(ds.programme.components.map((c) => c.id));
  const levels = new Set(ds.levels.keys());
  const file = ds.files.get("catalogue/indicators.yaml");
  const ref = (f: typeof file, path: (string | number)[], what: string, id: string | undefined, known: Set<string>) => {
    if (f && id !== undefined && !known.has(id)) out.push(diagnostic("CATALOGUE_UNKNOWN_REF", { what, id }, { file: f, pointer: pointerOf(path) }));
  };
  ds.catalogue.indicators.forEach((i, k) => {
    ref(file, ["indicators", k, "part_of"], "Chỉ tiêu tổng", i.part_of, ind);
    ref(file, ["indicators", k, "requires"], "Chỉ tiêu cần có", i.requires, ind);
    ref(file, ["indicators", k, "component"], "Dự án, tiểu dự án", i.component, components);
    i.periods.forEach((p, j) => ref(file, ["indicators", k, "periods", j], "Kỳ", p, periods));
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
  const prog = ds.files.get("catalogue/programme.yaml");
  const sourceIds = new Set(ds.programme.sources.map((s) => s.id));
  ds.programme.components.forEach((c, k) => c.sources?.forEach((s, j) => ref(prog, ["components", k, "sources", j], "Nguồn vốn", s, sourceIds)));
  ds.programme.source_groups.forEach((g, k) => g.indicators?.forEach((id, j) => ref(prog, ["source_groups", k, "indicators", j], "Chỉ tiêu", id, ind)));
  for (const [rel, f] of ds.files) {
    if (!rel.startsWith("forms/")) continue;
    const form = ds.forms.find((x) => x === f.data);
    if (!form) continue;
    for (const e of resolveRows(form.rows).errors) {
      out.push(diagnostic("CATALOGUE_FORM_ROW_REF", { row: form.rows[e.row]!.number || form.rows[e.row]!.label || String(e.row + 1), ref: e.ref, reason: e.reason }, { file: f, pointer: pointerOf(["rows", e.row, ...e.path]) }));
    }
    form.rows.forEach((r, k) => {
      ref(f, ["rows", k, "indicator"], "Chỉ tiêu", r.indicator, ind);
      ref(f, ["rows", k, "source"], "Nguồn vốn", r.source, sources);
      ref(f, ["rows", k, "source_group"], "Nhóm nguồn vốn", r.source_group, sources);
      ref(f, ["rows", k, "component"], "Dự án, tiểu dự án", r.component, components);
    });
    const walk = (cols: FormColumn[], path: (string | number)[]) =>
      cols.forEach((c, k) => {
        if (c.children) walk(c.children, [...path, k, "children"]);
        const parts = (c.value ?? "").split(":").slice(1);
        for (const p of parts) {
          if (periods.has(p) || p === "all" || ind.has(p) || sources.has(p)) continue;
          out.push(diagnostic("CATALOGUE_UNKNOWN_REF", { what: "Mã trong biểu thức cột", id: p }, { file: f, pointer: pointerOf([...path, k, "value"]) }));
        }
      });
    walk(form.columns, ["columns"]);
    form.levels.forEach((l, k) => ref(f, ["levels", k], "Cấp", l, levels));
  }
  // Levels are data (project.yaml): an outline section or form switched on for an undeclared level would never be printed.
  const outline = ds.files.get("catalogue/outline.yaml");
  const sectionLevels = (sections: OutlineSection[], path: (string | number)[]): void =>
    sections.forEach((s, k) => {
      s.levels.forEach((l, j) => ref(outline, [...path, k, "levels", j], "Cấp", l, levels));
      if (s.children) sectionLevels(s.children, [...path, k, "children"]);
    });
  sectionLevels(ds.outline.sections, ["sections"]);
  return out;
}
