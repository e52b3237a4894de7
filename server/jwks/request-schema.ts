import "server-only";
import { z } from "zod";
import { parseCognitoIssuer } from "@/lib/tokens/issuer";

/**
 * GET /api/jwks?issuer=…: exactly one parameter, a Cognito user pool issuer — AWS's, in either
 * form (ORIGINAL `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`, UPDATED
 * `https://issuer-cognito-idp.{region}.amazonaws.com/{userPoolId}`; Cognito API reference,
 * IssuerConfigurationType) — or one shaped like it on the configured sandbox. Whether the host may be fetched is decided after this, by
 * server/net/allowed-hosts. Messages never quote the input.
 */
const MAX_ISSUER_LENGTH = 2048;

export const jwksQuerySchema = z.strictObject({
  issuer: z
    .string({ error: "issuer is required" })
    .min(1, "issuer is required")
    .max(MAX_ISSUER_LENGTH, `issuer is longer than ${MAX_ISSUER_LENGTH} characters`)
    .refine((issuer) => parseCognitoIssuer(issuer) !== null, "issuer must be a Cognito user pool issuer: https://cognito-idp.{region}.amazonaws.com/{userPoolId} or https://issuer-cognito-idp.{region}.amazonaws.com/{userPoolId}"),
});

/** What a JWKS must look like before it is passed on: `{ "keys": [ { "kty": … }, … ] }`. */
export const jwksDocumentSchema = z.looseObject({
  keys: z.array(z.looseObject({ kty: z.string() })).max(100),
});

/** `?issuer=a&issuer=b` is refused rather than resolved silently one way or the other. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}
