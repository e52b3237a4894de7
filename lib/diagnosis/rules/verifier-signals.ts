import { code, msg, phrase, W } from "../signals";
import type { Signal } from "../types";

/**
 * What the JWT verifiers people put in front of their APIs say when a Cognito token fails one of
 * their checks, each in the library's own words (the source is named beside each). The rules in
 * cognito.ts take these lists whole: an audience check that fails is the token kind / client id
 * question, an issuer or key lookup that fails is another pool, a lifetime check is expiry.
 */

/** The verifier wanted an audience (aud) or client id the token does not carry. */
export const AUDIENCE_CHECKS: readonly Signal[] = [
  // auth0/node-jsonwebtoken verify.js: JsonWebTokenError "jwt audience invalid. expected: …".
  msg("jwt audience invalid", String.raw`jwt audience invalid`, W.strong, "jsonwebtoken's audience check"),
  // PyJWT (jwt/api_jwt.py, older releases) and python-jose (jose/jwt.py) raise "Invalid audience".
  msg("invalid audience", String.raw`\binvalid audience\b`, W.strong, "the verifier's audience check (PyJWT, python-jose)"),
  // An audience check run on a Cognito access token, which has no aud: the token's audiences are empty.
  msg("audience", String.raw`\baudiences? (?:are|is|were|was)\W{0,3}\[\]`, W.strong, "the token has no audience"),
  // jpadilla/pyjwt jwt/api_jwt.py (2.x): InvalidAudienceError("Audience doesn't match").
  msg("audience doesn", String.raw`\baudience doesn'?t match\b`, W.strong, "PyJWT's audience check"),
  // jpadilla/pyjwt jwt/api_jwt.py: an audience was asked for and the token has none, MissingRequiredClaimError
  // 'Token is missing the "aud" claim' — what verifying a Cognito access token (no aud) with audience= gives.
  msg("is missing the", String.raw`token is missing the "aud" claim`, W.strong, "PyJWT: the token has no aud (a Cognito access token)"),
  // panva/jose src/lib/jwt_claims_set.ts: JWTClaimValidationFailed `missing required "aud" claim` (audience
  // option with a token without aud) and, with requiredClaims: ["client_id"], the ID token's missing client_id.
  msg("missing required", String.raw`missing required "(?:aud|client_id)" claim`, W.strong, "jose: the token lacks the aud or client_id claim checked"),
  msg("claim value", String.raw`unexpected "aud" claim value`, W.strong, "jose's audience check"),
  // awslabs/aws-jwt-verify src/assert.ts + src/jwt.ts: JwtRsaVerifier's audience check, "Missing Audience.
  // Expected: …" when the token has no aud (Cognito access tokens never do) and "Audience not allowed: …".
  msg("missing audience", String.raw`missing audience\. expected(?: one of)?:`, 9, "aws-jwt-verify: a token without aud (a Cognito access token) where an audience is required"),
  msg("audience not allowed", String.raw`audience not allowed: \S+\. expected`, W.strong, "aws-jwt-verify's audience check"),
  code("JwtInvalidAudienceError", W.strong, "aws-jwt-verify audience error"),
  // AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet src/Microsoft.IdentityModel.Tokens/LogMessages.cs:
  // IDX10214 "Audience validation failed. …" and IDX10206 "Unable to validate audience. The 'audiences' parameter
  // is empty." (the token carries no aud).
  msg("audience validation failed", String.raw`audience validation failed`, W.strong, ".NET IdentityModel's audience check (IDX10214)"),
  msg("idx10206", String.raw`idx10206: unable to validate audience`, W.strong, ".NET IdentityModel: the token has no aud (IDX10206)"),
  // spring-projects/spring-security oauth2/oauth2-jose/…/jwt/JwtClaimValidator.java: "The " + claim + " claim is not valid".
  phrase("The aud claim is not valid", W.strong, "Spring Security's audience check"),
];

