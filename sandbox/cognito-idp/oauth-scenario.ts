import { z } from "zod";

/**
 * The OAuth 2.0 side of a user pool in a scenario file, named as the Cognito API names it:
 * a domain (CreateUserPoolDomain), resource servers with custom scopes (CreateResourceServer),
 * and per app client its secret and OAuth settings (CreateUserPoolClient: GenerateSecret,
 * AllowedOAuthFlows, AllowedOAuthScopes, AllowedOAuthFlowsUserPoolClient).
 */

/** Cognito-prefix domains are `{prefix}.auth.{region}.amazoncognito.com`; the prefix is lowercase letters, digits and hyphens. */
export const DOMAIN_PREFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const resourceServerSchema = z.strictObject({
  /** e.g. `https://api.example.com` or `agentcore-gateway`: scopes are requested as `{identifier}/{scope}`. */
  identifier: z.string().min(1).max(256),
  name: z.string().min(1),
  scopes: z.array(z.strictObject({ name: z.string().regex(/^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/, "scope names hold no space, quote, slash or backslash"), description: z.string().default("") })).min(1),
});

/** AllowedOAuthFlows (CreateUserPoolClient): `code`, `implicit`, `client_credentials`. */
export const OAUTH_FLOWS = ["code", "implicit", "client_credentials"] as const;

export const clientOAuthKeys = {
  /** ClientSecret. A client can use the client credentials grant only with one (Cognito developer guide, resource servers). */
  secret: z.string().min(1).optional(),
  allowedOAuthFlows: z.array(z.enum(OAUTH_FLOWS)).default([]),
  allowedOAuthScopes: z.array(z.string().min(1)).default([]),
  /**
   * AllowedOAuthFlowsUserPoolClient. A client created by the API with client_credentials in
   * AllowedOAuthFlows but this false gets `{"error":"invalid_grant"}` until someone saves it in the
   * console, which sets it (boto/boto3#3916, aws/aws-sdk-js-v3#7158; the field named in
   * hashicorp/terraform-provider-aws#34945).
   */
  allowedOAuthFlowsUserPoolClient: z.boolean().default(false),
};

export const poolOAuthKeys = {
  /** The Cognito domain prefix; the sandbox serves its token endpoint at `/cognito-domain/{domain}/oauth2/token`. */
  domain: z.string().regex(DOMAIN_PREFIX_PATTERN, "domain must be a Cognito domain prefix: lowercase letters, digits and hyphens").optional(),
  resourceServers: z.array(resourceServerSchema).default([]),
};

type OAuthClient = { id: string; secret?: string | undefined; allowedOAuthFlows: readonly string[]; allowedOAuthScopes: readonly string[] };
type OAuthPool = { domain?: string | undefined; resourceServers: readonly z.infer<typeof resourceServerSchema>[]; clients: readonly OAuthClient[] };

/** Scopes a pool can grant: the OIDC ones, Cognito's own, and `{identifier}/{name}` of each resource server. */
export function customScopes(pool: Pick<OAuthPool, "resourceServers">): Set<string> {
  return new Set(pool.resourceServers.flatMap((server) => server.scopes.map((scope) => `${server.identifier}/${scope.name}`)));
}

const BUILT_IN_SCOPES = new Set(["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"]);

/**
 * What Cognito would refuse when the client is created, checked when the scenario loads: an
 * allowed scope that exists nowhere (ScopeDoesNotExistException "Invalid scope requested",
 * awsdocs/aws-cloudformation-user-guide#564), client_credentials without a secret (developer
 * guide: "An app client can only use the client credentials flow if the app client has a client
 * secret"), or without any custom scope to grant.
 */
export function oauthIssues(pool: OAuthPool): Array<{ path: (string | number)[]; message: string }> {
  const issues: Array<{ path: (string | number)[]; message: string }> = [];
  const custom = customScopes(pool);
  pool.clients.forEach((client, i) => {
    client.allowedOAuthScopes.forEach((scope, j) => {
      if (!custom.has(scope) && !BUILT_IN_SCOPES.has(scope)) {
        issues.push({ path: ["clients", i, "allowedOAuthScopes", j], message: `Invalid scope requested: ${scope} (no resource server defines it)` });
      }
    });
    if (!client.allowedOAuthFlows.includes("client_credentials")) return;
    if (!client.secret) issues.push({ path: ["clients", i, "secret"], message: "client_credentials needs a client secret" });
    if (!client.allowedOAuthScopes.some((s) => custom.has(s))) {
      issues.push({ path: ["clients", i, "allowedOAuthScopes"], message: "client_credentials needs at least one custom scope of a resource server" });
    }
    if (!pool.domain) issues.push({ path: ["domain"], message: "the token endpoint needs a domain" });
  });
  return issues;
}
