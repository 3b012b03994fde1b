// The workflow runner used by run-workflows.test.ts: conditions, outputs and failures as a runner
// treats them, and anything it cannot evaluate refused rather than guessed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runJob } from "../helpers/workflow-runner.js";

const dir = mkdtempSync(join(tmpdir(), "runner-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function job(steps: string): string {
  const file = join(dir, `wf-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`);
  return file;
}

it("passes outputs between steps (name=value and name<<EOF blocks) and evaluates comparisons", () => {
  const file = job(`      - id: a
        run: |
          echo "n=0" >> "$GITHUB_OUTPUT"
          { echo "text<<END"; echo "line 1"; echo "line 2"; echo "END"; } >> "$GITHUB_OUTPUT"
      - name: positive
        if: \${{ steps.a.outputs.n > 0 }}
        run: echo never
      - name: zero
        if: steps.a.outputs.n == '0' && github.base_ref == 'MAIN'
        env:
          TEXT: \${{ steps.a.outputs.text }}
        run: test "$TEXT" = "$(printf 'line 1\\nline 2')"
`);
  const r = runJob(file, "j", { cwd: dir, github: { base_ref: "main" } });
  expect(r.steps.map((s) => `${s.name}: ${s.outcome}`)).toEqual([expect.stringContaining("success"), "positive: skipped", "zero: success"]);
  expect(r.result).toBe("success");
});

it("runs a step with bash -e: a failing command fails the job; later steps run only if their condition says so", () => {
  const file = job(`      - name: fails
        run: |
          false
          echo unreachable
      - name: after
        run: echo no
      - name: always
        if: \${{ always() }}
        run: echo "## summary" >> "$GITHUB_STEP_SUMMARY"
`);
  const r = runJob(file, "j", { cwd: dir, github: {} });
  expect(r.steps.map((s) => s.outcome)).toEqual(["failure", "skipped", "success"]);
  expect(r.steps[0]!.stdout).not.toContain("unreachable");
  expect(r.summary).toBe("## summary\n");
  expect(r.result).toBe("failure");
});

it("refuses what it cannot evaluate instead of guessing", () => {
  for (const cond of ["contains(github.ref, 'main')", "env.X == '1'", "github.ref === 'x'", "(github.ref == 'a'"]) {
    const file = job(`      - if: \${{ ${cond} }}\n        run: echo x\n`);
    expect(() => runJob(file, "j", { cwd: dir, github: { ref: "a" } }), cond).toThrow(/workflow-runner/);
  }
});
