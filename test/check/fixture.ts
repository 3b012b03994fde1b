// A small, valid data folder for another province ("99" Tỉnh Mẫu: 2 districts, 5 communes, 2
// departments), built in a temp dir for the check tests. The unit lists and reports are the
// hand-written files in test/fixtures/other-province/; project.yaml (root changed), plan.yaml,
// catalogue/ and forms/ are copied from the bundled data. Layout:
//   <tmp>/data/…            the data folder
// and every diagnostic path is relative to <tmp> ("data/reports/…"), so outputs are stable.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { expect } from "vitest";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CheckResult } from "../../scripts/lib/check.js";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import type { Diagnostic } from "../../scripts/lib/diagnostics/diagnostic.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMAS = join(REPO, "schemas");
const FIXTURE_SRC = join(REPO, "test/fixtures/other-province");
const MINI_SRC = join(REPO, "test/fixtures/mini-province");
/** The command-line launcher, as `npm run <command>` starts it: `node scripts/run.mjs <command> …`. */
export const RUN_MJS = join(REPO, "scripts/run.mjs");

/** Data-relative paths of the fixture's report files. */
export const FILES = {
  commune: "reports/901-thanh-pho-binh-an/00123-phuong-hoa-binh.yaml",
  commune2: "reports/901-thanh-pho-binh-an/00126-xa-dong-tam.yaml",
  district: "reports/901-thanh-pho-binh-an/901-thanh-pho-binh-an.yaml",
  drafting: "reports/902-huyen-son-khe/00130-thi-tran-son-khe.yaml",
  department: "reports/so-ban-nganh/so-ldtbxh.yaml",
} as const;

/** The fixture's unit count per level. */
export const UNIT_COUNTS = { province: 1, district: 2, commune: 5, department: 2 };

export interface Fixture {
  /** The temp dir holding data/; the cwd of every check, so paths read "data/…". */
  root: string;
  /** The data folder. */
  data: string;
  /** Path as shown in diagnostics: "data/<rel>". */
  shown(rel: string): string;
  read(rel: string): string;
  /** Writes (or overwrites) one file, creating folders. */
  write(rel: string, text: string | Buffer): void;
  /** Replaces one exact substring of a file (fails loudly if absent, so a test cannot silently test nothing). */
  edit(rel: string, from: string | RegExp, to: string): void;
  remove(rel: string): void;
  check(): CheckResult;
  /** Runs the real CLI (`node scripts/run.mjs check --data data`) with cwd = root. */
  cli(format?: "text" | "json" | "github"): { status: number | null; stdout: string; stderr: string };
  cleanup(): void;
}

export interface FixtureOptions {
  /** The mini province of test/fixtures/mini-province/ (1 district, 2 communes), every file hand-made
   *  (project, plan, a small catalogue, two forms), nothing copied from the bundled data. */
  mini?: boolean;
}

export function makeFixture(opts: FixtureOptions = {}): Fixture {
  const root = mkdtempSync(join(tmpdir(), "check-fixture-"));
  const data = join(root, "data");
  mkdirSync(data);
  if (opts.mini) cpSync(MINI_SRC, data, { recursive: true });
  else {
    cpSync(FIXTURE_SRC, data, { recursive: true });
    for (const p of ["plan.yaml", "catalogue", "forms"]) cpSync(join(REPO, "data", p), join(data, p), { recursive: true });
    const project = readFileSync(join(REPO, "data/project.yaml"), "utf8");
    if (!/^root: "25"$/m.test(project)) throw new Error("data/project.yaml: root line not found");
    writeFileSync(join(data, "project.yaml"), project.replace(/^root: "25"$/m, 'root: "99"'));
  }

  const fx: Fixture = {
    root,
    data,
    shown: (rel) => `data/${rel}`,
    read: (rel) => readFileSync(join(data, rel), "utf8"),
    write(rel, text) {
      mkdirSync(dirname(join(data, rel)), { recursive: true });
      writeFileSync(join(data, rel), text);
    },
    edit(rel, from, to) {
      const text = fx.read(rel);
      const next = text.replace(from, to);
      if (next === text) throw new Error(`fixture edit: ${String(from)} not found in ${rel}`);
      fx.write(rel, next);
    },
    remove: (rel) => rmSync(join(data, rel), { force: true }),
    check: () => runCheck({ dataDir: data, schemaDir: SCHEMAS, cwd: root }),
    cli(format = "json") {
      const r = spawnSync(process.execPath, [RUN_MJS, "check", "--data", "data", "--format", format], { cwd: root, encoding: "utf8", timeout: 60_000 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  return fx;
}

/** The diagnostics of one code, for compact assertions. */
export function only(result: CheckResult, code: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.code === code);
}

type Where = Pick<Diagnostic, "code" | "severity" | "file" | "line" | "column">;

/** Code, file, line, column and severity of a diagnostic, the fields every test asserts. */
export function where(d: Diagnostic): Where {
  return { code: d.code, severity: d.severity, file: d.file, line: d.line, column: d.column };
}

/** Asserts a diagnostic with exactly this code, severity, file, line and column exists; returns it. */
export function expectAt(result: CheckResult, expected: Where): Diagnostic {
  const same = only(result, expected.code);
  expect(same.map(where), `diagnostics: ${JSON.stringify(result.diagnostics.map(where))}`).toContainEqual(expected);
  return same.find((d) => d.file === expected.file && d.line === expected.line && d.column === expected.column)!;
}
