import { issuerFromDiscoveryUrl } from "../../lib/tokens";
import type { HttpResult } from "../http/types";
import { failureResult } from "./errors";
import { resolveDiscoveryUrl, type ScenarioAuthorizer } from "./scenario";

/**
 * RFC 9728 protected-resource metadata, where a CUSTOM_JWT runtime's 401 points
 * (`…/invocations/.well-known/oauth-protected-resource?qualifier=…`, GetRuntimeProtectedResourceMetadata)
 * and where a gateway serves it unauthenticated (`https://{id}.gateway…/.well-known/oauth-protected-resource`).
 * Members as a real gateway's document shows them: resource, authorization_servers and, when
 * scopes are configured, scopes_supported.
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
      resource,
      authorization_servers: issuer ? [issuer] : [],
      bearer_methods_supported: ["header"],
      ...(authorizer.allowedScopes?.length ? { scopes_supported: authorizer.allowedScopes } : {}),
    },
  };
}
