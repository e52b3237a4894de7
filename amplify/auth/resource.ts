import { defineAuth } from "@aws-amplify/backend";

/**
 * The reference target's Cognito side: a user pool with email sign-in, Amplify's app client
 * (public, no secret; SRP by default) and an identity pool whose authenticated role gets the
 * AppSync and AgentCore grants in amplify/agentcore/resource.ts.
 *
 * Groups become `cognito:groups` in both tokens, which the Note model's group rule and the
 * dashboard's claim checks read. Amplify also gives each group its own IAM role and maps
 * identities by token (`cognito:preferred_role`, lowest precedence wins; Amplify numbers them in
 * this order), so a group member's credentials come from the group role, not the authenticated
 * role: backend.ts grants those roles the same, so signing in as an admin is not a different
 * test from signing in as anyone else.
 */
export const auth = defineAuth({
  loginWith: {
    email: true,
  },
  groups: ["support", "admins"],
});
