// When did each report first reach the main branch with a submitted status? Read from git:
// the first-parent history of a ref (a merge to main counts at its merge commit), the file's
// status at each commit that touched it, and that commit's date as its committer recorded it.
import { relative, resolve, sep } from "node:path";
import { git as run } from "./git.js";

const SUBMITTED = /^status:\s*["']?(da_nop|da_duyet)["']?\s*(#.*)?$/m;

const git = (cwd: string, args: string[]): string => run(args, cwd);

/** data-relative report path ("reports/…/00123-….yaml") → ISO date it was first submitted on `ref`. */
export function submissionTimes(dataDir: string, ref = "HEAD"): Map<string, string> {
  const abs = resolve(dataDir);
  const top = git(abs, ["rev-parse", "--show-toplevel"]).trim();
  const prefix = relative(top, abs).split(sep).join("/");
  const reportsPath = prefix ? `${prefix}/reports` : "reports";
  const log = git(top, ["log", "--first-parent", "--reverse", "--no-renames", "--format=%x1e%H%x1f%cI", "--name-only", ref, "--", reportsPath]);
  const commitsOf = new Map<string, { sha: string; date: string }[]>();
  for (const block of log.split("\x1e").slice(1)) {
    const [head, ...files] = block.split("\n").filter((l) => l.trim() !== "");
    const [sha, iso] = (head ?? "").split("\x1f") as [string, string];
    for (const f of files) commitsOf.set(f, [...(commitsOf.get(f) ?? []), { sha, date: iso.slice(0, 10) }]);
  }
  const out = new Map<string, string>();
  for (const [path, commits] of commitsOf) {
    for (const c of commits) {
      let text: string;
      try {
        text = git(top, ["show", `${c.sha}:${path}`]);
      } catch {
        continue; // deleted in this commit
      }
      if (SUBMITTED.test(text)) {
        out.set(prefix ? path.slice(prefix.length + 1) : path, c.date);
        break;
      }
    }
  }
  return out;
}
