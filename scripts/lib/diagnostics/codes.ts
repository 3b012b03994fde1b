// The catalogue of diagnostic codes. Codes are permanent: never rename or reuse one.
// Every code is listed in the README's table (test/check/codes.test.ts checks it).
// Messages say what is wrong; hints say what to do. Both in Vietnamese, for a commune officer.
import { INPUT_CODES } from "./codes-input.js";
import { PLAUSIBILITY_CODES } from "./codes-plausibility.js";
import { RULE_CODES } from "./codes-rules.js";
import { XLSX_CODES } from "./codes-xlsx.js";

export const CODES = { ...INPUT_CODES, ...RULE_CODES, ...PLAUSIBILITY_CODES, ...XLSX_CODES } as const;

export type DiagnosticCode = keyof typeof CODES;
