// Vitest's global setup: every temporary folder a test makes (os.tmpdir(), mkdtemp, LibreOffice's
// profile) goes under one folder for the run, removed when the run ends, so a run of the suite
// does not leave hundreds of fixtures and outputs behind in the system's temporary folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "vitest-run-"));
  // Read by os.tmpdir() in this process and inherited by the test workers started after this.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
