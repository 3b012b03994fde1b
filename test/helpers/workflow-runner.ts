// Runs a GitHub Actions job's steps locally, the way a runner would, for the workflow tests:
// each `run:` step as `bash -e` (a step without `shell:` on a Linux runner) in the repository, with
// GITHUB_OUTPUT (parsed into steps.<id>.outputs), GITHUB_STEP_SUMMARY (collected), GITHUB_ENV,
// the step's `env:` with `${{ … }}` expressions evaluated, and `if:` conditions (default
// success()). `uses:` steps are not run: they are recorded as reached or skipped. Steps whose
// command is in `skipCommands` (e.g. "npm ci": the test's repository links node_modules) count as
// succeeded. The expression language covered is what this project's workflows use; anything
// else (another context, a function with arguments, an unknown character) throws, never guesses.
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

const TOKEN = /\s*('(?:[^']|'')*'|&&|\|\||==|!=|<=|>=|<|>|!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?|\d+(?:\.\d+)?)/y;

/** Splits an expression into tokens; anything it does not know is an error, never dropped. */
function tokenize(expr: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expr.length) {
    if (/^\s*$/.test(expr.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(expr);
    if (!m) throw new Error(`workflow-runner: cannot read "${expr.slice(at)}" in expression "${expr}"`);
    tokens.push(m[1]!);
  }
  return tokens;
}

/** Evaluates `${{ }}`-free expression text against the contexts (the subset this project's workflows use; anything else throws). */
function evaluate(expr: string, ctx: { github: Record<string, unknown>; steps: Record<string, { outputs: Record<string, string>; outcome: string }>; jobFailed: boolean }): Value {
  const tokens = tokenize(expr);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => {
    if (i >= tokens.length) throw new Error(`workflow-runner: expression ends early: "${expr}"`);
    return tokens[i++]!;
  };
  const lookup = (path: string): Value => {
    const parts = path.split(".");
    if (parts[0] !== "github" && parts[0] !== "steps") throw new Error(`workflow-runner: context ${parts[0]} not supported in "${expr}"`);
    let v: unknown = parts[0] === "github" ? ctx.github : ctx.steps;
    for (const p of parts.slice(1)) v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
    return v as Value;
  };
  const truthy = (v: Value) => v !== "" && v !== 0 && v !== false && v !== null && v !== undefined;
  const primary = (): Value => {
    const t = next();
    if (t === "(") {
      const v = or();
      if (next() !== ")") throw new Error(`workflow-runner: missing ) in "${expr}"`);
      return v;
    }
    if (t === "!") return !truthy(primary());
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(t)) return Number(t);
    if (t === "true" || t === "false") return t === "true";
    if (t === "null") return null;
    if (t === "success()") return !ctx.jobFailed;
    if (t === "failure()") return ctx.jobFailed;
    if (t === "always()") return true;
    if (t === "cancelled()") return false;
    if (t.endsWith("()") || peek() === "(") throw new Error(`workflow-runner: function ${t} not supported in "${expr}"`);
    return lookup(t);
  };
  const compare = (): Value => {
    let l = primary();
    while (["==", "!=", "<", ">", "<=", ">="].includes(peek() ?? "")) {
      const op = next();
      const r = primary();
      if (op === "==" || op === "!=") {
        // GitHub compares strings case-insensitively; numbers as numbers.
        const same = typeof l === "number" || typeof r === "number" ? Number(l) === Number(r) : String(l ?? "").toLowerCase() === String(r ?? "").toLowerCase();
        l = op === "==" ? same : !same;
      } else {
        const [x, y] = [Number(l), Number(r)];
        l = op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
      }
    }
    return l;
  };
  const and = (): Value => {
    let l = compare();
    while (peek() === "&&") {
      next();
      const r = compare();
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
  if (i < tokens.length) throw new Error(`workflow-runner: unexpected "${tokens[i]}" in "${expr}"`);
  return v;
}

/** Parses a GITHUB_OUTPUT / GITHUB_ENV file: `name=value` lines and `name<<DELIMITER` blocks. */
function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`workflow-runner: ${heredoc[1]}<<${heredoc[2]} is not closed`);
      out[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
      continue;
    }
    const eqAt = line.indexOf("=");
    if (eqAt > 0) out[line.slice(0, eqAt)] = line.slice(eqAt + 1);
    else if (line.trim()) throw new Error(`workflow-runner: cannot read "${line}" in a command file`);
  }
  return out;
}

const truthyValue = (v: Value) => v !== "" && v !== 0 && v !== false && v !== null && v !== undefined;

/** Runs job `job` of the workflow file. */
export function runJob(workflowFile: string, job: string, opts: RunOptions): JobResult {
  const wf = parse(readFileSync(workflowFile, "utf8")) as { jobs: Record<string, { steps: Step[] }> };
  const steps = wf.jobs[job]?.steps;
  if (!steps) throw new Error(`workflow-runner: no job ${job} in ${workflowFile}`);
  const tmp = mkdtempSync(join(tmpdir(), "runner-"));
  const runnerTemp = mkdtempSync(join(tmpdir(), "runner-temp-"));
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
      const env: Record<string, string> = {
        ...process.env,
        ...opts.env,
        ...jobEnv,
        GITHUB_OUTPUT: files.out,
        GITHUB_STEP_SUMMARY: files.sum,
        GITHUB_ENV: files.env,
        GITHUB_WORKSPACE: opts.cwd,
        RUNNER_TEMP: runnerTemp,
        CI: "true",
        GITHUB_ACTIONS: "true",
      } as Record<string, string>;
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(String(v));
      // A `run:` step with no `shell:` runs as `bash -e {0}` on a Linux runner.
      const r = spawnSync("bash", ["-e", files.script], { cwd: opts.cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
      const outputs = parseCommandFile(readFileSync(files.out, "utf8"));
      Object.assign(jobEnv, parseCommandFile(readFileSync(files.env, "utf8")));
      summary += readFileSync(files.sum, "utf8");
      const ok = r.status === 0;
      if (!ok && !step["continue-on-error"]) ctx.jobFailed = true;
      record({ name, outcome: ok ? "success" : "failure", stdout: r.stdout ?? "", stderr: r.stderr ?? "" }, outputs);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(runnerTemp, { recursive: true, force: true });
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
