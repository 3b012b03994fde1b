// Stage boundaries: every import in scripts/lib/ goes down the README's table "stage — may import"
// (the one place the layering is written), and no file imports itself back through others.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAst } from "rolldown/parseAst";
import { parse } from "yaml";
import type { IndicatorCatalogue } from "../scripts/lib/model/types.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LIB = join(ROOT, "scripts/lib");

interface Stage {
  /** The row's first path, e.g. "model/" or "check.ts". */
  name: string;
  /** Folders ("model/") and root files ("check.ts") of the row; "*.ts" is every other root file. */
  paths: string[];
  /** Names of the stages it may import; "all above" allows every earlier row. */
  mayImport: string[] | "all above";
}

/** The README's table whose header starts with "| stage": one row per stage, lowest first. */
function stagesFromReadme(readme: string): Stage[] {
  const lines = readme.split("\n");
  const start = lines.findIndex((l) => /^\| stage\b/i.test(l));
  if (start < 0) throw new Error('README.md has no table starting with "| stage"');
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("|"));
  const rows = lines.slice(start + 2, end < 0 ? undefined : end);
  return rows.map((row) => {
    const cells = row.split("|").slice(1, -1);
    const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const paths = ticks(cells[0]!);
    const last = cells[cells.length - 1]!;
    return { name: paths[0]!, paths, mayImport: /all above/.test(last) ? "all above" : ticks(last) };
  });
}

interface Import {
  spec: string;
  /** `import type`/`export type`, or braces holding only `type X`: erased at run time. */
  typeOnly: boolean;
}

/** Relative imports of one TypeScript file, read with oxc's parser: static (side-effect ones too),
 *  re-exports, dynamic `import()` and `import("…").T` types, whatever their quotes. */
function importsOf(text: string, file = "file.ts"): Import[] {
  const out: Import[] = [];
  const onlyTypes = (n: Node, kind: "importKind" | "exportKind") => {
    const names = (n.specifiers ?? []) as Node[];
    return n[kind] === "type" || (names.length > 0 && names.every((x) => x[kind] === "type"));
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const n = node as Node;
    const source = n.source as Node | null | undefined;
    const quasis = source?.type === "TemplateLiteral" && (source.expressions as unknown[]).length === 0 ? (source.quasis as { value: { cooked: string } }[]) : null;
    const spec = quasis ? quasis[0]!.value.cooked : source?.value;
    if (typeof spec === "string") {
      if (n.type === "ImportDeclaration") out.push({ spec, typeOnly: onlyTypes(n, "importKind") });
      else if (n.type === "ExportNamedDeclaration" || n.type === "ExportAllDeclaration") out.push({ spec, typeOnly: onlyTypes(n, "exportKind") });
      else if (n.type === "ImportExpression") out.push({ spec, typeOnly: false });
      else if (n.type === "TSImportType") out.push({ spec, typeOnly: true });
    }
    for (const [k, v] of Object.entries(n)) if (k !== "parent" && v && typeof v === "object") visit(v);
  };
  visit(parseAst(text, { lang: "ts" }, file));
  return out.filter((i) => i.spec.startsWith("."));
}

function stageOf(file: string, stages: Stage[]): Stage | undefined {
  const exact = stages.find((s) => s.paths.some((p) => (p.endsWith("/") ? file.startsWith(p) : file === p)));
  return exact ?? (file.includes("/") ? undefined : stages.find((s) => s.paths.includes("*.ts")));
}

/** Every import that leaves its stage for one the table does not allow, as "file: import (why)". */
function upwardImports(graph: Map<string, string[]>, stages: Stage[]): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph) {
    const from = stageOf(file, stages);
    if (!from) {
      out.push(`${file}: belongs to no stage of the README's table`);
      continue;
    }
    const rank = stages.indexOf(from);
    for (const target of targets) {
      const to = stageOf(target, stages);
      if (to === from) continue;
      const allowed = to && (from.mayImport === "all above" ? stages.indexOf(to) < rank : from.mayImport.includes(to.name));
      if (!allowed) out.push(`${file}: imports ${target} (stage ${from.name} may not import ${to?.name ?? "an unlisted file"})`);
    }
  }
  return out;
}

/** Stages that may import a stage listed below them (the table itself would allow a cycle). */
function misorderedStages(stages: Stage[]): string[] {
  return stages.flatMap((s, i) =>
    s.mayImport === "all above" ? [] : s.mayImport.filter((n) => stages.findIndex((t) => t.name === n) >= i || !stages.some((t) => t.name === n)).map((n) => `${s.name} may import ${n}, which is not above it`),
  );
}

