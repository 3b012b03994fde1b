// Shared by the thin entry points in scripts/*.ts: argument parsing and the one place where
// expected failures (exit 1, bad data) are told apart from bugs (exit 2).
import { parseArgs as nodeParseArgs } from "node:util";
import { InputError } from "./diagnostics/input-error.js";

export { InputError };

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** Parses argv with node:util's parseArgs (strict); unknown options and missing values are usage errors in Vietnamese. */
export function parseArgs(argv: string[], known: Record<string, "flag" | "value">): ParsedArgs {
  const options = Object.fromEntries(Object.entries(known).map(([name, kind]) => [name, { type: kind === "flag" ? ("boolean" as const) : ("string" as const) }]));
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const name = /'(--?[^' ]+)/.exec((err as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`Tùy chọn không hợp lệ: ${name}. Các tùy chọn: ${Object.keys(known).map((k) => "--" + k).join(", ")}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`Tùy chọn ${name.split(" ")[0]} cần một giá trị.`);
    throw new UsageError((err as Error).message);
  }
  const out = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) if (value !== undefined && value !== false) out.set(name, value === true ? true : String(value));
  return { positional: parsed.positionals, options: out };
}

export function option(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}

/** Runs a command: exit code from its result; usage/input errors exit 1; anything else is a bug (exit 2). */
export async function runCli(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write("Lỗi không mong đợi (đây là lỗi của chương trình, không phải của số liệu):\n");
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  }
}
