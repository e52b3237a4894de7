import { AppError } from "../lib/errors";

/**
 * The CLI's only contact with the process, so commands can be run in-process by tests and the
 * launcher alike.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of stdin; only called for `-` or a missing TOKEN. */
  readonly readStdin: () => Promise<string>;
  /** True when stdin is a terminal, i.e. nothing was piped in. */
  readonly stdinIsTTY: boolean;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** Environment variables a command may read (m2m-token's CLIENT_SECRET); absent in tests unless given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Bad flags or unusable input: exit code 2, message on stderr. */
export class UsageError extends AppError {
  override readonly name = "UsageError";
  declare readonly code: "invalid:cli";
  constructor(message: string) {
    super("invalid:cli", message);
  }
}

export const EXIT = { pass: 0, fail: 1, badInput: 2 } as const;
