import { decodeToken, type DecodedToken } from "../lib/tokens/decode";
import { TokenDecodeError } from "../lib/tokens/errors";
import { extractTokens } from "../lib/tokens/extract";
import type { TokenCandidate } from "../lib/tokens/token-candidate";
import { UsageError, type CliIo } from "./io";

/**
 * Turns the TOKEN argument (or stdin) into one decoded token. Whatever was given — a bare JWT,
 * a header line, a curl command, a pasted request or JSON — goes through extractTokens, so
 * "pipe the failing request in" just works.
 */

export interface SelectedToken {
  readonly token: DecodedToken;
  readonly candidate: TokenCandidate;
  /** The other tokens found in the same input, for "also found" hints. */
  readonly others: readonly TokenCandidate[];
}

export async function readInput(positional: readonly string[], io: CliIo): Promise<string> {
  if (positional.length > 1) throw new UsageError(`Expected one TOKEN, got ${positional.length} arguments (quote the value).`);
  const [arg] = positional;
  if (arg !== undefined && arg !== "-") return arg;
  if (arg === undefined && io.stdinIsTTY) throw new UsageError("No TOKEN given: pass it as an argument, or pipe it in and use -.");
  return io.readStdin();
}

/** Picks the n-th (1-based) candidate, or the first one that decodes. Throws TokenDecodeError. */
export function selectToken(text: string, pick?: number): SelectedToken {
  const candidates = extractTokens(text);
  if (candidates.length === 0) {
    // Nothing looked like a token: decoding the text as is gives the precise reason.
    const token = decodeToken(text);
    return { token, candidate: { token: token.raw, source: "input" }, others: [] };
  }
  if (pick !== undefined) {
    const candidate = candidates[pick - 1];
    if (!candidate) throw new UsageError(`--pick ${pick}: only ${candidates.length} token(s) found.`);
    return { token: decodeToken(candidate.token), candidate, others: candidates.filter((c) => c !== candidate) };
  }
  let firstError: TokenDecodeError | undefined;
  for (const candidate of candidates) {
    try {
      return { token: decodeToken(candidate.token), candidate, others: candidates.filter((c) => c !== candidate) };
    } catch (error) {
      if (!(error instanceof TokenDecodeError)) throw error;
      firstError ??= error;
    }
  }
  throw firstError ?? new TokenDecodeError("invalid:token:empty", "No token found in the input.");
}

export function parsePick(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--pick wants a number from 1, not "${value}".`);
  return n;
}

/** `--at` as ISO time or seconds since the epoch → milliseconds. */
export function parseAt(value: string | undefined, io: CliIo): number {
  if (value === undefined) return io.now();
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (!Number.isFinite(ms)) throw new UsageError(`--at wants an ISO time or seconds since the epoch, not "${value}".`);
  return ms;
}