/** The verifier trusts another issuer, or the token's signing key is not in the JWKS it fetched. */
export const ISSUER_CHECKS: readonly Signal[] = [
  // PyJWT InvalidIssuerError and python-jose JWTClaimsError both say "Invalid issuer".
  msg("invalid issuer", String.raw`\binvalid issuer\b`, W.strong, "the verifier's issuer check (PyJWT, python-jose)"),
  // auth0/node-jsonwebtoken verify.js: JsonWebTokenError "jwt issuer invalid. expected: …".
  msg("jwt issuer invalid", String.raw`jwt issuer invalid`, W.strong, "jsonwebtoken's issuer check"),
  msg("claim value", String.raw`unexpected "iss" claim value`, W.strong, "jose issuer check"),
  // panva/jose src/util/errors.ts: JWKSNoMatchingKey, code ERR_JWKS_NO_MATCHING_KEY, "no applicable key found in the JSON Web Key Set".
  msg("no applicable key found in the json web key set", String.raw`no applicable key found in the json web key set`, W.strong, "jose: no key in the JWKS for this token"),
  code("ERR_JWKS_NO_MATCHING_KEY", W.strong, "jose: no key in the JWKS for this token"),
  code("JWKSNoMatchingKey", W.strong, "jose: no key in the JWKS for this token"),
  // jpadilla/pyjwt jwt/jwks_client.py: PyJWKClientError "Unable to find a signing key that matches: …".
  msg("unable to find a signing key that matches", String.raw`unable to find a signing key that matches`, W.strong, "PyJWT: no key in the JWKS for this token"),
  // AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet src/Microsoft.IdentityModel.Tokens/LogMessages.cs:
  // IDX10205 "Issuer validation failed. Issuer: '…'. Did not match: …"; IDX10503 "Signature validation failed.
  // The token's kid is: '…', but did not match any keys …"; IDX10501 (older releases) "Signature validation failed.
  // Unable to match key: kid: '…'".
  msg("issuer validation failed", String.raw`issuer validation failed`, W.strong, ".NET IdentityModel's issuer check (IDX10205)"),
  msg("but did not match any keys", String.raw`the token's kid is: \S*,? but did not match any keys`, W.strong, ".NET IdentityModel: the token's kid is not in the JWKS (IDX10503)"),
  msg("idx10501", String.raw`idx10501: signature validation failed\. unable to match key`, W.strong, ".NET IdentityModel: the token's kid is not in the JWKS (IDX10501)"),
  // spring-projects/spring-security oauth2/oauth2-jose/…/jwt/JwtClaimValidator.java (issuer-uri check): "The iss claim is not valid".
  phrase("The iss claim is not valid", W.strong, "Spring Security's issuer check"),
  // Nimbus JOSE+JWT com/nimbusds/jwt/proc/DefaultJWTProcessor.java (Spring's decoder): no key of the JWKS fits the
  // token — another pool's kid, or (less often with Cognito's RS256) another algorithm.
  phrase("Signed JWT rejected: Another algorithm expected, or no matching key(s) found", W.specific, "Nimbus (Spring Security): no key of the JWKS fits the token"),
];

/** The verifier's lifetime check: the token's exp has passed. */
export const EXPIRY_CHECKS: readonly Signal[] = [
  // auth0/node-jsonwebtoken verify.js: TokenExpiredError "jwt expired" (Spring's "Jwt expired at …" reads the same).
  msg("jwt expired", String.raw`\bjwt expired\b`, 7, "jsonwebtoken TokenExpiredError"),
  code("TokenExpiredError", W.strong, "jsonwebtoken TokenExpiredError"),
  // panva/jose src/util/errors.ts: JWTExpired, code ERR_JWT_EXPIRED, '"exp" claim timestamp check failed'.
  msg("claim timestamp check failed", String.raw`"exp" claim timestamp check failed`, W.strong, "jose"),
  code("ERR_JWT_EXPIRED", W.strong, "jose"),
  code("JWTExpired", W.strong, "jose JWTExpired"),
  // jpadilla/pyjwt jwt/api_jwt.py and mpdavis/python-jose jose/jwt.py: ExpiredSignatureError "Signature has expired"
  // (not SigV4's "Signature expired: … is now earlier than …", which is a clock).
  code("ExpiredSignatureError", W.strong, "PyJWT / python-jose ExpiredSignatureError"),
  msg("signature has expired", String.raw`\bsignature has expired\b`, 7, "PyJWT / python-jose: the token's exp has passed"),
  // AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet src/Microsoft.IdentityModel.Tokens/LogMessages.cs:
  // IDX10223 "Lifetime validation failed. The token is expired. ValidTo (UTC): …", SecurityTokenExpiredException.
  phrase("Lifetime validation failed. The token is expired", 9, ".NET IdentityModel's lifetime check (IDX10223)"),
  code("SecurityTokenExpiredException", W.strong, ".NET IdentityModel SecurityTokenExpiredException"),
];
