import { issuerFromDiscoveryUrl } from "../../lib/tokens";
import type { HttpResult } from "../http/types";
import { failureResult } from "./errors";
import { resolveDiscoveryUrl, type ScenarioAuthorizer } from "./scenario";

/**
 * RFC 9728 protected-resource metadata, where a CUSTOM_JWT runtime's 401 points
 * (`…/invocations/.well-known/oauth-protected-resource?qualifier=…`) and where a gateway serves it
 * unauthenticated (`https://{id}.gateway…/.well-known/oauth-protected-resource`).
 *
 * A real runtime's document has exactly two members, and its resource keeps the qualifier:
 * `{"authorization_servers":["https://cognito-idp.us-east-1.amazonaws.com/us-east-1_…"],
 * "resource":"https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/<escaped-arn>/invocations?qualifier=DEFAULT"}`
 * (somoore/pairputer-on-aws docs/hosts/README.md, PROBE-4). So no bearer_methods_supported.
 * scopes_supported, when allowedScopes is set, follows the gateway documents described in public
 * write-ups; unconfirmed for runtimes.
 */
export function protectedResource(resource: string, authorizer: ScenarioAuthorizer, baseUrl: string): HttpResult {
  if (authorizer.type !== "CUSTOM_JWT") {
    // Unconfirmed: what AWS answers for an IAM-authorized resource's metadata.
    return failureResult({ status: 404, errorType: "ResourceNotFoundException", message: "This resource is not configured for OAuth." });
  }
  const issuer = issuerFromDiscoveryUrl(resolveDiscoveryUrl(authorizer.discoveryUrl, baseUrl));
  return {
    status: 200,
    body: {
      authorization_servers: issuer ? [issuer] : [],
      resource,
      ...(authorizer.allowedScopes?.length ? { scopes_supported: authorizer.allowedScopes } : {}),
    },
  };
}
