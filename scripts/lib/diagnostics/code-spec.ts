// The shape of a catalogued diagnostic code (see codes.ts).
/** An error stops the build (exit 1); a warning does not. */
export type Severity = "error" | "warning";

export type Args = Record<string, string | number>;
export interface CodeSpec {
  severity: Severity;
  /** One line for the README table. */
  title: string;
  message: (a: Args) => string;
  hint: (a: Args) => string;
}

export const spec = <T extends Record<string, CodeSpec>>(t: T) => t;
