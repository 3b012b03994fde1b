// Shared by the thin entry points in scripts/*.ts: argument parsing and the one place where
// expected failures (exit 1, bad data) are told apart from bugs (exit 2).
export class UsageError extends Error {}
/** Bad input that is not a data diagnostic (a missing CSV, a wrong option): exit 1. */
export class InputError extends Error {}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], known: Record<string, "flag" | "value">): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
    const kind = known[name];
    if (!kind) throw new UsageError(`Tùy chọn không hợp lệ: --${name}. Các tùy chọn: ${Object.keys(known).map((k) => "--" + k).join(", ")}`);
    if (kind === "flag") options.set(name, true);
    else {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`Tùy chọn --${name} cần một giá trị.`);
      options.set(name, v);
    }
  }
  return { positional, options };
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
