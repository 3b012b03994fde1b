// Shared by the workflow tests: run the real command-line entry points (`node scripts/run.mjs <name>`, as `npm run <name>`)
// in a folder, and run git with a fixed identity, dates and no user or system configuration.
import { execFileSync, spawnSync } from "node:child_process";
import { REPO, RUN_MJS } from "../check/fixture.js";

export { REPO };

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node scripts/run.mjs <script> …args` with cwd; output decoded as UTF-8. */
export function runScript(script: string, args: string[], cwd: string, timeout = 120_000): Run {
  const r = spawnSync(process.execPath, [RUN_MJS, script, ...args], { cwd, encoding: "utf8", timeout, env: { ...process.env, ...GIT_ENV } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fixed identity and clock for commits, and no global or system git configuration. */
export const GIT_ENV: Record<string, string> = {
  GIT_AUTHOR_NAME: "Cán bộ kiểm thử",
  GIT_AUTHOR_EMAIL: "kiem-thu@example.org",
  GIT_COMMITTER_NAME: "Cán bộ kiểm thử",
  GIT_COMMITTER_EMAIL: "kiem-thu@example.org",
  GIT_AUTHOR_DATE: "2018-08-20T09:00:00+07:00",
  GIT_COMMITTER_DATE: "2018-08-20T09:00:00+07:00",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, ...GIT_ENV }, stdio: ["ignore", "pipe", "pipe"] });
}
