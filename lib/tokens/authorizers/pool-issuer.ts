import { showAllowed } from "../checks";
import { cognitoIssuer, describeIssuer, issuerMismatchHint, parseCognitoIssuer, poolIssuers } from "../issuer";
import { rule, type Rule, type AwsPrediction } from "./result";

/**
 * The iss rule of authorizers configured with user pool ids rather than an issuer URL (AppSync
 * userPoolConfig, API Gateway providerARNs). Such a service is told the pool, not which issuer
 * form the pool writes into iss: ORIGINAL https://cognito-idp.{region}.amazonaws.com/{pool} or
 * UPDATED https://issuer-cognito-idp.{region}.amazonaws.com/{pool} (Cognito API reference,
 * IssuerConfigurationType).
 *
 * A service for which AWS documents that it does not accept the UPDATED form passes `updated`
 * (API Gateway's Cognito authorizers); it then trusts the ORIGINAL form only. Otherwise both
 * forms are taken as the pool's, and a pass on the UPDATED form says that it is not confirmed
 * (AppSync: no AWS source says either way).
 */

/** A service that AWS documents as not accepting the UPDATED issuer form. */
export interface UpdatedIssuerRefusal {
  /** What AWS says, for the check row. */
  readonly documented: string;
  /** What to do instead, for the check row. */
  readonly fix: (iss: string, original: string) => string;
  /** What the service answers for such a token. */
  readonly response: (iss: string) => AwsPrediction;
}

export function poolIssuerRule(
  iss: string | null,
  userPoolIds: readonly string[],
  endpoint: string | undefined,
  service: string,
  response: AwsPrediction,
  updated?: UpdatedIssuerRefusal,
): Rule {
  if (userPoolIds.length === 0) return rule("iss", "n/a", iss, null, "No user pool given: the issuer is not checked.");
  const at = endpoint ? { endpoint } : {};
  const issuers = updated
    ? userPoolIds.map((id) => cognitoIssuer(id, endpoint, "ORIGINAL"))
    : userPoolIds.flatMap((id) => poolIssuers(id, at));
  const parsed = iss === null ? null : parseCognitoIssuer(iss);
  if (iss !== null && issuers.includes(iss)) {
    return rule("iss", "pass", iss, showAllowed(issuers),
      parsed?.form === "UPDATED"
        ? `From a user pool ${service} trusts: ${describeIssuer(iss)}. ${service} is configured with the pool id, not an issuer URL; ` +
            `that it accepts the UPDATED form is not confirmed from AWS sources.`
        : `From a user pool ${service} trusts.`);
  }
  const pool = parsed && userPoolIds.includes(parsed.userPoolId) ? parsed.userPoolId : undefined;
  if (updated && iss !== null && pool && poolIssuers(pool, { ...at, form: "UPDATED" })[0] === iss) {
    const original = cognitoIssuer(pool, endpoint, "ORIGINAL");
    return rule("iss", "fail", iss, original,
      `From a user pool ${service} trusts, but with ${describeIssuer(iss)}. ${updated.documented} ${updated.fix(iss, original)}`,
      updated.response(iss));
  }
  const sameForm = pool ? poolIssuers(pool, at)[0] : undefined;
  const hint = sameForm
    ? issuerMismatchHint(iss, sameForm)
    : userPoolIds.length === 1 && issuers[0]
      ? issuerMismatchHint(iss, issuers[0])
      : `Not from any of the user pools ${service} trusts.`;
  return rule("iss", "fail", iss ?? "(absent)", showAllowed(issuers), hint, response);
}