/** The shortest way from `start` back to itself inside one strongly connected component. */
function cycleThrough(start: string, scc: Set<string>, graph: Map<string, string[]>): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!scc.has(w) || prev.has(w)) continue;
      prev.set(w, v);
      if (w === start) queue.length = 0;
      else queue.push(w);
    }
  }
  const between: string[] = [];
  for (let v = prev.get(start)!; v !== start; v = prev.get(v)!) between.unshift(v);
  return [start, ...between, start];
}

/** Import cycles between files, each as "a.ts → b.ts → a.ts" (Tarjan's strongly connected components). */
function importCycles(graph: Map<string, string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      scc.unshift(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(cycleThrough(v, new Set(scc), graph).join(" → "));
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Every file's imports as files of scripts/lib/; `runtime` leaves out the type-only ones. */
function libGraph(runtime: boolean): Map<string, string[]> {
  const files = readdirSync(LIB, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => f.split("\\").join("/")).sort();
  const target = (f: string, spec: string) => posix.normalize(posix.join(posix.dirname(f), spec)).replace(/\.js$/, ".ts");
  return new Map(files.map((f) => [f, importsOf(readFileSync(join(LIB, f), "utf8"), f).filter((i) => !runtime || !i.typeOnly).map((i) => target(f, i.spec))]));
}

describe("stage boundaries (README: stage — may import)", () => {
  const stages = stagesFromReadme(readFileSync(join(ROOT, "README.md"), "utf8"));
  const graph = libGraph(false);

  it("the table lists the stages, each after every stage it may import", () => {
    expect(stages.map((s) => s.name)).toContain("model/");
    expect(misorderedStages(stages)).toEqual([]);
  });

  it("no file in scripts/lib/ imports a stage its own may not import", () => {
    expect(upwardImports(graph, stages)).toEqual([]);
  });

  // Type-only imports are left out here: they vanish at run time, and a stage's types may refer to
  // each other across its files (model/types.ts ⇄ catalogue-types.ts). Between stages the test above
  // forbids them too.
  it("no import cycle between files of scripts/lib/ at run time", () => {
    expect(importCycles(libGraph(true))).toEqual([]);
  });

  // With type-only imports: only model/'s types may refer to each other (types.ts ⇄ catalogue-types.ts).
  it("no type-only import cycle either, but between model/'s types", () => {
    const allowed = (cycle: string) => cycle.split(" → ").every((f) => f.startsWith("model/"));
    expect(importCycles(graph).filter((c) => !allowed(c))).toEqual([]);
  });

  it("every import names a file that exists", () => {
    const missing = [...graph].flatMap(([f, ts]) => ts.filter((t) => !graph.has(t) && !t.endsWith(".mjs")).map((t) => `${f}: ${t}`));
    expect(missing).toEqual([]);
  });
});

describe("the boundary checker", () => {
  const table = [
    "| stage | what | may import |",
    "| --- | --- | --- |",
    "| `model/` | types | — |",
    "| `load/` | reads | `model/` |",
    "| pipeline: `check.ts` `*.ts` | runs | all above |",
  ].join("\n");
  const stages = stagesFromReadme(`# t\n\n${table}\n\nafter`);

  it("reads multi-line imports, re-exports and dynamic imports, not bare packages", () => {
    const text = 'import {\n  a,\n  b,\n} from "../model/a.js";\nexport { c } from "./c.js";\nconst d = await import("./d.js");\nimport x from "yaml";';
    expect(importsOf(text).map((i) => i.spec)).toEqual(["../model/a.js", "./c.js", "./d.js"]);
  });

  it("reads single-quoted and template specifiers, side-effect imports and export *, not text that looks like one", () => {
    const text = "import { a } from '../render/a.js';\nimport './s.js';\nexport * from '../site/b.js';\nconst d = await import(`./d.js`);\nconst note = 'import { x } from \"./x.js\"';\n// import { y } from \"./y.js\";";
    expect(importsOf(text).map((i) => `${i.spec} ${i.typeOnly}`)).toEqual(["../render/a.js false", "./s.js false", "../site/b.js false", "./d.js false"]);
  });

  it("tells type-only imports from those that run", () => {
    const text = 'import type { A } from "./a.js";\nimport { type B, type C } from "./b.js";\nimport { type D, e } from "./d.js";\nexport type { F } from "./f.js";\nexport { g } from "./g.js";\ntype T = import("./t.js").T;\nimport h, { type H } from "./h.js";';
    expect(importsOf(text).map((i) => `${i.spec} ${i.typeOnly}`)).toEqual(["./a.js true", "./b.js true", "./d.js false", "./f.js true", "./g.js false", "./t.js true", "./h.js false"]);
  });

  it("names the file and the import of an upward import, and a file outside every stage", () => {
    const graph = new Map([
      ["model/a.ts", ["load/b.ts"]],
      ["load/b.ts", ["model/a.ts"]],
      ["build.ts", ["load/b.ts"]],
      ["other/c.ts", []],
    ]);
    expect(upwardImports(graph, stages)).toEqual([
      "model/a.ts: imports load/b.ts (stage model/ may not import load/)",
      "other/c.ts: belongs to no stage of the README's table",
    ]);
  });

  it("finds a cycle inside a stage", () => {
    const graph = new Map([
      ["load/a.ts", ["load/b.ts"]],
      ["load/b.ts", ["load/c.ts"]],
      ["load/c.ts", ["load/a.ts"]],
      ["load/d.ts", ["load/a.ts"]],
    ]);
    expect(importCycles(graph)).toEqual(["load/a.ts → load/b.ts → load/c.ts → load/a.ts"]);
  });

  it("refuses a table where a stage may import one below it", () => {
    const bad = stagesFromReadme(table.replace("| `model/` | types | — |", "| `model/` | types | `load/` |"));
    expect(misorderedStages(bad)).toEqual(["model/ may import load/, which is not above it"]);
  });
});

describe("what the catalogue says, the code does not repeat", () => {
  // The sample generator may know the catalogue it fills; everything else finds indicators by role.
  const catalogue = parse(readFileSync(join(ROOT, "data/catalogue/indicators.yaml"), "utf8")) as IndicatorCatalogue;
  const scripts = join(ROOT, "scripts");
  const files = readdirSync(scripts, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => posix.join(posix.relative(scripts.split("\\").join("/"), e.parentPath.split("\\").join("/")), e.name))
    .filter((f) => !f.startsWith("lib/sample/"));

  it("no indicator id of the bundled catalogue appears in scripts/ outside lib/sample/", () => {
    expect(files.length).toBeGreaterThan(100);
    const ids = new RegExp(`\\b(${catalogue.indicators.map((i) => i.id).join("|")})\\b`, "g");
    const found = files.flatMap((f) =>
      readFileSync(join(scripts, f), "utf8")
        .split("\n")
        .flatMap((line, k) => [...line.matchAll(ids)].map((m) => `scripts/${f}:${k + 1}: ${m[1]}`)),
    );
    expect(found).toEqual([]);
  });
});

// TypeScript 7 (native) has no JS compiler API; Vite's bundler (rolldown) ships oxc's parser.
type Node = { type?: string; start?: number; end?: number; [k: string]: unknown };
const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/** Functions (declarations, methods, function expressions, arrows) over `max` lines, as "file:line name (n lines)". */
function longFunctions(file: string, text: string, max: number): string[] {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const lineOf = (pos: number) => {
    let lo = 0;
    for (let hi = starts.length - 1; lo < hi; ) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: string[] = [];
  const nameOf = (parent: Node | null): string => {
    const id = (parent?.id ?? parent?.key) as Node | undefined;
    return typeof id?.name === "string" ? id.name : "(anonymous)";
  };
  const visit = (node: unknown, parent: Node | null): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, parent));
    if (!node || typeof node !== "object") return;
    const n = node as Node;
    if (n.type && FUNCTIONS.has(n.type) && n.body && n.start !== undefined && n.end !== undefined) {
      const lines = lineOf(n.end - 1) - lineOf(n.start) + 1;
      if (lines > max) out.push(`${file}:${lineOf(n.start)} ${typeof (n.id as Node | null)?.name === "string" ? (n.id as Node).name : nameOf(parent)} (${lines} lines)`);
    }
    for (const [k, v] of Object.entries(n)) if (k !== "parent" && v && typeof v === "object") visit(v, n.type ? n : parent);
  };
  visit(parseAst(text, { lang: "ts" }, file), null);
  return out;
}

describe("short functions", () => {
  const files = readdirSync(LIB, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => f.split("\\").join("/")).sort();
  const long = files.flatMap((f) => longFunctions(f, readFileSync(join(LIB, f), "utf8"), 60));

  it("no function in scripts/lib/ is longer than 60 lines", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(long).toEqual([]);
  });

  it("counts a function's lines from its first to its last, nested ones included", () => {
    const body = Array.from({ length: 59 }, (_, i) => `  const x${i} = () => ${i};`).join("\n");
    expect(longFunctions("a.ts", `function ok() {\n${body.split("\n").slice(1).join("\n")}\n}`, 60)).toEqual([]);
    expect(longFunctions("a.ts", `export const long = () => {\n${body}\n};`, 60)).toEqual(["a.ts:1 long (61 lines)"]);
  });
});
