import { environmentSchema, type Environment } from "../lib/config/environment";
import type { Scenario } from "./scenario";

/** Cognito's MfaConfiguration as amplify_outputs.json spells it (what @aws-amplify/client-config's
 * client_config_contributor_v1 writes: OFF → NONE, ON → REQUIRED). */
const AMPLIFY_MFA_CONFIGURATION = { OFF: "NONE", ON: "REQUIRED", OPTIONAL: "OPTIONAL" } as const;

/**
 * One dashboard preset per scenario, so the dashboard can offer "Local sandbox: demo" without
 * anyone copying ids by hand. Built from the scenario's first user pool and its first app client,
 * and validated with the dashboard's own schema so a preset the dashboard would reject is a
 * sandbox bug caught here, not a confusing form error there.
 */
export function sandboxEnvironments(scenarios: readonly Scenario[], baseUrl: string): Environment[] {
  return scenarios.flatMap((scenario) => {
    const pool = scenario.userPools[0];
    const client = pool?.clients[0];
    if (!pool || !client) return [];
    // Prefer SRP (what aws-amplify uses by default); fall back to plain password when the
    // client only allows that.
    const signInFlow = client.authFlows.includes("USER_SRP_AUTH") ? "USER_SRP_AUTH" : "USER_PASSWORD_AUTH";
    // The identity pool that trusts this user pool, if the scenario has one.
    const identityPool = scenario.identityPools.find((p) => p.providers.some((provider) => provider.userPoolId === pool.id));
    return [
      environmentSchema.parse({
        id: `sandbox-${scenario.name}`,
        name: `Local sandbox: ${scenario.name}`,
        source: "sandbox",
        region: scenario.region,
        userPoolId: pool.id,
        userPoolClientId: client.id,
        ...(identityPool ? { identityPoolId: identityPool.id, identityPoolRoles: identityPoolRoles(identityPool) } : {}),
        signInFlow,
        usernameAttributes: pool.usernameAttributes,
        // The sandbox serves the UPDATED issuer under {cognitoIdp}/issuer-cognito-idp, as AWS does
        // under issuer-cognito-idp.{region}.amazonaws.com; the environment says which form its pool signs.
        issuerConfiguration: pool.issuerConfiguration,
        poolDetails: {
          // In amplify_outputs.json's words (mfa_configuration / mfa_methods), which is how the
          // dashboard shows pool details for imported environments too.
          mfaConfiguration: AMPLIFY_MFA_CONFIGURATION[pool.mfa.configuration],
          ...(pool.mfa.configuration === "OFF" ? {} : { mfaMethods: [...(pool.mfa.totp ? ["TOTP"] : []), ...(pool.mfa.email ? ["EMAIL"] : [])] }),
          // The policy the sandbox enforces on new passwords (Cognito's default).
          passwordPolicy: { minLength: 8, requireNumbers: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
          groups: [...new Set(pool.users.flatMap((user) => user.groups))].sort(),
          ...(identityPool ? { unauthenticatedIdentitiesEnabled: identityPool.allowUnauthenticatedIdentities } : {}),
        },
        endpoints: {
          cognitoIdp: baseUrl,
          cognitoIdentity: `${baseUrl}/cognito-identity`,
          sts: `${baseUrl}/sts`,
          // Stands for https://bedrock-agentcore.{region}.amazonaws.com.
          agentCore: `${baseUrl}/agentcore`,
          // Stands for https://cloudtrail.{region}.amazonaws.com (LookupEvents).
          cloudTrail: `${baseUrl}/cloudtrail`,
          // Stands for https://{domain}.auth.{region}.amazoncognito.com (the token endpoint's host).
          ...(pool.domain ? { cognitoDomain: `${baseUrl}/cognito-domain/${pool.domain}` } : {}),
        },
        appSync: appSyncPresets(scenario, baseUrl),
        ...eventApiPresets(scenario, baseUrl),
        sandboxFacts: sandboxFacts(scenario, identityPool),
        ...agentCorePreset(scenario, baseUrl),
        description: scenario.description,
      }),
    ];
  });
}

/** What GetIdentityPoolRoles would answer for the pool: its default roles and its role mappings. */
function identityPoolRoles(pool: Scenario["identityPools"][number]) {
  return {
    IdentityPoolId: pool.id,
    Roles: {
      ...(pool.authenticatedRoleArn ? { authenticated: pool.authenticatedRoleArn } : {}),
      ...(pool.unauthenticatedRoleArn ? { unauthenticated: pool.unauthenticatedRoleArn } : {}),
    },
    RoleMappings: pool.roleMappings,
  };
}

/** The account, and the identity pool's roles with their policies: what the dashboard's role check starts from. */
function sandboxFacts(scenario: Scenario, identityPool: Scenario["identityPools"][number] | undefined) {
  const kinds = [
    ["authenticated", identityPool?.authenticatedRoleArn],
    ["unauthenticated", identityPool?.unauthenticatedRoleArn],
  ] as const;
  const roles = kinds.flatMap(([kind, arn]) => {
    const role = arn ? scenario.roles.find((r) => r.arn === arn) : undefined;
    return role ? [{ kind, arn: role.arn, trustPolicy: role.trustPolicy, policies: role.policies }] : [];
  });
  return { accountId: scenario.accountId, roles };
}

/** The scenario's AppSync APIs at their sandbox URLs, each with its first unexpired API key. */
function appSyncPresets(scenario: Scenario, baseUrl: string) {
  return scenario.appSyncApis.map((api) => {
    const apiKey = api.apiKeys.find((key) => Date.parse(key.expires) > Date.now())?.id;
    return {
      name: api.name,
      url: `${baseUrl}/appsync/${api.id}/graphql`,
      region: api.region,
      defaultAuthMode: api.defaultAuthMode,
      additionalAuthModes: api.additionalAuthModes,
      ...(apiKey ? { apiKey } : {}),
    };
  });
}

/**
 * The scenario's Event APIs at their sandbox URLs (standing for `https://{dns}.appsync-api.{region}.amazonaws.com/event`),
 * each with its first unexpired API key and, as the test calls' channel, one in the first namespace
 * that overrides the API's publish or subscribe modes (where a credential's fate differs), else the first.
 */
function eventApiPresets(scenario: Scenario, baseUrl: string) {
  if (scenario.appSyncEventApis.length === 0) return {};
  return {
    appSyncEvents: scenario.appSyncEventApis.map((api) => {
      const apiKey = api.apiKeys.find((key) => Date.parse(key.expires) > Date.now())?.id;
      const namespace = api.channelNamespaces.find((ns) => ns.publishAuthModes || ns.subscribeAuthModes) ?? api.channelNamespaces[0]!;
      return { name: api.name, url: `${baseUrl}/appsync-events/${api.id}/event`, region: api.region, ...(apiKey ? { apiKey } : {}), channel: `/${namespace.name}/test` };
    }),
  };
}

/** The scenario's first AgentCore runtime and gateway, when it has them. */
function agentCorePreset(scenario: Scenario, baseUrl: string) {
  const runtime = scenario.agentCoreRuntimes[0];
  const gateway = scenario.agentCoreGateways[0];
  if (!runtime && !gateway) return {};
  return {
    agentCore: {
      ...(runtime ? { runtimeArn: runtime.arn, qualifier: runtime.qualifiers[0] ?? "DEFAULT" } : {}),
      // Stands for https://{id}.gateway.bedrock-agentcore.{region}.amazonaws.com/mcp.
      ...(gateway ? { gatewayUrl: `${baseUrl}/agentcore-gateway/${gateway.id}/mcp` } : {}),
    },
  };
}
