// Machine-readable reports: JSON (for tools and the site) and GitHub workflow annotations.
import type { Diagnostic } from "./diagnostic.js";
import type { CheckSummary } from "./summary.js";

export function formatJson(diagnostics: readonly Diagnostic[], summary: CheckSummary): string {
  const list = diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    pointer: d.pointer,
    message: d.message,
    hint: d.hint,
  }));
  return JSON.stringify({ diagnostics: list, summary }, null, 2) + "\n";
}

/** GitHub's workflow-command escaping for data and for properties. */
const escData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escProp = (s: string) => escData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [`file=${escProp(d.file)}`];
      if (d.line > 0) props.push(`line=${d.line}`, `col=${d.column}`);
      props.push(`title=${escProp(d.code)}`);
      return `::${d.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escData(`${d.message} ${d.hint}`)}`;
    })
    .join("\n") + (diagnostics.length ? "\n" : "");
}
