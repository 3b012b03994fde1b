// scripts/run.mjs, what `npm run <command>` starts: compiles scripts/ once per content into
// .cache/js/<key>/ and runs the command from there. Run in a copy of the project's scripts/ (with a
// command of the test's own) so that the test may change a source and start runs at once.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./check/fixture.js";

let root: string;
const HELLO = `import { REPO_ROOT } from "./lib/files/repo-root.js";
const n: number = 1;
console.log(JSON.stringify({ root: REPO_ROOT, n, args: process.argv.slice(2), script: process.argv[1] }));
`;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "scripts/run.mjs"), ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const copies = () => readdirSync(join(root, ".cache/js")).sort();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "run-launcher-"));
  cpSync(join(REPO, "scripts"), join(root, "scripts"), { recursive: true });
  for (const f of ["package.json", "tsconfig.json"]) cpSync(join(REPO, f), join(root, f));
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
  writeFileSync(join(root, "scripts/hello.ts"), HELLO);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("node scripts/run.mjs <command>", () => {
  it("three runs started at once compile one copy and all run the command from it, with its arguments", async () => {
    const once = () =>
      new Promise<string>((done, fail) => {
        const p = spawn(process.execPath, [join(root, "scripts/run.mjs"), "hello", "--data", "x"], { cwd: root });
        let out = "";
        p.stdout.on("data", (b: Buffer) => (out += b.toString()));
        p.on("close", (code) => (code === 0 ? done(out) : fail(new Error(`exit ${code}`))));
      });
    const outs = (await Promise.all([once(), once(), once()])).map((o) => JSON.parse(o) as { root: string; n: number; args: string[]; script: string });
    expect(copies()).toHaveLength(1);
    for (const o of outs) {
      expect(o).toMatchObject({ root, n: 1, args: ["--data", "x"] });
      expect(o.script).toBe(join(root, ".cache/js", copies()[0]!, "scripts/hello.js"));
    }
  });

  it("reuses the copy while the sources are the same, and compiles a new one when a source changes", () => {
    const before = copies();
    expect(run(["hello"]).status).toBe(0);
    expect(copies()).toEqual(before);
    writeFileSync(join(root, "scripts/hello.ts"), HELLO.replace("= 1", "= 2"));
    const r = run(["hello"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ n: 2 });
    expect(copies()).toHaveLength(2);
  });

  it("an unknown command exits 1 (a wrong argument) with the list of commands", () => {
    const r = run(["no-such-command"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Cách dùng: node scripts/run.mjs <lệnh>");
    expect(r.stderr).toContain("build, check");
  });

  it("a command that fails to load (a module it imports is missing) exits 2, a bug, not 1", () => {
    writeFileSync(join(root, "scripts/lost.ts"), 'import { x } from "./lib/no-such-module.js";\nconsole.log(x);\n');
    const r = run(["lost"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Lỗi chương trình: không nạp được lệnh lost");
    rmSync(join(root, "scripts/lost.ts"));
  });

  it("marks the copy it uses as used, so that a run of other sources does not remove it", () => {
    const used = JSON.parse(run(["hello"]).stdout) as { script: string };
    const dir = join(used.script, "../..");
    const old = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    for (const c of copies()) utimesSync(join(root, ".cache/js", c), old, old);
    expect(run(["hello"]).status).toBe(0);
    expect(statSync(dir).mtimeMs).toBeGreaterThan(old.getTime() + 1000);
  });

  it("a source that does not compile exits 2 with esbuild's message, and runs nothing", () => {
    writeFileSync(join(root, "scripts/broken.ts"), "export const x = ;\n");
    const r = run(["hello"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Lỗi chương trình: không dịch được mã TypeScript trong scripts\/ .*broken\.ts/s);
    expect(r.stdout).toBe("");
    rmSync(join(root, "scripts/broken.ts"));
  });
});
