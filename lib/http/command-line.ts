/**
 * Copyable command lines for a cell's detail view. A command names its credentials as shell
 * variables ($ACCESS_TOKEN, $API_KEY, $LAMBDA_TOKEN, $AWS_ACCESS_KEY_ID…) that the shell expands, so the same
 * text is safe to show, store and share, and runs as soon as those variables are exported
 * (lib/http/credential-snippet.ts writes the exports, only when the user asks for them).
 * Everything else in the request is redacted here, on every call, so a caller cannot forget it.
 */
import { redactRequest } from "./exchange";
import type { PreparedRequest } from "./types";

/** The variables a copied command may read; nothing else is ever expanded by the shell. */
export const PLACEHOLDERS = ["ACCESS_TOKEN", "ID_TOKEN", "M2M_ACCESS_TOKEN", "API_KEY", "LAMBDA_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The placeholders a command reads, in PLACEHOLDERS order. */
export function placeholdersIn(command: string): Placeholder[] {
  return PLACEHOLDERS.filter((name) => new RegExp(`\\$\\{?${name}\\b`).test(command));
}

/** POSIX shell word: bare when it cannot be misread, else single-quoted (`'` → `'\''`). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_\/.:,=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A piece of a shell word: literal text, or a placeholder the shell expands. */
export type WordPart = string | { env: Placeholder };

/**
 * One shell word in which placeholders expand and nothing else does. Double-quoted when the
 * literal text needs no escaping there (and holds no `!`, which bash expands in double quotes),
 * else literal pieces single-quoted and placeholders double-quoted, side by side.
 */
export function shellWord(parts: readonly WordPart[]): string {
  if (parts.every((p) => typeof p === "string")) return shellQuote(parts.join(""));
  const literals = parts.filter((p): p is string => typeof p === "string").join("");
  if (/^[^"\\$`!\n]*$/.test(literals)) return `"${parts.map((p) => (typeof p === "string" ? p : `$${p.env}`)).join("")}"`;
  return parts.map((p) => (typeof p === "string" ? (p === "" ? "" : shellQuote(p)) : `"$${p.env}"`)).join("");
}

/**
 * How a copied HTTP command carries its credential.
 * header  a header whose value is the placeholder (AppSync `x-api-key`, a raw JWT or a Lambda
 *         authorizer's token in `authorization`, or `Bearer <JWT>` for AgentCore)
 * sigv4   curl signs the request itself: `--aws-sigv4 "aws:amz:REGION:SERVICE"` with
 *         `--user "KEY:SECRET"` (curl's documented form: docs/cmdline-opts/aws-sigv4.d, example
 *         `--aws-sigv4 "aws:amz:us-east-2:es" --user "key:secret"`, https://curl.se/docs/manpage.html#--aws-sigv4),
 *         and the session token as the `x-amz-security-token` header, which SigV4 requests with
 *         temporary credentials carry (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
 *         Region and service are given because a sandbox or custom-domain host names neither.
 */
export type CommandAuth =
  | { kind: "header"; name: string; scheme?: "Bearer"; variable: "API_KEY" | "ACCESS_TOKEN" | "ID_TOKEN" | "M2M_ACCESS_TOKEN" | "LAMBDA_TOKEN" }
  | { kind: "sigv4"; region: string; service: string; sessionToken: boolean };

/** Headers that carry a credential or a signature: the command puts its own (or curl's) in their place. */
const CREDENTIAL_HEADERS = new Set(["authorization", "x-api-key", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"]);

/** The request a command repeats: without the credential headers its auth rebuilds, redacted. */
export function commandRequest(request: PreparedRequest, auth?: CommandAuth): PreparedRequest {
  const sent = auth ? { ...request, headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase()))) } : request;
  return redactRequest(sent);
}

/** Headers curl derives itself; `host` is kept only when it differs from the URL's (AppSync host override). */
export function shownHeaders(request: PreparedRequest): Array<[string, string]> {
  let urlHost = "";
  try {
    urlHost = new URL(request.url).host;
  } catch {
    // keep every header
  }
  return Object.entries(request.headers).filter(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === "content-length") return false;
    return !(lower === "host" && value === urlHost);
  });
}

/**
 * The request as curl: `-i` prints the status line first, `-N` shows a streamed reply as it
 * comes. With `auth`, the credential headers are replaced by placeholders and the command
 * reproduces the call once they are exported; without, it shows the redacted request as sent.
 */
export function toCurl(request: PreparedRequest, auth?: CommandAuth): string {
  const safe = commandRequest(request, auth);
  const method = safe.method.toUpperCase();
  const parts = [`curl -sS -i -N${method === "GET" && safe.body === undefined ? "" : ` -X ${shellQuote(method)}`} ${shellQuote(safe.url)}`];
  if (auth?.kind === "sigv4") {
    parts.push(`--aws-sigv4 ${shellQuote(`aws:amz:${auth.region}:${auth.service}`)}`);
    parts.push(`--user ${shellWord([{ env: "AWS_ACCESS_KEY_ID" }, ":", { env: "AWS_SECRET_ACCESS_KEY" }])}`);
    if (auth.sessionToken) parts.push(`-H ${shellWord(["x-amz-security-token: ", { env: "AWS_SESSION_TOKEN" }])}`);
  }
  for (const [name, value] of shownHeaders(safe)) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (auth?.kind === "header") parts.push(`-H ${shellWord([`${auth.name}: ${auth.scheme ? `${auth.scheme} ` : ""}`, { env: auth.variable }])}`);
  if (safe.body !== undefined) parts.push(`--data-raw ${shellQuote(safe.body)}`);
  return parts.join(" \\\n  ");
}
