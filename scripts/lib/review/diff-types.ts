// Shapes of the pull-request summary's input: report data read leniently (a base version may
// not pass today's schemas), and what changed between two versions of the data folder.
import type { CheckResult } from "../check.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Dataset } from "../model/dataset.js";
/** What the summary needs from a dataset (the head's, or the base's when the head's cannot be assembled). */
export type DiffContext = Pick<Dataset, "units" | "levels" | "project" | "catalogue" | "outline" | "programme">;

/** A report file's data as parsed, schema-valid or not: every field optional, wrong types dropped. */
export interface LooseReport {
  unit: string | null;
  status: string | null;
  submitted_on: string | null;
  approved_on: string | null;
  document: { number: unknown; date: unknown; signer: Record<string, unknown>; recipients: unknown };
  values: Record<string, Record<string, unknown>>;
  finance: Record<string, unknown>[];
  narrative: Record<string, unknown>;
  /** Reasons given for unusual values (indicator id → text). */
  notes: Record<string, unknown>;
}

export type ChangeKind = "added" | "removed" | "modified";

export interface ReportChange {
  /** Path as shown to the user ("data/reports/…"). */
  shown: string;
  change: ChangeKind;
  /** Null when the file is absent on that side, or could not be read (see *Unreadable). */
  before: LooseReport | null;
  after: LooseReport | null;
  beforeUnreadable?: boolean;
  afterUnreadable?: boolean;
}

export interface OtherChange {
  shown: string;
  /** Path relative to the data folder. */
  rel: string;
  change: ChangeKind;
}

export interface DiffInput {
  /** The ref compared with, as the user typed it. */
  base: string;
  ctx: DiffContext | null;
  reports: ReportChange[];
  others: OtherChange[];
  /** Diagnostics of the head version absent from the base version (by file, code and pointer). */
  newDiagnostics: Diagnostic[];
  /** Number of the base version's diagnostics gone in the head version. */
  resolved: number;
  /** The base version could not be checked as a whole (its configuration fails the current schemas). */
  baseIncomplete?: boolean;
  /** The head's whole check (for the reviewer's summary), when collected from git. */
  head?: CheckResult;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null);

export function looseReport(data: unknown): LooseReport | null {
  if (!isRecord(data)) return null;
  const doc = isRecord(data.document) ? data.document : {};
  const values: LooseReport["values"] = {};
  if (isRecord(data.values)) for (const [id, byP] of Object.entries(data.values)) values[id] = isRecord(byP) ? byP : {};
  return {
    unit: str(data.unit),
    status: str(data.status),
    submitted_on: str(data.submitted_on),
    approved_on: str(data.approved_on),
    document: { number: doc.number, date: doc.date, signer: isRecord(doc.signer) ? doc.signer : {}, recipients: doc.recipients },
    values,
    finance: Array.isArray(data.finance) ? data.finance.filter(isRecord) : [],
    narrative: isRecord(data.narrative) ? data.narrative : {},
    notes: isRecord(data.notes) ? data.notes : {},
  };
}

// --- formatting -----------------------------------------------------------------------------
