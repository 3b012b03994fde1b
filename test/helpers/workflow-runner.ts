// Runs a GitHub Actions job's steps locally, the way a runner would, for the workflow tests:
// each `run:` step as `bash --noprofile --norc -eo pipefail` in the repository, with
// GITHUB_OUTPUT (parsed into steps.<id>.outputs), GITHUB_STEP_SUMMARY (collected), GITHUB_ENV,
// the step's `env:` with `${{ … }}` expressions evaluated, and `if:` conditions (default
// success()). `uses:` steps are not run: they are recorded as reached or skipped. Steps whose
// command is in `skipCommands` (e.g. "npm ci": the test's repository links node_modules) count as
// succeeded. The expression language covered is what this project's workflows use.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  "continue-on-error"?: boolean;
}

export interface StepResult {
  name: string;
  outcome: "success" | "failure" | "skipped";
  /** For `uses:` steps: reached (its condition held) but not executed here. */
  uses?: string;
  stdout: string;
  stderr: string;
}

export interface JobResult {
  result: "success" | "failure";
  steps: StepResult[];
  /** The job summary, every step's GITHUB_STEP_SUMMARY in order. */
  summary: string;
}

export interface RunOptions {
  cwd: string;
  /** The `github` context: base_ref, event.pull_request.number, … */
  github: Record<string, unknown>;
  env?: Record<string, string>;
  skipCommands?: string[];
  /** Stop before the first step that uses this action (e.g. "actions/upload-pages-artifact"). */
  stopBeforeUses?: string;
}

type Value = string | number | boolean | null | undefined;

/** Evaluates `${{ }}`-free expression text against the contexts. */
function evaluate(expr: string, ctx: { github: Record<string, unknown>; steps: Record<string, { outputs: Record<string, string>; outcome: string }>; jobFailed: boolean }): Value {
  const tokens = expr.match(/'(?:[^']|'')*'|&&|\|\||==|!=|!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?|\d+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++]!;
  const lookup = (path: string): Value => {
    const parts = path.split(".");
    let v: unknown = parts[0] === "github" ? ctx.github : parts[0] === "steps" ? ctx.steps : undefined;
    for (const p of parts.slice(1)) v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
    return v as Value;
  };
  const primary = (): Value => {
    const t = next();
    if (t === "(") {
      const v = or();
      next();
      return v;
    }
    if (t === "!") return !truthy(primary());
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (/^\d+$/.test(t)) return Number(t);
    if (t === "true" || t === "false") return t === "true";
    if (t === "success()") return !ctx.jobFailed;
    if (t === "failure()") return ctx.jobFailed;
    if (t === "always()") return true;
    if (t === "cancelled()") return false;
    if (t.endsWith("()")) throw new Error(`workflow-runner: function ${t} not supported`);
    return lookup(t);
  };
  const truthy = (v: Value) => v !== "" && v !== 0 && v !== false && v !== null && v !== undefined;
  const eq = (): Value => {
    let l = primary();
    while (peek() === "==" || peek() === "!=") {
      const op = next();
      const r = primary();
      const same = String(l ?? "").toLowerCase() === String(r ?? "").toLowerCase();
      l = op === "==" ? same : !same;
    }
    return l;
  };
  const and = (): Value => {
    let l = eq();
    while (peek() === "&&") {
      next();
      const r = eq();
      l = truthy(l) ? r : l;
    }
    return l;
  };
  const or = (): Value => {
    let l = and();
    while (peek() === "||") {
      next();
      const r = and();
      l = truthy(l) ? l : r;
    }
    return l;
  };
  const v = or();
  return v;
}

const truthyValue = (v: Value) => v !== "" && v !== 0 && v !== false && v !== null && v !== undefined;

