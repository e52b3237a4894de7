import { showAllowed } from "../checks";
import { describeIssuer, issuerMismatchHint, parseCognitoIssuer, poolIssuers } from "../issuer";
import { rule, type Rule, type ServiceResponse } from "./result";

/**
 * The iss rule of authorizers configured with user pool ids rather than an issuer URL (AppSync
 * userPoolConfig, API Gateway providerARNs). Such a service is told the pool, not which issuer
 * form the pool writes into iss, so both forms of the pool are taken as the pool's:
 * ORIGINAL https://cognito-idp.{region}.amazonaws.com/{pool} and UPDATED
 * https://issuer-cognito-idp.{region}.amazonaws.com/{pool} (Cognito API reference,
 * IssuerConfigurationType). Unconfirmed: AWS does not document that AppSync or API Gateway
 * accept the UPDATED form, so a pass on it says so.
 */
export function poolIssuerRule(
  iss: string | null,
  userPoolIds: readonly string[],
  endpoint: string | undefined,
  service: string,
  response: ServiceResponse,
): Rule {
  const issuers = userPoolIds.flatMap((id) => poolIssuers(id, endpoint ? { endpoint } : {}));
  if (iss !== null && issuers.includes(iss)) {
    const updated = parseCognitoIssuer(iss)?.form === "UPDATED";
    return rule("iss", "pass", iss, showAllowed(issuers),
      updated
        ? `From a user pool ${service} trusts: ${describeIssuer(iss)}. ${service} is configured with the pool id, not an issuer URL; ` +
            `that it accepts the UPDATED form is not confirmed from AWS sources.`
        : `From a user pool ${service} trusts.`);
  }
  const pool = iss === null ? undefined : parseCognitoIssuer(iss)?.userPoolId;
  const sameForm = pool && userPoolIds.includes(pool) ? poolIssuers(pool, endpoint ? { endpoint } : {})[0] : undefined;
  const hint = sameForm
    ? issuerMismatchHint(iss, sameForm)
    : userPoolIds.length === 1 && issuers[0]
      ? issuerMismatchHint(iss, issuers[0])
      : `Not from any of the user pools ${service} trusts.`;
  return rule("iss", "fail", iss ?? "(absent)", showAllowed(issuers), hint, response);
}
