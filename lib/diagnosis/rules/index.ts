import type { Rule } from "../types";
import { agentcoreRules } from "./agentcore";
import { agentcoreIdentityRules } from "./agentcore-identity";
import { agentcoreOpsRules } from "./agentcore-ops";
import { agentcoreRuntimeErrorRules } from "./agentcore-runtime-errors";
import { amplifyCdkRules } from "./amplify-cdk";
import { amplifySessionRules } from "./amplify-session";
import { appsyncRules } from "./appsync";
import { awsCredentialRules } from "./aws-credentials";
import { awsGeneralRules } from "./aws-general";
import { bedrockRules } from "./bedrock";
import { cognitoRules } from "./cognito";
import { cognitoClaimRules } from "./cognito-claims";
import { cognitoMfaRules } from "./cognito-mfa";
import { identityPoolRules } from "./identity-pool";
import { identityPoolRoleMappingRules } from "./identity-pool-role-mapping";
import { oauthScopeRules } from "./oauth-scopes";
import { toolingRules } from "./tooling";

/**
 * Every rule, auth first: on an exact tie the earlier rule ranks first, and the product is about
 * "signed in, then Unauthorized".
 */
export const RULES: readonly Rule[] = [
  ...cognitoRules,
  ...cognitoClaimRules,
  ...cognitoMfaRules,
  ...oauthScopeRules,
  ...amplifySessionRules,
  ...agentcoreRules,
  ...agentcoreIdentityRules,
  ...agentcoreRuntimeErrorRules,
  ...appsyncRules,
  ...identityPoolRules,
  ...identityPoolRoleMappingRules,
  ...awsCredentialRules,
  ...bedrockRules,
  ...awsGeneralRules,
  ...agentcoreOpsRules,
  ...amplifyCdkRules,
  ...toolingRules,
];
