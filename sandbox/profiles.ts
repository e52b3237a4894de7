import { profileSchema, type Profile } from "../lib/config/profile";
import type { Scenario } from "./scenario";

/**
 * One dashboard preset per scenario, so the dashboard can offer "Local sandbox: demo" without
 * anyone copying ids by hand. Built from the scenario's first user pool and its first app client,
 * and validated with the dashboard's own schema so a preset the dashboard would reject is a
 * sandbox bug caught here, not a confusing form error there.
 */
export function sandboxProfiles(scenarios: readonly Scenario[], baseUrl: string): Profile[] {
  return scenarios.flatMap((scenario) => {
    const pool = scenario.userPools[0];
    const client = pool?.clients[0];
    if (!pool || !client) return [];
    // Prefer SRP (what aws-amplify uses by default); fall back to plain password when the
    // client only allows that.
    const signInFlow = client.authFlows.includes("USER_SRP_AUTH") ? "USER_SRP_AUTH" : "USER_PASSWORD_AUTH";
    return [
      profileSchema.parse({
        id: `sandbox-${scenario.name}`,
        name: `Local sandbox: ${scenario.name}`,
        source: "sandbox",
        region: scenario.region,
        userPoolId: pool.id,
        userPoolClientId: client.id,
        signInFlow,
        usernameAttributes: pool.usernameAttributes,
        poolDetails: {
          mfaConfiguration: "OFF",
          // The policy the sandbox enforces on new passwords (Cognito's default).
          passwordPolicy: { minLength: 8, requireNumbers: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
          groups: [...new Set(pool.users.flatMap((user) => user.groups))].sort(),
        },
        endpoints: { cognitoIdp: baseUrl },
        description: scenario.description,
      }),
    ];
  });
}
