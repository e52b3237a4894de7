import { fileURLToPath } from "node:url";
import {
  AgentRuntimeArtifact,
  ProtocolType,
  Runtime,
  RuntimeAuthorizerConfiguration,
} from "aws-cdk-lib/aws-bedrockagentcore";
import type { IUserPool, IUserPoolClient } from "aws-cdk-lib/aws-cognito";
import { Platform } from "aws-cdk-lib/aws-ecr-assets";
import { Effect, Policy, PolicyStatement, type IRole } from "aws-cdk-lib/aws-iam";
import type { Construct } from "constructs";

/**
 * The AgentCore half of the reference backend, as a plain CDK function so that
 * `amplify/backend.ts` can call it with Amplify's constructs and `amplify/backend.test.ts` with
 * plain CDK ones (a `Stack`, a `UserPool`, a `Role`), and synthesize it offline.
 *
 * It makes:
 * - an AgentCore runtime running the echo agent in `amplify/agent/`, with a CUSTOM_JWT
 *   authorizer that trusts the Amplify user pool's app client;
 * - one IAM policy for the identity pool's authenticated role (and the group roles, see
 *   `groupRoles`) with `appsync:GraphQL` on the API and both AgentCore invoke actions on the
 *   runtime.
 */

/** The endpoint AgentCore creates with every runtime; the dashboard sends `?qualifier=DEFAULT`. */
export const DEFAULT_QUALIFIER = "DEFAULT";

/** `amplify/agent/`: Dockerfile and the echo agent (POST /invocations, GET /ping, GET /ws on 8080). */
export const AGENT_DIRECTORY = fileURLToPath(new URL("../agent", import.meta.url));

/** The actions a browser's identity-pool credentials need to reach the runtime over SigV4. */
export const AGENTCORE_INVOKE_ACTIONS = [
  "bedrock-agentcore:InvokeAgentRuntime",
  "bedrock-agentcore:InvokeAgentRuntimeWithWebSocketStream",
] as const;

export interface AgentCoreReferenceProps {
  userPool: IUserPool;
  /** The app client whose access tokens the runtime accepts (checked against `client_id`). */
  userPoolClient: IUserPoolClient;
  /** The identity pool's authenticated role. */
  authenticatedRole: IRole;
  /**
   * Roles of the user-pool groups. Amplify maps identities with a token rule
   * (`cognito:preferred_role`), so a member of `admins` gets the admins group role, not the
   * authenticated role: without the same grants they would be the one user who gets
   * "Unauthorized" (seed 001's symptom for a different cause).
   */
  groupRoles?: IRole[];
  /** ARN of the AppSync API (`arn:aws:appsync:{region}:{account}:apis/{apiId}`). */
  graphqlApiArn: string;
  /** The container; defaults to the echo agent built from `amplify/agent/` for linux/arm64. */
  artifact?: AgentRuntimeArtifact;
}

export interface AgentCoreReference {
  runtime: Runtime;
  /** The inline policy attached to the authenticated role (and the group roles). */
  browserPolicy: Policy;
  runtimeArn: string;
  qualifier: typeof DEFAULT_QUALIFIER;
}

export function defineAgentCoreReference(scope: Construct, props: AgentCoreReferenceProps): AgentCoreReference {
  const runtime = new Runtime(scope, "EchoAgentRuntime", {
    // AgentCore runs ARM64 containers only (devguide "HTTP protocol contract"), so the image is
    // built for linux/arm64 whatever the deploying machine is. `ampx sandbox` builds it there:
    // Docker with arm64 emulation (buildx/QEMU) or an arm64 host. Not built in CI.
    agentRuntimeArtifact:
      props.artifact ?? AgentRuntimeArtifact.fromAsset(AGENT_DIRECTORY, { platform: Platform.LINUX_ARM64 }),
    protocolConfiguration: ProtocolType.HTTP,
    description: "Auth Flow Debugger reference target: echoes the prompt (amplify/agent)",
    // usingCognito renders customJwtAuthorizer with
    //   DiscoveryUrl   = https://cognito-idp.{region}.amazonaws.com/{userPoolId}/.well-known/openid-configuration
    //   AllowedClients = [the app client id]
    // - DiscoveryUrl must be the full OpenID discovery document, not the issuer: CloudFormation
    //   rejects the issuer alone ("DiscoveryUrl ... does not match pattern
    //   ^.+/\.well-known/openid-configuration$", seed 000). The construct's own check skips
    //   token-valued URLs, which a user pool id always is, so backend.test.ts asserts it.
    // - AllowedClients, not AllowedAudience: AgentCore compares AllowedClients with the token's
    //   `client_id` and AllowedAudience with `aud`. Cognito access tokens carry `client_id` and no
    //   `aud`; ID tokens carry `aud` and no `client_id`. With AllowedClients the runtime takes
    //   the *access* token, as Amplify sends it; an ID token is refused with "Claim 'client_id'
    //   value mismatch with configuration." (seed 000). Setting AllowedAudience as well would
    //   make AgentCore check both claims, which no plain Cognito token satisfies.
    authorizerConfiguration: RuntimeAuthorizerConfiguration.usingCognito(props.userPool, [props.userPoolClient]),
  });

  const runtimeArn = runtime.agentRuntimeArn;
  const browserPolicy = new Policy(scope, "BrowserUserGrants", {
    statements: [
      // Seed 001: the authenticated role had appsync:GraphQL with a wrong Resource, and every
      // IAM-signed AppSync call failed with a bare 401 UnauthorizedException. AppSync authorizes
      // `apis/{apiId}/types/{Type}/fields/{field}`, so the resource is the API ARN + "/*"; the
      // API ARN alone matches no field.
      new PolicyStatement({
        sid: "AppSyncGraphQL",
        effect: Effect.ALLOW,
        actions: ["appsync:GraphQL"],
        resources: [`${props.graphqlApiArn}/*`],
      }),
      // Not runtime.grantInvoke(): it grants InvokeAgentRuntime and InvokeAgentRuntimeForUser
      // (which lets the caller name any user id; no browser should hold it) but not
      // InvokeAgentRuntimeWithWebSocketStream, so a presigned wss:// URL signed with these
      // credentials is refused (aws-cdk #37495, still so in aws-cdk-lib 2.276.0). `{arn}/*` covers
      // the endpoints (`{arn}/runtime-endpoint/DEFAULT`), which AgentCore authorizes too.
      //
      // This runtime is CUSTOM_JWT, and AgentCore accepts one kind of credential per runtime:
      // SigV4 calls to it get 403 "Authorization method mismatch" whatever the role allows. The
      // grants are here so that such a 403 can only mean the authorizer type, and so the same
      // role works unchanged if the runtime is switched to usingIAM() (the browser WebSocket
      // path with identity-pool credentials, seed 000 "AgentCore WebSocket").
      new PolicyStatement({
        sid: "AgentCoreInvoke",
        effect: Effect.ALLOW,
        actions: [...AGENTCORE_INVOKE_ACTIONS],
        resources: [runtimeArn, `${runtimeArn}/*`],
      }),
    ],
  });
  // A separate Policy in this scope, not role.addToPrincipalPolicy(): in Amplify the role lives
  // in the auth stack, which the data stack already depends on; a default policy there naming
  // the API and the runtime would make the nested stacks depend on each other in a cycle.
  for (const role of [props.authenticatedRole, ...(props.groupRoles ?? [])]) browserPolicy.attachToRole(role);

  return { runtime, browserPolicy, runtimeArn, qualifier: DEFAULT_QUALIFIER };
}
