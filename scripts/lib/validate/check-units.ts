// The unit tree's shape, checked before anything rolls up: unique codes, known levels, parents
// that exist, no cycles, a parent at the level the child's level names, a root that exists.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic, pointerOf } from "../diagnostics/make.js";
import type { Dataset } from "../model/dataset.js";
import { suggest } from "../diagnostics/suggest.js";

export function checkUnits(ds: Dataset): Diagnostic[] {
  const out: Diagnostic[] = [];
  const firstSeen = new Map<string, string>();
  const levelIds = [...ds.levels.keys()];
  for (const uf of ds.unitFiles) {
    uf.data.units.forEach((u, i) => {
      const where = (field: string, on: "key" | "value" = "value") => ({ file: uf.file, pointer: pointerOf(["units", i, field]), on });
      const prev = firstSeen.get(u.code);
      if (prev) out.push(diagnostic("UNIT_DUPLICATE_CODE", { code: u.code, other: prev }, where("code")));
      else firstSeen.set(u.code, `${uf.file.path}, ${u.name}`);
      const level = ds.levels.get(u.level);
      if (!level) {
        out.push(diagnostic("UNIT_UNKNOWN_LEVEL", { level: u.level, allowed: levelIds.join(", ") }, where("level")));
        return;
      }
      // A policy whose figures the unit keeps for its parent's territory must be one the catalogue knows.
      const policies = [...new Set(ds.catalogue.indicators.flatMap((x) => (x.policy ? [x.policy] : [])))];
      (u.source_of ?? []).forEach((policy, j) => {
        if (!policies.includes(policy)) out.push(diagnostic("UNIT_UNKNOWN_POLICY", { code: u.code, policy, allowed: policies.join(", ") }, { file: uf.file, pointer: pointerOf(["units", i, "source_of", j]), on: "value" }));
      });
      if (u.parent === null) {
        if (u.code !== ds.project.root) out.push(diagnostic("UNIT_UNKNOWN_PARENT", { code: u.code, parent: "null" }, where("parent")));
        return;
      }
      const parent = ds.units.get(u.parent);
      if (!parent) {
        out.push(diagnostic("UNIT_UNKNOWN_PARENT", { code: u.code, parent: u.parent }, where("parent")));
        return;
      }
      if (level.parent !== parent.level) {
        const name = (id: string | null) => (id ? (ds.levels.get(id)?.name ?? id).toLowerCase() : "không có cấp trên");
        out.push(
          diagnostic(
            "UNIT_LEVEL_MISMATCH",
            { code: u.code, level: name(u.level), parent: u.parent, parentLevel: name(parent.level), expected: `một đơn vị ${name(level.parent)}` },
            where("parent"),
          ),
        );
      }
    });
  }
  out.push(...checkCycles(ds));
  if (!ds.units.has(ds.project.root)) {
    const pf = ds.files.get("project.yaml");
    if (pf) out.push(diagnostic("UNIT_NO_ROOT", { root: ds.project.root }, { file: pf, pointer: "/root" }));
  }
  out.push(...checkFlags(ds));
  return out;
}

function checkCycles(ds: Dataset): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const uf of ds.unitFiles) {
    uf.data.units.forEach((u, i) => {
      const path: string[] = [];
      const onPath = new Set<string>();
      let cur: string | null = u.code;
      while (cur !== null && !onPath.has(cur)) {
        onPath.add(cur);
        path.push(cur);
        cur = ds.units.get(cur)?.parent ?? null;
      }
      if (cur === null || cur !== u.code || reported.has(u.code)) return;
      for (const c of path) reported.add(c);
      out.push(diagnostic("UNIT_CYCLE", { code: u.code, cycle: [...path, u.code].join(" → ") }, { file: uf.file, pointer: pointerOf(["units", i, "parent"]) }));
    });
  }
  return out;
}

function checkFlags(ds: Dataset): Diagnostic[] {
  const file = ds.files.get("unit-flags.yaml");
  const data = file?.data as { flags?: Record<string, string[]> } | undefined;
  if (!file || !data?.flags) return [];
  const out: Diagnostic[] = [];
  for (const [flag, codes] of Object.entries(data.flags)) {
    codes.forEach((code, i) => {
      if (!ds.units.has(code)) {
        out.push(diagnostic("REPORT_UNKNOWN_UNIT", { code, suggestion: suggest(code, ds.units.keys()) ?? "" }, { file, pointer: pointerOf(["flags", flag, i]) }));
      }
    });
  }
  return out;
}
