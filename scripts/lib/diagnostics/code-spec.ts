// The shape of a catalogued diagnostic code (see codes.ts).
import type { Severity } from "./diagnostic.js";

export type Args = Record<string, string | number>;
export interface CodeSpec {
  severity: Severity;
  /** One line for the README table. */
  title: string;
  message: (a: Args) => string;
  hint: (a: Args) => string;
}

export const spec = <T extends Record<string, CodeSpec>>(t: T) => t;
