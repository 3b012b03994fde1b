// The GitHub Actions workflows: each file passes a real workflow validator (action-validator,
// the SchemaStore workflow schema), and the project's rules hold: read-only token by default
// (write only where Pages deploys), every action pinned to a full commit SHA with its version in
// a comment, full history for the pull-request diff, and the README's commands.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers.js";

const DIR = join(REPO, ".github/workflows");
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (f: string) => readFileSync(join(DIR, f), "utf8");

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string> | string;
  steps: Step[];
  environment?: { name: string; url?: string };
  needs?: string | string[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
}
const wf = (f: string) => parse(text(f)) as Workflow;
const steps = (f: string) => Object.values(wf(f).jobs).flatMap((j) => j.steps);
const runs = (f: string) => steps(f).flatMap((s) => (s.run ? [s.run] : []));

describe("workflow files", () => {
  it("are the three expected ones", () => {
    expect(FILES).toEqual(["overdue.yml", "pr.yml", "publish.yml"]);
  });

  it.each(FILES)("%s passes action-validator (CLI)", (f) => {
    const r = spawnSync(join(REPO, "node_modules/.bin/action-validator"), [join(DIR, f)], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it.each(FILES)("%s passes action-validator (library)", (f) => {
    expect(validateWorkflow(text(f)).errors).toEqual([]);
  });

  it("the validator is not a no-op: it rejects a misspelt key", () => {
    const broken = text("pr.yml").replace("runs-on:", "runs-onn:");
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it.each(FILES)("%s gives the token read-only contents by default; writes only to deploy Pages or to push converted workbooks", (f) => {
    const w = wf(f);
    expect(w.permissions).toEqual({ contents: "read" });
    for (const [name, job] of Object.entries(w.jobs)) {
      if (job.permissions === undefined) continue;
      expect(typeof job.permissions, `${f} ${name}`).toBe("object");
      const perms = job.permissions as Record<string, string>;
      const writes = Object.entries(perms).filter(([, v]) => v !== "read" && v !== "none").map(([k]) => k);
      // Contents write: only the pull-request job that pushes the YAML of an uploaded workbook to
      // the pull request's own branch, with credentials only in that step's checkout.
      if (perms.contents === "write") {
        expect(`${f} ${name}`).toBe("pr.yml check");
        expect(perms).toEqual({ contents: "write" });
        expect(job.steps.some((s) => s.run?.includes("convert-inbox") && s.run.includes("--commit") && s.run.includes("git -C .pr-head push"))).toBe(true);
        continue;
      }
      expect(perms.contents ?? "read", `${f} ${name}: contents`).toBe("read");
      if (writes.length) {
        expect(writes.sort(), `${f} ${name}`).toEqual(["id-token", "pages"]);
        expect(job.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@")), `${f} ${name} writes but does not deploy Pages`).toBe(true);
      }
    }
    expect(text(f)).not.toMatch(/write-all|read-all/);
  });

  it.each(FILES)("%s pins every action to a full commit SHA with its version in a comment", (f) => {
    const lines = text(f).split("\n").filter((l) => /^\s*(-\s+)?uses:/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l, l).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it("pins each action to the same commit in every file", () => {
    const pins = new Map<string, Set<string>>();
    for (const f of FILES) {
      for (const s of steps(f)) {
        if (!s.uses) continue;
        const [action, sha] = s.uses.split("@") as [string, string];
        pins.set(action, (pins.get(action) ?? new Set()).add(sha));
      }
    }
    for (const [action, shas] of pins) expect([...shas], action).toHaveLength(1);
  });
});

describe("pr.yml", () => {
  const w = wf("pr.yml");
  const all = steps("pr.yml");
  const step = (pred: (s: Step) => boolean) => {
    const found = all.find(pred);
    expect(found).toBeDefined();
    return found!;
  };

  it("runs on pull requests and checks out the full history (fetch-depth 0) for the diff", () => {
    expect(Object.keys(w.on)).toEqual(["pull_request"]);
    const checkout = step((s) => !!s.uses?.startsWith("actions/checkout@"));
    expect(checkout.with?.["fetch-depth"]).toBe(0);
    expect(checkout.with?.["persist-credentials"]).toBe(false);
    const node = step((s) => !!s.uses?.startsWith("actions/setup-node@"));
    expect(node.with).toMatchObject({ "node-version": 20, cache: "npm" });
  });

  it("annotates the changed files and keeps the check's exit code, failing only at the end", () => {
    const check = step((s) => s.id === "check");
    expect(check.run).toMatch(/^set \+e$/m);
    expect(check.env).toEqual({ BASE_REF: "${{ github.base_ref }}" });
    expect(check.run).toContain('npm run --silent check -- --format github --changed-since "origin/$BASE_REF"\n');
    expect(check.run).toContain('echo "status=$?" >> "$GITHUB_OUTPUT"');
    const last = all[all.length - 1]!;
    expect(last.if).toContain("steps.check.outputs.status != '0'");
    expect(last.run).toMatch(/exit 1\s*$/);
  });

  it("writes the reviewer's summary against the base branch, builds, and keeps dist/, in that order", () => {
    const summary = step((s) => !!s.run?.includes("npm run --silent pr-summary"));
    expect(summary.env).toEqual({ BASE_REF: "${{ github.base_ref }}" });
    expect(summary.run).toContain('npm run --silent pr-summary -- --base "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"');
    const build = step((s) => s.run === "npm run build");
    expect(build.if).toContain("steps.check.outputs.status == '0'");
    const upload = step((s) => !!s.uses?.startsWith("actions/upload-artifact@") && String(s.with?.name).startsWith("van-ban-pr-"));
    expect(upload.with?.path).toBe("dist/");
    const order = [all.indexOf(step((s) => s.id === "check")), all.indexOf(summary), all.indexOf(build), all.indexOf(upload)];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("pr.yml: workbooks uploaded into data/inbox/", () => {
  const all = steps("pr.yml");
  const SAME = "github.event.pull_request.head.repo.full_name == github.repository";
  const FORK = "github.event.pull_request.head.repo.full_name != github.repository";
  const at = (pred: (s: Step) => boolean) => all.findIndex(pred);

  it("converts them right after npm ci and before the check, the changes summary and the build", () => {
    const convert = all[at((s) => s.id === "inbox")]!;
    expect(convert.run).toContain('npm run --silent convert-inbox -- --base "origin/$BASE_REF" --summary "$GITHUB_STEP_SUMMARY"');
    expect(convert.env).toEqual({ BASE_REF: "${{ github.base_ref }}" });
    expect(at((s) => s.id === "inbox")).toBe(at((s) => s.run === "npm ci") + 1);
    expect(at((s) => s.id === "inbox")).toBeLessThan(at((s) => s.id === "check"));
  });

  it("same repository: checks out the branch with credentials, commits the YAML there and pushes it", () => {
    const checkouts = all.filter((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkouts).toHaveLength(2);
    expect(checkouts[0]!.with?.["persist-credentials"]).toBe(false);
    const head = checkouts[1]!;
    expect(head.if).toContain(SAME);
    expect(head.with).toEqual({ ref: "${{ github.head_ref }}", path: ".pr-head", "fetch-depth": 0 });
    const push = all.find((s) => s.run?.includes("git -C .pr-head push"))!;
    expect(push.if).toContain(SAME);
    expect(push.run).toContain('npm run --silent convert-inbox -- --base "origin/$BASE_REF" --data .pr-head/data --commit');
    expect(push.run).toContain('git -C .pr-head push origin "HEAD:$HEAD_REF"');
    expect(all.indexOf(head)).toBeLessThan(all.indexOf(push));
    expect(all.indexOf(push)).toBeLessThan(at((s) => s.id === "check"));
  });

  it("a fork: uploads the YAML as an artifact, says so in the summary, and keeps the workbook for the check", () => {
    const upload = all.find((s) => s.uses?.startsWith("actions/upload-artifact@") && s.with?.name === "yaml-tu-excel-pr-${{ github.event.pull_request.number }}")!;
    expect(upload.if).toContain(FORK);
    expect(upload.with?.path).toBe("${{ steps.inbox.outputs.files }}");
    const note = all.find((s) => s.if?.includes(FORK) && s.run?.includes("GITHUB_STEP_SUMMARY"))!;
    expect(note.run).toContain("git checkout HEAD -- data/inbox");
    expect(note.run).toContain("artifact");
    expect(all.indexOf(note)).toBeLessThan(at((s) => s.id === "check"));
  });
});

describe("publish.yml", () => {
  const w = wf("publish.yml");
  it("builds on push to main (or by hand) and deploys dist/ to Pages, one deployment at a time", () => {
    expect(w.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: null });
    expect(w.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
    const uses = steps("publish.yml").flatMap((s) => (s.uses ? [s.uses.split("@")[0]] : []));
    expect(uses).toEqual(["actions/checkout", "actions/setup-node", "actions/cache", "actions/upload-pages-artifact", "actions/configure-pages", "actions/deploy-pages"]);
    expect(runs("publish.yml")).toEqual(["npm ci", "npm run build -- --git --cache .cache"]);
    // The build's cache folder is what actions/cache keeps between runs.
    expect(steps("publish.yml").find((s) => s.uses?.startsWith("actions/cache@"))?.with).toMatchObject({ path: ".cache" });
    // --git reads submission dates from the history: the checkout must not be shallow.
    expect(readFileSync(join(REPO, ".github/workflows/publish.yml"), "utf8")).toMatch(/fetch-depth: 0/);
    expect(steps("publish.yml").find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))?.with).toEqual({ path: "dist" });
    const deploy = w.jobs.deploy!;
    expect(deploy.needs).toBe("build");
    expect(deploy.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
    expect(deploy.environment).toEqual({ name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" });
    expect(deploy.steps.find((s) => s.uses?.startsWith("actions/deploy-pages@"))?.id).toBe("deployment");
  });
});

describe("overdue.yml", () => {
  const w = wf("overdue.yml");
  it("runs daily and by hand, listing the overdue units at today's date into the job summary", () => {
    expect(Object.keys(w.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect((w.on.schedule as { cron: string }[])[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(runs("overdue.yml")).toEqual(["npm ci", 'npm run --silent overdue -- --as-of "$(date -u +%F)" >> "$GITHUB_STEP_SUMMARY"']);
  });
});

describe("the commands the workflows run", () => {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const scripts = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const npm = FILES.flatMap((f) => runs(f).flatMap((r) => r.match(/npm [^\n|>&;]+/g) ?? []).map((c) => c.trim()));

  it("install with npm ci and check and build with the README's commands", () => {
    expect(readme).toContain("npm ci && npm run build");
    // The README documents the check command and its github format (the table escapes "|").
    expect(readme).toMatch(/`npm run check \[[^`]*--format [^`]*github[^`]*`/);
    for (const f of FILES) expect(runs(f)[0], f).toBe("npm ci");
    expect(npm).toContain("npm run build");
    expect(npm.some((c) => c.startsWith("npm run --silent check -- --format github"))).toBe(true);
    expect(npm.some((c) => c.startsWith("npm run --silent pr-summary"))).toBe(true);
  });

  it("only run npm scripts that package.json defines", () => {
    for (const c of npm) {
      if (c === "npm ci") continue;
      const name = /^npm run (?:--silent )?([\w:-]+)/.exec(c)?.[1];
      expect(name && scripts[name], c).toBeTruthy();
    }
  });
});
