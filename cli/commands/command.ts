import type { CliIo } from "../io";

/** One subcommand. New ones (correlate, diagnose …) implement this and join the list in index.ts. */
export interface Command {
  readonly name: string;
  /** One line for the overview. */
  readonly summary: string;
  /** Full help text, ending in a newline. */
  readonly usage: string;
  /** Returns the exit code; throws UsageError or a lib/tokens error for bad input (exit 2). */
  run(argv: string[], io: CliIo): Promise<number>;
}
