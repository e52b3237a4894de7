// Server code: it reads the environment, holds rate limits or makes outbound calls; a browser import fails the build.
import "server-only";
import { CognitoIdentityProviderClient, GetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { checkOutboundUrl } from "../net/allowed-hosts";
import { LookupError } from "../../lib/cloudtrail/lookup/errors";
import { scrubSecrets } from "./scrub";

/**
 * A verified signature and an unexpired `exp` do not make an access token still valid: after
 * GlobalSignOut (or AdminUserGlobalSignOut) Cognito refuses the token, while its signature still
 * verifies until it expires. Only Cognito knows, so before the server's credentials are used the
 * token is shown to Cognito with GetUser, which needs the token only (no AWS credentials; the
 * API reference of GetUser: "Authorize this action with a signed-in user's access token"). A
 * revoked token is answered with NotAuthorizedException "Access Token has been revoked", as
 * captured from cognito-idp after a global sign-out in aws-amplify/amplify-js#3540 and
 * aws/aws-sdk-java#2449.
 */

/** Cognito's API endpoint for a pool's issuer: the `cognito-idp` host of either issuer form, or the sandbox's origin. */
function apiEndpointOf(issuer: string, sandboxOrigins: readonly string[]): URL {
  const url = new URL(issuer);
  // The UPDATED issuer's host serves keys and discovery only; the API is on cognito-idp.
  const endpoint = `${url.protocol}//${url.host.replace(/^issuer-cognito-idp\./, "cognito-idp.")}/`;
  const target = checkOutboundUrl(endpoint, { services: ["cognito-idp"], sandboxOrigins });
  if (!target.ok) throw new LookupError("forbidden:cloudtrail", `The token's issuer has no Cognito endpoint the server may call (${target.reason}).`);
  return target.url;
}

export async function confirmTokenNotRevoked(accessToken: string, issuer: string, region: string, sandboxOrigins: readonly string[]): Promise<void> {
  const client = new CognitoIdentityProviderClient({
    region,
    endpoint: apiEndpointOf(issuer, sandboxOrigins).href,
    maxAttempts: 1,
    requestHandler: { requestTimeout: 5_000, connectionTimeout: 5_000 },
  });
  try {
    await client.send(new GetUserCommand({ AccessToken: accessToken }));
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    const said = `${e.name}: ${scrubSecrets(e.message ?? "", [accessToken], 200)}`;
    if (e.name === "NotAuthorizedException") {
      throw new LookupError("unauthorized:cloudtrail", `Cognito no longer accepts this access token (${said}); sign in again.`);
    }
    // Fail closed: without Cognito's word the server's credentials are not used.
    const reason = e.$metadata?.httpStatusCode ? said : e.name || "no answer";
    throw new LookupError("unreachable:cloudtrail", `Cognito could not confirm the access token is still valid (${reason}); the server's credentials are not used without that.`);
  } finally {
    client.destroy();
  }
}
