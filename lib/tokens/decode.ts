import { base64url, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from "jose";
import { TokenDecodeError, type SegmentNumber } from "./errors";
import { parseCognitoIssuer } from "./issuer";
import { describeOpaque } from "./opaque";

/**
 * Reads a JWT without verifying it: what a support engineer needs first is "what is this", with
 * a precise reason when it is not a usable signed JWT. Parsing is jose's; this module only adds
 * the diagnosis (which segment, why) that jose's generic errors don't carry.
 */

export type TokenUse = "id" | "access" | "unknown";

export interface DecodedToken {
  /** The token as decoded: trimmed, without a `Bearer ` prefix or line breaks. */
  readonly raw: string;
  readonly header: ProtectedHeaderParameters;
  readonly claims: JWTPayload;
  /** The third segment as it was, base64url text. */
  readonly signature: string;
  readonly tokenUse: TokenUse;
  readonly issuer: string | null;
  /** "cognito" when `iss` is a Cognito user pool issuer (AWS or sandbox), else generic OIDC. */
  readonly kind: "cognito" | "oidc";
}

/** Cognito tokens are 1–2 KB; anything past this is a pasted log, not a token. */
const MAX_TOKEN_CHARS = 64 * 1024;

/**
 * How deep objects and arrays may nest below a segment's top level. Cognito's claims nest a
 * level or two (`cognito:groups`, a pre token generation trigger's JSON claims); 64 KB of `{"a":`
 * nests ~10,000 deep, past the stack of every recursive reader after decoding (JSON.stringify,
 * the claims views). Refusing here, once, keeps the page and the CLI from each finding out late.
 */
const MAX_NESTING = 32;

const SEGMENT_NAMES: Record<SegmentNumber, string> = { 1: "header", 2: "payload", 3: "signature" };
const name = (n: SegmentNumber) => `segment ${n} (${SEGMENT_NAMES[n]})`;

export function decodeToken(text: string): DecodedToken {
  if (typeof text !== "string" || text.trim() === "") {
    throw new TokenDecodeError("invalid:token:empty", "No token: the input is empty.");
  }
  if (text.length > MAX_TOKEN_CHARS) {
    throw new TokenDecodeError(
      "too-large:token",
      `The input is ${Math.ceil(text.length / 1024)} KB; a token is at most 64 KB (Cognito's are 1–2 KB). ` +
        "Paste only the token, or paste the request and let the extractor find it.",
    );
  }
  // base64url has no whitespace, so removing it loses nothing and rescues tokens that were
  // line-wrapped by an email client or pasted with their "Bearer " scheme.
  const raw = text.trim().replace(/^Bearer\s+/i, "").replace(/\s+/g, "");
  const segments = raw.split(".");
  if (segments.length === 1) {
    throw new TokenDecodeError("invalid:token:opaque", `Not a JWT: this is ${describeOpaque(raw)}.`);
  }
  if (segments.length === 5) throw jweError(raw);
  if (segments.length !== 3) throw segmentCountError(segments.length);
  const [headerText = "", payloadText = "", signature = ""] = segments;

  const headerJson = readJsonSegment(headerText, 1);
  if (typeof headerJson["alg"] === "string" && headerJson["alg"].toLowerCase() === "none") {
    throw new TokenDecodeError(
      "invalid:token:unsigned",
      'Unsigned token: the header says "alg": "none", so anyone could have written it. ' +
        "Cognito never issues these and no AWS authorizer accepts them.",
      1,
    );
  }
  readJsonSegment(payloadText, 2);
  if (signature === "") {
    throw new TokenDecodeError(
      "invalid:token:unsigned",
      `${name(3)} is empty: the token is unsigned or its end was cut off when copying.`,
      3,
    );
  }
  assertBase64url(signature, 3);

  // The checks above mean jose can read both parts; its results are the ones we expose.
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(raw);
    claims = decodeJwt(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TokenDecodeError("invalid:token:not-json", `The token could not be read: ${reason}.`);
  }
  const issuer = typeof claims.iss === "string" ? claims.iss : null;
  const use = claims["token_use"];
  return {
    raw,
    header,
    claims,
    signature,
    tokenUse: use === "id" || use === "access" ? use : "unknown",
    issuer,
    kind: issuer !== null && parseCognitoIssuer(issuer) ? "cognito" : "oidc",
  };
}

function assertBase64url(text: string, n: SegmentNumber): Uint8Array {
  if (text === "") throw new TokenDecodeError("invalid:token:base64url", `${name(n)} is empty.`, n);
  try {
    return base64url.decode(text);
  } catch {
    const hint = /[+/=]/.test(text)
      ? " It contains '+', '/' or '=': that is standard base64, which JWTs don't use — the token was probably re-encoded or URL-decoded on the way."
      : /[^A-Za-z0-9_-]/.test(text)
        ? ` It contains '${text.match(/[^A-Za-z0-9_-]/)?.[0] ?? "?"}', which base64url never does.`
        : " Its length is impossible for base64url: characters are missing.";
    throw new TokenDecodeError("invalid:token:base64url", `${name(n)} is not valid base64url.${hint}`, n);
  }
}

function readJsonSegment(text: string, n: SegmentNumber): Record<string, unknown> {
  const bytes = assertBase64url(text, n);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new TokenDecodeError("invalid:token:not-json", `${name(n)} decodes, but not to JSON text.`, n);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;
    throw new TokenDecodeError("invalid:token:not-object", `${name(n)} is JSON ${what}, not an object.`, n);
  }
  const depth = nestingDepth(value);
  if (depth > MAX_NESTING) {
    const what = n === 1 ? "header nests" : "claims nest";
    throw new TokenDecodeError(
      "invalid:token:too-deep",
      `The token's ${what} ${depth} levels deep; real tokens nest a few levels at most (up to ${MAX_NESTING} are read), ` +
        "so this one was crafted or damaged and is not shown.",
      n,
    );
  }
  return value as Record<string, unknown>;
}

/** Levels of objects and arrays below the top one, counted without recursion (the point is depth). */
function nestingDepth(top: object): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = Object.values(top).map((child) => [child, 1]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value !== "object" || value === null) continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function segmentCountError(count: number): TokenDecodeError {
  const why =
    count === 2
      ? "the signature was probably cut off when copying"
      : count === 4
        ? "part of it was lost, or two tokens were run together"
        : "this is not one token, or several were run together";
  return new TokenDecodeError(
    "invalid:token:segments",
    `${count} segments: a JWT has 3 (header.payload.signature) and an encrypted JWE 5; ${why}.`,
  );
}

function jweError(raw: string): TokenDecodeError {
  let header: ProtectedHeaderParameters | undefined;
  try {
    header = decodeProtectedHeader(raw);
  } catch {
    header = undefined;
  }
  let message = "5 segments: this is an encrypted JWE, which cannot be decoded without the key.";
  if (header && typeof header.enc === "string") {
    message += ` Its header says alg ${String(header.alg)}, enc ${header.enc}.`;
    // Cognito's refresh tokens are exactly this shape: {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}.
    message += header.alg === "RSA-OAEP"
      ? " Cognito refresh tokens look exactly like this: a refresh token only buys new tokens from Cognito and is never accepted as a bearer token — send the ID or access token instead."
      : " If it came from Cognito it is the refresh token, which no API accepts — send the ID or access token instead.";
  }
  return new TokenDecodeError("invalid:token:jwe", message);
}
