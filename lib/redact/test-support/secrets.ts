/**
 * Test-only generators of realistic secrets (random where the real thing is random, so fast-check's
 * bias towards "AAAA…" does not produce keys no AWS service would issue) and helpers that look
 * for a secret in every form a redacted output could still carry it: plain, percent-encoded,
 * JSON-escaped, and inside the base64 of a realtime header or AgentCore subprotocol.
 */
import fc from "fast-check";
import { looksLikeSecretAccessKey } from "../text";

const bytes = (min: number, max: number) => fc.noBias(fc.uint8Array({ minLength: min, maxLength: max }));
const b64 = (data: Uint8Array) => Buffer.from(data).toString("base64");
export const b64url = (data: Uint8Array | string) => Buffer.from(data).toString("base64url");
const charsOf = (alphabet: string, length: number) =>
  fc.noBias(fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length })).map((a) => a.join(""));

const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

interface Jwt {
  token: string;
  signature: string;
}

export const jwtArb: fc.Arbitrary<Jwt> = fc
  .record({
    kid: fc.string({ maxLength: 20 }),
    sub: fc.uuid(),
    use: fc.constantFrom("id", "access"),
    signature: bytes(32, 256).map(b64url),
  })
  .map(({ kid, sub, use, signature }) => {
    const header = b64url(JSON.stringify({ kid, alg: "RS256" }));
    const payload = b64url(JSON.stringify({ sub, token_use: use, iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab" }));
    return { token: `${header}.${payload}.${signature}`, signature };
  });

/** A Cognito refresh token: RSA-OAEP/A256GCM JWE. Every segment after the header is secret. */
export const jweArb = fc
  .tuple(bytes(256, 256), bytes(12, 12), bytes(40, 400), bytes(16, 16))
  .map((parts) => {
    const header = b64url(JSON.stringify({ cty: "JWT", enc: "A256GCM", alg: "RSA-OAEP" }));
    const segments = parts.map(b64url);
    return { token: [header, ...segments].join("."), secrets: segments.filter((s) => s.length >= 16) };
  });

/** Real keys are random base64; the bare-key rule's shape test (text.ts) holds for all but ~0.03%. */
export const secretKeyArb = bytes(30, 30).map(b64).filter(looksLikeSecretAccessKey);

export const sessionTokenArb = bytes(100, 600).map((data) => `IQoJb3JpZ2luX2Vj${b64(data)}`);
export const apiKeyArb = charsOf("abcdefghijklmnopqrstuvwxyz0123456789", 26).map((k) => `da2-${k}`);
export const accessKeyIdArb = fc.tuple(fc.constantFrom("AKIA", "ASIA"), charsOf(UPPER_DIGITS, 16)).map(([p, k]) => p + k);
export const hexSignatureArb = charsOf("0123456789abcdef", 64);
/** Anything a person might choose, quotes, backslashes and non-ASCII included. */
export const passwordArb = fc.string({ minLength: 8, maxLength: 40, unit: "grapheme" }).filter((p) => p.trim().length >= 8);
export const opaqueTokenArb = charsOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/", 24);

/** Every string a reader of `output` could recover without a key. */
function recoverableForms(output: string): string[] {
  const forms = [output, tryDecode(output)];
  for (const m of output.matchAll(/header-([A-Za-z0-9_-]+)/g)) forms.push(Buffer.from(m[1]!, "base64url").toString());
  for (const m of output.matchAll(/[?&]header=([A-Za-z0-9+/=%_-]+)/g)) forms.push(Buffer.from(tryDecode(m[1]!), "base64").toString());
  for (const m of output.matchAll(/base64UrlBearerAuthorization\.([A-Za-z0-9_-]+)/g)) forms.push(Buffer.from(m[1]!, "base64url").toString());
  return forms;
}

/** The secret as it may have been written: raw, percent-encoded, JSON-escaped. */
function writtenForms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])];
}

export function leaks(output: string, secret: string): boolean {
  const forms = recoverableForms(output);
  return writtenForms(secret).some((written) => forms.some((form) => form.includes(written)));
}

function tryDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const encodeRealtimeHeader = (header: Record<string, string>) => `header-${b64url(JSON.stringify(header))}`;
export const encodeLegacyHeader = (header: Record<string, string>) =>
  encodeURIComponent(Buffer.from(JSON.stringify(header)).toString("base64"));
export const encodeBearerSubprotocol = (token: string) => `base64UrlBearerAuthorization.${b64url(token)}`;
