import { isTokensError } from "../lib/tokens/errors";
import { COMMANDS } from "./commands";
import { EXIT, UsageError, type CliIo } from "./io";

/**
 * `auth-flow-debugger <command> …` → exit code. 0: every check passed; 1: a check failed;
 * 2: bad flags or input that is not a usable token (the reason on stderr).
 */

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    (name === undefined ? io.stderr : io.stdout)(topic ? topic.usage : overview());
    return name === undefined ? EXIT.badInput : EXIT.pass;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}".\n\n${overview()}`);
    return EXIT.badInput;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.usage);
    return EXIT.pass;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isTokensError(error) || isParseArgsError(error)) {
      io.stderr(`${(error as Error).message}\n`);
      if (error instanceof UsageError || isParseArgsError(error)) io.stderr(`\n${command.usage}`);
      return EXIT.badInput;
    }
    io.stderr(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.badInput;
  }
}

/** node:util parseArgs rejects unknown or malformed flags with these codes. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "auth-flow-debugger: why does AWS say Unauthorized to this Cognito token?",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `auth-flow-debugger help <command>` for its options.",
    "Exit codes: 0 every check passes, 1 a check fails, 2 bad input.",
    "",
  ].join("\n");
}
