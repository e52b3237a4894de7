/**
 * Error codes are `<kind>:<surface>[:<detail>]`, e.g. `forbidden:cloudtrail`,
 * `invalid:token:segments`, `unreachable:relay`, `aws:sts`. The kind alone decides the HTTP status
 * an API route answers with and whether the message may be shown to a visitor; the surface names
 * the part of the product (token, relay, cloudtrail …); the optional detail tells apart codes a
 * caller branches on. A throw site picks a code, never a status.
 */

/**
 * The HTTP status each kind answers with on our own API routes; null for `aws`: the status AWS
 * answered with. A plain map (not an object per kind) because it ships in every page's bundle.
 */
const ERROR_KINDS = {
  /** The caller's input is not usable (syntax, schema, a missing or contradictory option). */
  invalid: 400,
  /** No or unusable credentials where ours are needed. */
  unauthorized: 401,
  /** Understood, and refused by policy (a host, an endpoint, a group). */
  forbidden: 403,
  "too-large": 413,
  /** The body is not in the media type the route takes (RFC 9110 §15.5.16). */
  "unsupported-media": 415,
  /** Rate limits, ours or AWS's after retries. */
  throttled: 429,
  /** The caller cancelled (nginx's 499, "client closed request"). */
  aborted: 499,
  /** A bug or an unexpected failure: the message may hold internals, so a visitor never sees it. */
  internal: 500,
  /** The deployment is set up wrongly (e.g. no AWS credentials of its own); its operator must see why. */
  misconfigured: 500,
  /** The far end answered, with something unusable (a redirect, an oversized or malformed answer, a refusal). */
  upstream: 502,
  /** The far end could not be reached or read. */
  unreachable: 502,
  /** A piece of our own is missing on this deployment (e.g. the relay route). */
  unavailable: 502,
  /** The far end did not answer in time. */
  timeout: 504,
  /** AWS's own answer (the sandbox's wire errors, an identity pool's refusal): status and words are AWS's. */
  aws: null,
} as const satisfies Record<string, number | null>;

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
  return ERROR_KINDS[kindOf(code)] ?? awsStatus ?? 500;
}

/** Every kind's message may be shown as written except `internal`'s, which may hold internals. */
export function shownToVisitor(code: ErrorCode): boolean {
  return kindOf(code) !== "internal";
}
