import type { Environment } from "./environment";

/**
 * The issuer the Authenticator puts in the authenticator-app entry it offers at TOTP setup
 * (its QR code is otpauth://totp/{issuer}:{username}?secret=…&issuer={issuer}, built with
 * encodeURI by @aws-amplify/ui's getTotpCodeURL). Amplify's default, "AWSCognito", would leave a
 * support engineer's app with one anonymous entry per environment; the environment's name says
 * which pool the codes are for. Characters that would break that URI (":" splits issuer from
 * account, "?", "&", "#", "/", "%" end or escape parts) are left out.
 */
export function totpIssuer(environment: Pick<Environment, "name">): string {
  const cleaned = environment.name.replace(/[:?&#/%]/g, " ").replace(/\s+/g, " ").trim();
  return cleaned || "Auth Flow Debugger";
}
