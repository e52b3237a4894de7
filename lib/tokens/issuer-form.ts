import { discoveryUrlFor, jwksUrlFor, otherForm, parseCognitoIssuer, type IssuerForm } from "./issuer";

/**
 * What to tell someone about the issuer form of their tokens against what their environment says.
 * A pool writes one of two issuers into iss, by its IssuerConfiguration (Cognito API reference,
 * IssuerConfigurationType): ORIGINAL https://cognito-idp.{region}.amazonaws.com/{pool} or UPDATED
 * https://issuer-cognito-idp.{region}.amazonaws.com/{pool}. Verifying by pool id accepts both
 * (aws-jwt-verify 5.2, awslabs/aws-jwt-verify#239); anything configured with an issuer URL — an
 * AgentCore discoveryUrl, an OIDC or JWT authorizer — accepts exactly one.
 *
 * Said only when it matters: the tokens carry the UPDATED issuer, or not the form the
 * environment declares. ORIGINAL tokens of an environment that declares nothing or ORIGINAL need no note.
 */

interface IssuerFormNote {
  /** "mismatch": the environment declares the other form. */
  readonly kind: "updated" | "mismatch";
  readonly form: IssuerForm;
  readonly issuer: string;
  readonly text: string;
}

export function issuerFormNote(iss: string | null, expected: readonly string[], declared: IssuerForm | undefined): IssuerFormNote | null {
  // Tokens of another pool (or none) are the verification's business, not this note's.
  if (iss === null || !expected.includes(iss)) return null;
  const parsed = parseCognitoIssuer(iss);
  if (!parsed) return null;
  const { form } = parsed;
  const uses =
    `Anything configured with an issuer URL must use this one: an AgentCore discoveryUrl of ${discoveryUrlFor(iss)}, ` +
    `an OIDC or JWT authorizer's issuer ${iss}; the keys are at ${jwksUrlFor(iss)}.`;
  if (declared !== undefined && declared !== form) {
    return {
      kind: "mismatch",
      form,
      issuer: iss,
      text:
        `This environment says the pool's issuer configuration is ${declared}, but these tokens carry its ${form} issuer, ${iss}. ` +
        `Either the pool was switched to ${form} (tokens keep the issuer they were issued with, so older tokens may still carry ${otherForm(form)}) ` +
        "or the environment is out of date: check with `aws cognito-idp describe-user-pool --user-pool-id " +
        `${parsed.userPoolId} --query UserPool.IssuerConfiguration` + "` and correct the environment. " +
        `Verification here accepts both forms, as aws-jwt-verify does; a relying party configured with the ${declared} URL refuses these tokens. ${uses}`,
    };
  }
  if (form !== "UPDATED") return null;
  const unsaid = declared === undefined
    ? " This environment does not say which issuer the pool uses; set Issuer configuration to UPDATED on Environments so the authorizer settings below start from it."
    : "";
  return {
    kind: "updated",
    form,
    issuer: iss,
    text: `These tokens carry the pool's UPDATED issuer, ${iss} (IssuerConfiguration UPDATED; the region is the pool's primary Region). ${uses}${unsaid}`,
  };
}
