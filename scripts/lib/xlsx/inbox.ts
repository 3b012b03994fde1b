// The upload folder data/inbox/: workbooks land there and the pull-request workflow turns them
// into report files and removes them. One still there was refused or never converted: an error,
// since its figures are in no report file and a later run must not convert a stale workbook over
// newer data (the loader reads only YAML, so it is otherwise ignored).
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnosticAt } from "../diagnostics/make.js";
import type { Dataset } from "../model/dataset.js";

export const INBOX = "inbox";

export function inboxWorkbooks(ds: Pick<Dataset, "others" | "dataDir">, cwd: string): Diagnostic[] {
  return ds.others
    .filter((rel) => rel.startsWith(`${INBOX}/`) && /\.(xlsx|xlsm|xls|csv|ods)$/i.test(rel))
    .map((rel) => {
      const shown = relative(cwd, join(ds.dataDir, rel)).split(sep).join("/");
      return diagnosticAt("INBOX_WORKBOOK", { file: shown }, shown, 0, 0);
    });
}