/** Runs job `job` of the workflow file. */
export function runJob(workflowFile: string, job: string, opts: RunOptions): JobResult {
  const wf = parse(readFileSync(workflowFile, "utf8")) as { jobs: Record<string, { steps: Step[] }> };
  const steps = wf.jobs[job]?.steps;
  if (!steps) throw new Error(`workflow-runner: no job ${job} in ${workflowFile}`);
  const tmp = mkdtempSync(join(tmpdir(), "runner-"));
  const results: StepResult[] = [];
  const ctx = { github: opts.github, steps: {} as Record<string, { outputs: Record<string, string>; outcome: string }>, jobFailed: false };
  let summary = "";
  const jobEnv: Record<string, string> = {};
  const interpolate = (s: string) => s.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, e: string) => String(evaluate(e.trim(), ctx) ?? ""));
  try {
    for (const [n, step] of steps.entries()) {
      const name = step.name ?? step.run?.split("\n")[0] ?? step.uses ?? `step ${n}`;
      if (opts.stopBeforeUses && step.uses?.startsWith(`${opts.stopBeforeUses}@`)) break;
      const cond = step.if ? step.if.replace(/^\$\{\{([\s\S]*)\}\}$/, "$1").trim() : "success()";
      const runs = /\b(success|failure|always|cancelled)\(\)/.test(cond) ? truthyValue(evaluate(cond, ctx)) : !ctx.jobFailed && truthyValue(evaluate(cond, ctx));
      const record = (r: StepResult, outputs: Record<string, string> = {}) => {
        results.push(r);
        if (step.id) ctx.steps[step.id] = { outputs, outcome: r.outcome };
      };
      const uses = step.uses ? { uses: step.uses.split("@")[0]! } : {};
      if (!runs) {
        record({ name, outcome: "skipped", stdout: "", stderr: "", ...uses });
        continue;
      }
      if (step.uses || (step.run && opts.skipCommands?.includes(step.run.trim()))) {
        record({ name, outcome: "success", stdout: "", stderr: "", ...uses });
        continue;
      }
      const files = { out: join(tmp, `out-${n}`), sum: join(tmp, `sum-${n}`), env: join(tmp, `env-${n}`), script: join(tmp, `step-${n}.sh`) };
      for (const f of [files.out, files.sum, files.env]) writeFileSync(f, "");
      writeFileSync(files.script, interpolate(step.run ?? ""));
      const env: Record<string, string> = { ...process.env, ...opts.env, ...jobEnv, GITHUB_OUTPUT: files.out, GITHUB_STEP_SUMMARY: files.sum, GITHUB_ENV: files.env, CI: "true", GITHUB_ACTIONS: "true" } as Record<string, string>;
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(String(v));
      const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", files.script], { cwd: opts.cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
      const outputs: Record<string, string> = {};
      for (const line of readFileSync(files.out, "utf8").split("\n")) {
        const eqAt = line.indexOf("=");
        if (eqAt > 0) outputs[line.slice(0, eqAt)] = line.slice(eqAt + 1);
      }
      for (const line of readFileSync(files.env, "utf8").split("\n")) {
        const eqAt = line.indexOf("=");
        if (eqAt > 0) jobEnv[line.slice(0, eqAt)] = line.slice(eqAt + 1);
      }
      summary += readFileSync(files.sum, "utf8");
      const ok = r.status === 0;
      if (!ok && !step["continue-on-error"]) ctx.jobFailed = true;
      record({ name, outcome: ok ? "success" : "failure", stdout: r.stdout ?? "", stderr: r.stderr ?? "" }, outputs);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { result: ctx.jobFailed ? "failure" : "success", steps: results, summary };
}

/** git with a fixed identity and date, for repositories made by tests. */
export function gitIn(cwd: string, args: string[], date = "2018-07-20T09:00:00+07:00"): string {
  return execFileSync("git", ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "Kiểm thử", GIT_AUTHOR_EMAIL: "test@example.org", GIT_COMMITTER_NAME: "Kiểm thử", GIT_COMMITTER_EMAIL: "test@example.org", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}
