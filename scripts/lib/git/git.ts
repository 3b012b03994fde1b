// Git plumbing for the pull-request tools: every call goes through execFileSync with an argument
// list (never a shell string), so refs and paths are passed as data, not as shell words.
import { execFileSync } from "node:child_process";
import { InputError } from "../diagnostics/input-error.js";

/** Runs git in `cwd`; returns stdout, or throws an Error carrying git's stderr. */
export function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync("git", [...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? "";
    throw new Error(`git ${args.join(" ")}: ${stderr.trim() || (err as Error).message}`);
  }
}

/** The top folder of the work tree holding `cwd`; an InputError outside a repository. */
export function repoRoot(cwd: string): string {
  try {
    return git(["rev-parse", "--show-toplevel"], cwd).trim();
  } catch {
    throw new InputError(`Thư mục "${cwd}" không nằm trong một kho git: lệnh này so sánh số liệu giữa hai phiên bản trong git.`);
  }
}

/** The commit a ref names; an InputError (in Vietnamese) when it names none. */
export function resolveCommit(ref: string, root: string, option = "--base"): string {
  try {
    return git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], root).trim();
  } catch {
    throw new InputError(`Không tìm thấy phiên bản "${ref}" trong kho git. Kiểm tra lại giá trị sau ${option} (ví dụ origin/main; trên GitHub Actions cần checkout với fetch-depth: 0).`);
  }
}

/** The commit where HEAD left `base` (what a pull request is compared with); `base` itself when they share no history. */
export function mergeBase(base: string, root: string): string {
  try {
    return git(["merge-base", base, "HEAD"], root).trim();
  } catch {
    return base;
  }
}

export type ChangeKind = "added" | "removed" | "modified";

export interface ChangedPath {
  /** Path from the top of the work tree, "/" separated. */
  path: string;
  change: ChangeKind;
}

/**
 * Files under `pathspec` that differ between `commit` and the work tree (committed, staged and
 * unstaged changes, plus untracked files not ignored). Renames count as a removal and an addition.
 */
export function changedPaths(commit: string, pathspec: string, root: string): ChangedPath[] {
  const out = new Map<string, ChangeKind>();
  const fields = git(["diff", "--name-status", "--no-renames", "-z", commit, "--", pathspec], root).split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i] ?? "";
    const path = fields[i + 1] ?? "";
    if (!path) continue;
    out.set(path, status.startsWith("A") ? "added" : status.startsWith("D") ? "removed" : "modified");
  }
  for (const path of git(["ls-files", "--others", "--exclude-standard", "-z", "--", pathspec], root).split("\0")) {
    if (path) out.set(path, "added");
  }
  return [...out.entries()].map(([path, change]) => ({ path, change })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The text of a file at a commit (`git show <commit>:<path>`), or null when it does not exist there. */
export function showAt(commit: string, path: string, root: string): string | null {
  try {
    return git(["show", `${commit}:${path}`], root);
  } catch {
    return null;
  }
}
