/**
 * Error codes are `<kind>:<surface>[:<detail>]`, e.g. `forbidden:cloudtrail`,
 * `invalid:token:segments`, `unreachable:relay`, `aws:sts`. The kind alone decides the HTTP status
 * an API route answers with and whether the message may be shown to a visitor; the surface names
 * the part of the product (token, relay, cloudtrail …); the optional detail tells apart codes a
 * caller branches on. A throw site picks a code, never a status.
 */

interface ErrorKindRule {
  /** HTTP status of our own API routes' refusals; null for `aws`: the status AWS answered with. */
  readonly status: number | null;
  /** False when the message may hold internals: a visitor sees the surface's default text instead. */
  readonly shownToVisitor: boolean;
}

const ERROR_KINDS = {
  /** The caller's input is not usable (syntax, schema, a missing or contradictory option). */
  invalid: { status: 400, shownToVisitor: true },
  /** No or unusable credentials where ours are needed. */
  unauthorized: { status: 401, shownToVisitor: true },
  /** Understood, and refused by policy (a host, an endpoint, a group). */
  forbidden: { status: 403, shownToVisitor: true },
  "too-large": { status: 413, shownToVisitor: true },
  /** Rate limits, ours or AWS's after retries. */
  throttled: { status: 429, shownToVisitor: true },
  /** The caller cancelled (nginx's 499, "client closed request"). */
  aborted: { status: 499, shownToVisitor: true },
  /** A bug or an unexpected failure: the message may hold internals. */
  internal: { status: 500, shownToVisitor: false },
  /** The deployment is set up wrongly (e.g. no AWS credentials of its own); its operator must see why. */
  misconfigured: { status: 500, shownToVisitor: true },
  /** The far end answered, with something unusable (a redirect, an oversized or malformed answer, a refusal). */
  upstream: { status: 502, shownToVisitor: true },
  /** The far end could not be reached or read. */
  unreachable: { status: 502, shownToVisitor: true },
  /** A piece of our own is missing on this deployment (e.g. the relay route). */
  unavailable: { status: 502, shownToVisitor: true },
  /** The far end did not answer in time. */
  timeout: { status: 504, shownToVisitor: true },
  /** AWS's own answer (the sandbox's wire errors, an identity pool's refusal): status and words are AWS's. */
  aws: { status: null, shownToVisitor: true },
} as const satisfies Record<string, ErrorKindRule>;

export type ErrorKind = keyof typeof ERROR_KINDS;

export type ErrorCode = `${ErrorKind}:${string}`;

export function kindOf(code: ErrorCode): ErrorKind {
  return code.slice(0, code.indexOf(":")) as ErrorKind;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_KINDS, value.slice(0, value.indexOf(":")));
}

/** The HTTP status for a code; `aws` codes take the status AWS answered with (500 if none is known). */
export function statusOf(code: ErrorCode, awsStatus?: number): number {
  return ERROR_KINDS[kindOf(code)].status ?? awsStatus ?? 500;
}

export function shownToVisitor(code: ErrorCode): boolean {
  return ERROR_KINDS[kindOf(code)].shownToVisitor;
}
