import type { JWTPayload } from "jose";
import { formatDuration } from "../../format/time";
import { show } from "../checks";
import { APPSYNC } from "./appsync-responses";
import { issuerRule, rawSchemeRule, clientRegexRule } from "./appsync";
import { expRule, nowOf, type AuthorizerInput } from "./common";
import { result, rule, type AuthorizerResult, type Rule } from "./result";
import { signatureRule } from "./signature-rule";

/**
 * AppSync's OPENID_CONNECT mode: issuer compared exactly, an optional clientId regex, and two
 * extra lifetimes in MILLISECONDS (AppSync API reference): iatTTL since issue, authTTL since
 * authentication. 0 or unset means not enforced.
 */

export interface AppSyncOidcConfig {
  readonly issuer: string;
  readonly clientId?: string;
  readonly iatTTL?: number;
  readonly authTTL?: number;
}

export function checkAppSyncOidc(input: AuthorizerInput, config: AppSyncOidcConfig): AuthorizerResult {
  const rules: Rule[] = [
    rawSchemeRule(input),
    ...signatureRule(input.signature, APPSYNC.badSignature),
    issuerRule(input.token.issuer, config.issuer, APPSYNC.noValidHeader),
    expRule(input, APPSYNC.expired),
    clientRegexRule(input, config.clientId, "clientId"),
    ttlRule(input, "iatTTL", "iat", config.iatTTL),
    ttlRule(input, "authTTL", "auth_time", config.authTTL),
  ];
  return result("appsync-oidc", rules);
}

function ttlRule(input: AuthorizerInput, setting: "iatTTL" | "authTTL", claim: "iat" | "auth_time", ttlMs: number | undefined): Rule {
  const claims: JWTPayload = input.token.claims;
  const at = claims[claim];
  const actual = at === undefined ? null : show(at);
  if (!ttlMs) return rule(setting, "n/a", actual, null, `${setting} not set.`);
  const expected = `${claim} within the last ${ttlMs} ms (${formatDuration(ttlMs / 1000)})`;
  if (typeof at !== "number") {
    return rule(setting, "fail", actual ?? "(absent)", expected, `${setting} is set but the token has no numeric ${claim}.`, APPSYNC.expired);
  }
  const ageMs = nowOf(input) - at * 1000;
  if (ageMs <= ttlMs) return rule(setting, "pass", actual, expected, `${formatDuration(ageMs / 1000)} old.`);
  // 3600 meant as an hour is 3.6 s: anything up to a day's worth of seconds is suspicious.
  const hint = ttlMs <= 86_400
    ? ` The value is in milliseconds (${ttlMs} ms = ${formatDuration(ttlMs / 1000)}); was it meant as seconds?`
    : "";
  return rule(setting, "fail", actual, expected,
    `${formatDuration(ageMs / 1000)} old, past ${setting}.${hint}`, APPSYNC.expired);
}
